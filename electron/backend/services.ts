import type { BackupService } from './backup/service';
import type { ExchangeRecords } from './repositories/exchange/records';
import type { ReportGridQuery } from './repositories/exchange/report-grid';
import type { ExchangeService } from './exchange/service';
import type { TrustList } from './repositories/exchange/trust-list';
import type { OrganizationsRepo } from './repositories/organizations';
import type { PlansRepo } from './repositories/plans';
import type { RegisterRepo } from './repositories/register';
import type { RegisterBook } from './repositories/register-book';
import type { RepoContext } from './repositories/context';
import type { SettingsRepo } from './repositories/settings';
import type { TasksRepo } from './repositories/tasks';
import type { EvidenceStore } from './tasks/evidence-store';
import type { TemplateStore } from './templates';

/** What the feature handlers (electron/backend/<feature>/handlers.ts) work with: the open store's repositories. */
export interface Services {
  readonly dataDir: string;
  readonly appVersion: string;
  readonly schemaVersion: number;
  /** The store was opened read-only (db/open.ts): writes answer READ_ONLY. */
  readonly readOnly: boolean;
  readonly ctx: RepoContext;
  readonly settings: SettingsRepo;
  readonly orgs: OrganizationsRepo;
  readonly register: RegisterRepo;
  readonly registerBook: RegisterBook;
  readonly plans: PlansRepo;
  /** Tracked tasks of issued plans and their progress reports. */
  readonly tasks: TasksRepo;
  /** Evidence files in the data folder (content-addressed). */
  readonly evidence: EvidenceStore;
  readonly templates: TemplateStore;
  readonly backups: BackupService;
  readonly exchange: ExchangeService;
  readonly trust: TrustList;
  readonly exchangeRecords: ExchangeRecords;
  /** For one of our plans: which units have reported. */
  readonly reportGrid: ReportGridQuery;
}
