/** A file the importer will not read, with the Vietnamese reason; nothing is written. */
export class ImportRefused extends Error {}
