export * from './deadline';
export * from './status';
