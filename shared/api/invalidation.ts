/**
 * What each command of the contract makes stale: the query channels whose cached reads a success invalidates (every
 * input of each). The one place this is declared — the contract's `command(...)` declarations in the feature files
 * carry only their schemas.
 *
 * Plain data without schemas: the renderer's query cache imports it at start-up without zod or the contract's
 * schemas. Only types come from the contract (erased in the build); `satisfies` makes the typecheck fail on a
 * command missing here, a name that is not a command, or an invalidation that is not a query, and
 * test/api/channels.test.ts checks the same at run time.
 */
import type { Channel, CommandChannel, QueryChannel } from './index';

/** Everything that shows tasks. */
const taskViews = ['task.list', 'task.get', 'task.summary', 'task.timeline', 'task.preview', 'task.filterOptions'] as const;
/** Everything that shows a plan: the list, the plan itself, its history, the number book, its tracked tasks (which follow a plan's issue, reissue, bin and archive). */
const planViews = ['plan.list', 'plan.get', 'plan.revisions', 'plan.damagedRevisions', 'register.list', ...taskViews] as const;
/** What changes when a plan enters or leaves a list (created, binned, restored): the lists, their years, the book, the tasks, a plan's reports. */
const planLists = ['plan.list', 'plan.years', 'register.list', ...taskViews, 'report.ofPlan'] as const;
/** What an exchange package brought in changes: the exchange views and the plans and tasks it holds. */
const exchangeImported = [
  'exchange.log',
  'exchange.incoming',
  'exchange.trustList',
  'exchange.conflicts',
  'exchange.reportGrid',
  'plan.list',
  'plan.get',
  'plan.years',
  'plan.revisions',
  'task.list',
  'task.get',
  'task.summary',
  'task.timeline',
  'task.filterOptions',
] as const;
/** Everything the app reads: after a restore the interface reloads, and every cached read is stale. */
const everything = [
  'backup.list',
  'backup.secretPlans',
  'app.info',
  'template.list',
  'settings.get',
  'org.getSelf',
  'org.list',
  'register.list',
  'plan.list',
  'plan.get',
  'plan.years',
  'plan.revisions',
  'plan.getRevision',
  'plan.lint',
  'plan.renderDocx',
] as const;

/** Command → the query channels its success makes stale. `[]` only for a write nothing reads back. */
export const invalidations = {
  // org
  'org.saveSelf': ['org.getSelf'],
  'org.save': ['org.list'],
  'org.remove': ['org.list'],
  // settings: the "sắp đến hạn" window is a setting, every view of tasks shows statuses by it
  'settings.set': ['settings.get', 'task.list', 'task.get', 'task.summary', 'task.timeline'],
  // plans
  'plan.save': ['plan.list', 'plan.revisions', 'plan.years', 'register.list', 'task.preview'],
  'plan.remove': [...planLists, 'plan.get'],
  'plan.restore': [...planLists, 'plan.get'],
  'plan.duplicate': planLists,
  'plan.restoreRevision': planViews,
  'plan.allocateNumber': planViews,
  'plan.issue': planViews,
  'plan.reopen': planViews,
  'plan.archive': planViews,
  'plan.unarchive': planViews,
  // import
  'plan.import': ['plan.list', 'plan.years', 'register.list', 'report.ofPlan', 'backup.list', ...taskViews],
  // reports
  'report.draft': ['plan.list', 'plan.years', 'report.ofPlan'],
  // templates
  'template.instantiate': ['plan.list', 'plan.years'],
  // backup
  'backup.create': ['backup.list'],
  'backup.stageFile': [],
  'backup.restore': everything,
  // tasks
  'task.addReport': taskViews,
  'task.setState': taskViews,
  // exchange
  'exchange.replaceKey': ['exchange.identity'],
  'exchange.enrolKeyCards': ['exchange.trustList'],
  'exchange.revokeKey': ['exchange.trustList'],
  'exchange.linkOrg': ['exchange.trustList'],
  'exchange.exportPackage': ['exchange.log'],
  'exchange.packageWritten': ['exchange.log'],
  'exchange.import': exchangeImported,
  'exchange.importMany': exchangeImported,
  'exchange.resolveConflict': [
    'exchange.conflicts',
    'exchange.conflict',
    'plan.list',
    'plan.get',
    'plan.revisions',
    'plan.years',
    'task.list',
    'task.get',
    'task.summary',
    'task.timeline',
  ],
  // file (answered by main; nothing cached changes)
  'file.chooseSave': [],
  'file.chooseOpen': [],
  'file.chooseOpenMany': [],
  'file.read': [],
  'file.openEvidence': [],
} as const satisfies Record<CommandChannel, readonly QueryChannel[]>;

/**
 * Queries a command changes but deliberately keeps, each with the reason (so a reader does not "fix" the omission).
 */
export const leftAlone: Partial<Record<CommandChannel, Partial<Record<QueryChannel, string>>>> = {
  'plan.save': { 'plan.get': 'the editor owns the open plan’s state while typing; a refetch would overwrite it' },
};

/** The query channels a successful call of `channel` makes stale (none for a query). */
export function invalidatedBy(channel: Channel): readonly QueryChannel[] {
  return Object.hasOwn(invalidations, channel) ? invalidations[channel as CommandChannel] : [];
}
