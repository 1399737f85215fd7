import { migration001 } from './001-foundation';
import { migration002 } from './002-plans';
import { migration003 } from './003-revision-history-index';
import { migration004 } from './004-search-printed-numbers';
import { migration005 } from './005-revision-checksums';
import { migration006 } from './006-task-tracking';
import { migration007 } from './007-exchange';
import { migration008 } from './008-task-status-today';
import { migration009 } from './009-exchange-tasks';
import { migration010 } from './010-task-list-search';
import { migration011 } from './011-shared-orgs';
import { migration012 } from './012-task-sync-queue';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration in order. Append only; never edit a released one (test/backend/migrations-frozen.test.ts). */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012];

export const LATEST_SCHEMA_VERSION = migrations.length;
