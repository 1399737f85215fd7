export * from './common';
export * from './org';
export * from './profile';
export * from './plan';
export * from './settings';
export * from './lint';
export * from './template';
export { CONTENT_VERSION, NewerContentError, upgradeContent, withContentVersion } from './content-migrations';
