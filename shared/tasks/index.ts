export * from './deadline';
export * from './status';
export * from './status-codes';
export * from './plan-due';
