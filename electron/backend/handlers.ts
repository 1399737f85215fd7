/**
 * Every feature's handlers merged into the one map dispatch() runs. The type makes every channel of the contract
 * need a handler: a feature's map is typed by its own slice (Handlers<PlansChannels>), this one by the whole.
 */
import { appHandlers } from './app/handlers';
import { backupHandlers } from './backup/handlers';
import type { Handlers } from './dispatch';
import { exchangeHandlers } from './exchange/handlers';
import { importHandlers } from './import/handlers';
import { orgHandlers } from './org/handlers';
import { plansHandlers } from './plans/handlers';
import { registerHandlers } from './register/handlers';
import { reportsHandlers } from './reports/handlers';
import type { Services } from './services';
import { settingsHandlers } from './settings/handlers';
import { tasksHandlers } from './tasks/handlers';
import { templatesHandlers } from './templates/handlers';

export const createHandlers = (services: Services): Handlers => ({
  ...appHandlers(services),
  ...orgHandlers(services),
  ...settingsHandlers(services),
  ...plansHandlers(services),
  ...importHandlers(services),
  ...registerHandlers(services),
  ...reportsHandlers(services),
  ...templatesHandlers(services),
  ...backupHandlers(services),
  ...tasksHandlers(services),
  ...exchangeHandlers(services),
});
