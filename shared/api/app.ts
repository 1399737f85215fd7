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
  /**
   * Today ("YYYY-MM-DD", the office's local calendar) by the backend's clock: the day task statuses and reports are
   * read on. Screens that pick a day by "today" take it from here, not from the window's clock.
   */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appChannels = {
  'app.info': query({ input: Empty, output: AppInfo }),
} as const;
export type AppChannels = typeof appChannels;
