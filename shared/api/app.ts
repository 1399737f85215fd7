import { z } from 'zod';
import { Empty } from './common';
import { query } from './contract';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  platform: z.string(),
  /**
   * The data is open read-only (its file or folder may not be written): plans can be read and printed, every write
   * answers READ_ONLY. The window shows a banner saying so.
   */
  readOnly: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appChannels = {
  'app.info': query({ input: Empty, output: AppInfo }),
} as const;
export type AppChannels = typeof appChannels;
