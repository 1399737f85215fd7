import type { AppChannels } from '../../../shared/api';
import { localToday } from '../../../shared/tasks';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';

export const APP_NAME = 'KẾ HOẠCH Desk';

export const appHandlers = (s: Services): Handlers<AppChannels> => ({
  'app.info': () => ({
    name: APP_NAME,
    version: s.appVersion,
    dataDir: s.dataDir,
    schemaVersion: s.schemaVersion,
    platform: process.platform,
    readOnly: s.readOnly,
    today: localToday(new Date(s.ctx.clock())),
  }),
});
