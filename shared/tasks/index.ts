export * from './deadline';
export * from './status';
export * from './labels';
