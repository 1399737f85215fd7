export * from './deadline';
export * from './status';
export * from './plan-due';
