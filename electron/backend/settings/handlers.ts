import type { SettingsChannels } from '../../../shared/api';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';

export const settingsHandlers = ({ settings }: Services): Handlers<SettingsChannels> => ({
  'settings.get': () => settings.get(),
  'settings.set': (patch) => settings.set(patch),
});
