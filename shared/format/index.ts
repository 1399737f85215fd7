export * from './date';
export * from './numbers';
export * from './symbol';
export * from './inline';
export * from './fold';
export * from './due-date';
export * from './text-chars';
export * from './file-name';
