export { importFile, importText, sniff, MAX_IMPORT_BYTES } from './import-file';
export { ImportRefused } from './refuse';
