export { importFile, importText, sniff, MAX_IMPORT_BYTES, type ImportOptions, type ImportReading, type LegacyFound } from './import-file';
export { ImportRefused } from './refuse';
