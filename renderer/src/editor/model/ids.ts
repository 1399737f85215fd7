/** A fresh UUID for a new block, unit, task, recipient or appendix (the model requires UUIDs). */
export const newId = (): string => crypto.randomUUID();
