import { Settings, SettingsPatch } from '../model';
import { Empty } from './common';
import { command, query } from './contract';

export const settingsChannels = {
  'settings.get': query({ input: Empty, output: Settings }),
  'settings.set': command({ input: SettingsPatch, output: Settings, invalidates: ['settings.get'] }),
} as const;
export type SettingsChannels = typeof settingsChannels;
