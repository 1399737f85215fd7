import { Settings, SettingsPatch } from '../model';
import { Empty } from './common';
import { command, query } from './contract';

export const settingsChannels = {
  'settings.get': query({ input: Empty, output: Settings }),
    /** The "sắp đến hạn" window is a setting: every view of tasks shows statuses by it. */
  'settings.set': command({
    input: SettingsPatch,
    output: Settings,
  }),
} as const;
export type SettingsChannels = typeof settingsChannels;
