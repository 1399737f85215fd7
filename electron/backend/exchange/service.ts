/**
 * Data exchange between offices: the office's identity and key cards, the trust list, and packages (.khx) exported,
 * inspected and imported. Import is inspect-then-apply: every check of package.ts first, then each record classified
 * (mới / cập nhật / trùng / xung đột / bị từ chối) against this database, then everything applied in ONE transaction:
 *
 * - owner-writes: a plan belongs to the office that made it; a newer version from its owner replaces our copy (the
 *   previous revision stays in its history, the new one has reason `import`);
 * - ours is never overwritten: a package cannot change a plan this office owns;
 * - conflicts keep both: a different content at a version we already hold is stored beside ours as a conflict copy;
 * - idempotent: a package imported before changes nothing ("Gói này đã được nhập ngày …").
 */
import { createHash } from 'node:crypto';
import type { ConflictDetail, ConflictItem, ExportOutput, KeyCardCheck, KeyStanding, PackageInspection, RecordCheck, RecordVerdict, VerdictCounts } from '../../../shared/api/exchange';
import { contentOf } from '../../../shared/model/plan-record';
import { upgradeContent, type PlanContent } from '../../../shared/model';
import { withoutAutoCheckpoint } from '../db/open';
import { BackendError, isReadOnlyError } from '../errors';
import type { PlansRepo } from '../repositories/plans';
import type { RepoContext } from '../repositories/context';
import type { SettingsRepo } from '../repositories/settings';
import { canonicalJson } from './canonical';
import { describeRecord as describe } from './describe';
import type { AnyRecord, Manifest, PlanRecord, ReportRecord, TaskRecord } from './format';
import type { TasksRepo } from '../repositories/tasks';
import { factsOf } from '../repositories/tasks/status-sql';
import type { ReportRow, SharedRecords, TaskRow } from '../repositories/exchange/shared-records';
import type { EvidenceStore, StagedFile } from '../tasks/evidence-store';
import { ensureIdentity, replaceIdentity, type OfficeIdentity } from './identity';
import { packPackage, readPackageHead, refused, unpackRecords, verifyEntries, type UnpackedRecord } from './package';
import type { ExchangeRecords, LogLine as SentLine } from '../repositories/exchange/records';
import { makeKeyCard, parseKeyCard } from './trust';
import type { TrustList } from '../repositories/exchange/trust-list';

export interface ExchangeDeps {
  ctx: RepoContext;
  tasks: TasksRepo;
  shared: SharedRecords;
  evidence: EvidenceStore;
  dataDir: string;
  appVersion: string;
  settings: SettingsRepo;
  plans: PlansRepo;
  records: ExchangeRecords;
  trust: TrustList;
}

const COYEU =
  'mang độ mật {mark}: văn bản Tối mật, Tuyệt mật chỉ được chuyển qua kênh cơ yếu theo quy định bảo vệ bí mật nhà nước, không xuất ra gói trao đổi.';
const cannotTravel = (mark: string) => mark === 'TỐI MẬT' || mark === 'TUYỆT MẬT';

const recordHash = (status: string, content: PlanContent): string =>
  createHash('sha256').update(canonicalJson({ status, content })).digest('hex');

const viDateTime = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} lúc ${p(d.getHours())}:${p(d.getMinutes())}`;
};

const fileStamp = (iso: string) => iso.slice(0, 16).replace(/[-:]/gu, '').replace('T', '-');
const fileSafe = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/[đĐ]/gu, 'd').replace(/[^A-Za-z0-9]+/gu, '').slice(0, 20);

interface Classified {
  u: UnpackedRecord;
  verdict: RecordVerdict;
  reason: string | null;
  hash: string;
}

export function createExchangeService(deps: ExchangeDeps) {
  const { ctx, settings, plans, records, trust, tasks, shared, evidence } = deps;
  let secrecy: (planId: string) => string = () => '';
  const { db } = ctx;
  let identity: OfficeIdentity | null = null;
  const planMeta = db.prepare<[string], { revision: number; status: string }>('SELECT revision, status FROM plans WHERE id = ?');
  const planTitle = db.prepare<[string], { trich_yeu: string; number: string }>('SELECT trich_yeu, number FROM plans WHERE id = ?');

  /** The office identity, made on first use (createBackend asks at open). */
  function me(): OfficeIdentity {
    if (!identity) {
      identity = ensureIdentity(deps.dataDir, () => settings.officeId() ?? ctx.newId(), ctx.now);
      try {
        settings.setOfficeId(identity.officeId);
      } catch (err) {
        if (!isReadOnlyError(err)) throw err;
      }
    }
    return identity;
  }

  function profileName() {
    const self = settings.getSelf();
    return { name: self?.issuer.name ?? '', symbol: self?.issuer.symbol ?? '', profileMissing: !self };
  }

  function identityInfo() {
    const id = me();
    return { officeId: id.officeId, publicKey: id.publicKey, fingerprint: id.fingerprint, createdAt: id.createdAt, ...profileName() };
  }

  function exportKeyCard() {
    const { name, symbol } = profileName();
    const card = makeKeyCard(me(), name, symbol, ctx.now());
    const label = fileSafe(symbol) || me().officeId.slice(0, 8);
    return { fileName: `khoa-${label}.khkey`, base64: Buffer.from(JSON.stringify(card, null, 2)).toString('base64') };
  }

  function checkCard(file: { fileName: string; base64: string }): { check: KeyCardCheck; card: ReturnType<typeof parseKeyCard> | null } {
    try {
      const card = parseKeyCard(Buffer.from(file.base64, 'base64'));
      return {
        card,
        check: { fileName: file.fileName, officeId: card.officeId, name: card.name, fingerprint: card.fingerprint, verdict: trust.verdictOf(card), error: null, enrolled: false },
      };
    } catch (err) {
      const message = err instanceof BackendError ? err.message : 'Không đọc được thẻ khóa.';
      return { card: null, check: { fileName: file.fileName, officeId: null, name: '', fingerprint: '', verdict: null, error: message, enrolled: false } };
    }
  }

  const enrol = db.transaction((files: { fileName: string; base64: string }[], confirmChanged: readonly string[]): KeyCardCheck[] =>
    files.map((file) => {
      const { check, card } = checkCard(file);
      if (!card) return check;
      const take =
        check.verdict === 'new' || check.verdict === 'replaced' || ((check.verdict === 'changed' || check.verdict === 'revoked') && confirmChanged.includes(card.officeId));
      if (take) trust.accept(card);
      return { ...check, enrolled: take || check.verdict === 'same' };
    }),
  );

  /** The plan's secrecy mark (its current content), cached for one export or import. */
  function secrecyReader() {
    const cache = new Map<string, string>();
    return (planId: string): string => {
      let mark = cache.get(planId);
      if (mark === undefined) {
        const json = records.exportRow(planId)?.content;
        mark = json ? (JSON.parse(json) as PlanContent).header.secrecy : '';
        cache.set(planId, mark);
      }
      return mark;
    };
  }

  function reportRecord(r: ReportRow, owner: { officeId: string; name: string }): { record: ReportRecord; files: Uint8Array[] } {
    const files = shared.reportFiles(r.id);
    return {
      record: {
        kind: 'report',
        id: r.id,
        owner,
        version: 1,
        planId: r.plan_id,
        sourceId: r.source_id,
        date: r.date,
        text: r.text,
        percent: r.percent,
        createdAt: r.created_at,
        files: files.map((f) => ({ sha256: f.sha256, name: f.name, size: f.size, mediaType: f.media_type })),
      },
      files: files.map((f) => evidence.read(f.sha256)),
    };
  }

  const taskRecord = (t: TaskRow, owner: { officeId: string; name: string }): TaskRecord => ({
    kind: 'task',
    id: t.id,
    owner,
    version: t.facts_version,
    planId: t.plan_id,
    sourceId: t.source_id,
    body: t.body,
    facts: factsOf(t),
  });

  /** Packages made for a file not yet written (main's save dialog still open), by package id; the newest few only. */
  const awaitingWrite = new Map<string, SentLine>();
  function keepUntilWritten(packageId: string, line: SentLine): void {
    awaitingWrite.set(packageId, line);
    for (const old of awaitingWrite.keys()) {
      if (awaitingWrite.size <= 20) break;
      awaitingWrite.delete(old);
    }
  }
  /** The file of a package made with `logWhenWritten` is on disk: its Sổ trao đổi line now. */
  function packageWritten(packageId: string): { logged: boolean } {
    const line = awaitingWrite.get(packageId);
    if (!line) return { logged: false };
    awaitingWrite.delete(packageId);
    records.log(line);
    return { logged: true };
  }

  function exportPackage(input: {
    planIds?: string[];
    term?: string;
    sinceLast?: boolean;
    orgIds?: string[];
    receiverId?: string;
    passphrase?: string;
    logWhenWritten?: boolean;
  }): ExportOutput & { bytes: Buffer } {
    const id = me();
    const { name, symbol, profileMissing } = profileName();
    const self = { officeId: id.officeId, name };
    // The tasks of plans imported a moment ago are created first (they may be queued): a package takes them all.
    tasks.settle();
    const chosen = input.planIds !== undefined;
    const receiver = input.receiverId ? trust.get(input.receiverId) : null;
    if (input.receiverId && !receiver) throw new BackendError('NOT_FOUND', 'Đơn vị nhận chưa có trong danh sách khóa tin cậy.');
    if (input.sinceLast && !receiver) throw refused('Xuất phần thay đổi từ gói trước cần chọn đơn vị nhận.');
    // Since the last package to this receiver: what changed after it (the Sổ trao đổi's time); everything when none went.
    const since = input.sinceLast && receiver ? shared.lastSentTo(receiver.officeId) : null;
    const after = since ?? '';
    const ids =
      input.planIds ?? (input.term !== undefined ? records.ownPlanIdsOfTerm(input.term) : since ? records.ownPlanIdsSince(since) : records.ownPlanIds());
    const skipped: ExportOutput['skipped'] = [];
    const out: { record: AnyRecord; document?: Uint8Array; files?: Uint8Array[] }[] = [];
    let secret = false;
    let plansOut = 0;
    const planIdsOut: string[] = [];
    for (const planId of ids) {
      const row = records.exportRow(planId);
      if (!row) throw new BackendError('NOT_FOUND', `Không tìm thấy kế hoạch ${planId}.`);
      if (row.content === null) throw refused(`Kế hoạch ${planId} có phiên bản hiện tại bị hỏng trên đĩa: hãy khôi phục một phiên bản khác trước khi gửi.`);
      // The stored JSON was validated when it was saved; an older content version is brought to today's shape.
      const content = upgradeContent(JSON.parse(row.content)) as PlanContent;
      const title = content.trichYeu || '(chưa có trích yếu)';
      if (records.originOf(planId)) {
        if (chosen) throw refused(`Kế hoạch «${title}» là của đơn vị khác: chỉ đơn vị sở hữu mới gửi kế hoạch đó.`);
        continue;
      }
      const mark = content.header.secrecy;
      if (cannotTravel(mark)) {
        const reason = `Kế hoạch ${COYEU.replace('{mark}', mark)}`;
        if (chosen) throw refused(`Kế hoạch «${title}» ${COYEU.replace('{mark}', mark)}`);
        skipped.push({ id: planId, title, reason });
        continue;
      }
      if (mark === 'MẬT') secret = true;
      const official = row.status === 'draft' ? null : records.officialCopy(planId);
      out.push({
        record: { kind: 'plan', id: planId, owner: self, version: row.revision, status: row.status, updatedAt: row.updated_at, content },
        document: official?.docx,
      });
      plansOut += 1;
      planIdsOut.push(planId);
    }
    // The tracked tasks of those plans (facts set here) and the reports written here on them.
    let tasksOut = 0;
    let reportsOut = 0;
    const evidenceOut = new Set<string>();
    const takeReport = (r: ReportRow) => {
      const { record, files } = reportRecord(r, self);
      out.push({ record, files });
      reportsOut += 1;
      for (const f of record.files) evidenceOut.add(f.sha256);
    };
    for (const t of shared.ownTasks(planIdsOut, after)) {
      out.push({ record: taskRecord(t, self) });
      tasksOut += 1;
    }
    const ownTaskIds = planIdsOut.flatMap((p) => shared.planTaskIds(p));
    for (const r of shared.reportsOn(ownTaskIds, after)) takeReport(r);
    // Duties of received plans assigned to this office: our facts and reports go back to the plan's owner.
    if (!chosen && input.term === undefined) {
      const secrecy = secrecyReader();
      const duties = shared.dutiesHere(receiver?.officeId ?? null, (body) => tasks.isOurs(body)).filter((t) => !cannotTravel(secrecy(t.plan_id)));
      for (const t of duties) {
        if (secrecy(t.plan_id) === 'MẬT') secret = true;
        if (t.facts_version > 0 && t.facts_from === null && t.updated_at > after) {
          out.push({ record: taskRecord(t, self) });
          tasksOut += 1;
        }
      }
      const dutyReports = shared.reportsOn(duties.map((t) => t.id), after);
      for (const r of dutyReports) {
        if (secrecy(r.plan_id) === 'MẬT') secret = true;
        takeReport(r);
      }
    }
    // Directory entries the clerk chose to share (ours; one received from another office stays its owner's): those
    // named, else every entry marked "chia sẻ khi trao đổi" (since the last package: those changed after it).
    let orgsOut = 0;
    for (const orgId of input.orgIds ?? shared.sharedOrgIds(after)) {
      const org = shared.org(orgId);
      if (!org) throw new BackendError('NOT_FOUND', `Không tìm thấy đơn vị ${orgId} trong danh mục.`);
      if (shared.orgOrigin(orgId)) throw refused(`Đơn vị «${org.name}» trong danh mục là của đơn vị khác gửi đến: chỉ đơn vị đó gửi được.`);
      out.push({
        record: { kind: 'org', id: org.id, owner: self, version: org.revision, name: org.name, shortName: org.short_name, orgKind: org.kind, notes: org.notes },
      });
      orgsOut += 1;
    }
    if (secret && !input.passphrase) {
      throw refused('Gói có kế hoạch mang độ mật MẬT nên phải đặt mật khẩu (mã hóa để phòng mất USB; đây không phải mã hóa cơ yếu).');
    }
    const packageId = ctx.newId();
    const createdAt = ctx.now();
    const bytes = packPackage({
      packageId,
      createdAt,
      appVersion: deps.appVersion,
      sender: { officeId: id.officeId, name, symbol, publicKey: id.publicKey, fingerprint: id.fingerprint, profileMissing },
      receiver: receiver ? { officeId: receiver.officeId, name: receiver.name } : null,
      records: out,
      sign: id.sign,
      passphrase: input.passphrase,
    });
    const fileSha256 = createHash('sha256').update(bytes).digest('hex');
    const documents = out.filter((r) => r.document).length;
    const sent: SentLine = {
      direction: 'out',
      packageId,
      officeId: receiver?.officeId ?? '',
      officeName: receiver?.name ?? '',
      fileSha256,
      records: out.length,
      summary: { plans: plansOut, documents, tasks: tasksOut, reports: reportsOut, evidence: evidenceOut.size, orgs: orgsOut, skipped: skipped.length, since, planIds: planIdsOut },
    };
    if (input.logWhenWritten) keepUntilWritten(packageId, sent);
    else records.log(sent);
    const label = fileSafe(symbol) || id.officeId.slice(0, 8);
    return {
      fileName: `goi-${label}-${fileStamp(createdAt)}.khx`,
      base64: '',
      bytes,
      packageId,
      plans: plansOut,
      documents,
      tasks: tasksOut,
      reports: reportsOut,
      evidence: evidenceOut.size,
      orgs: orgsOut,
      since,
      encrypted: !!input.passphrase,
      skipped,
      profileMissing,
    };
  }

  /** mới / cập nhật / trùng / xung đột / bị từ chối for one record, against this database. */
  function classify(u: UnpackedRecord, senderId: string, encrypted: boolean, inPackage: ReadonlySet<string>): Classified {
    const { record } = u;
    if (record.kind === 'plan') return classifyPlan(u, record, senderId, encrypted);
    const c = (verdict: RecordVerdict, reason: string | null = null): Classified => ({ u, verdict, reason, hash: u.entry.sha256 });
    const selfId = me().officeId;
    if (record.owner.officeId !== senderId && record.owner.officeId !== selfId) {
      return c('refused', 'Bản ghi của một đơn vị thứ ba: mỗi đơn vị chỉ gửi bản ghi của mình.');
    }
    if (record.kind === 'org') {
      const here = shared.org(record.id);
      if (!here) return c('new');
      const origin = shared.orgOrigin(record.id);
      const same = here.name === record.name && here.short_name === record.shortName && here.kind === record.orgKind && here.notes === record.notes;
      if (!origin) return same ? c('same') : c('refused', 'Mã đơn vị trùng với một đơn vị trong danh mục của đơn vị này: không ghi đè.');
      if (origin.owner_office !== record.owner.officeId) return c('refused', 'Mã đơn vị trùng với đơn vị do một đơn vị khác gửi.');
      if (record.version <= origin.owner_revision || same) return c('same');
      return c('update');
    }
    // A task or a report belongs to a plan: in this package, or already here.
    const planHere = planMeta.get(record.planId);
    if (!planHere && !inPackage.has(record.planId)) return c('refused', 'Thuộc một kế hoạch chưa có ở đây (hãy nhập gói có kế hoạch đó trước).');
    const mark = planHere ? secrecy(record.planId) : '';
    if (cannotTravel(mark)) return c('refused', `Thuộc kế hoạch ${COYEU.replace('{mark}', mark)}`);
    if (mark === 'MẬT' && !encrypted) return c('refused', 'Thuộc kế hoạch MẬT: chỉ được nhận trong gói có mật khẩu.');
    if (record.kind === 'report') {
      if (shared.reportExists(record.id)) return c('same');
      const task = planHere ? shared.taskBySource(record.planId, record.sourceId) : null;
      if (!task && !inPackage.has(record.planId)) return c('refused', 'Báo cáo về một nhiệm vụ không có trong kế hoạch ở đây.');
      return c('new');
    }
    // A task's facts: from the office that reports on it (owner-writes for facts).
    if (record.owner.officeId === selfId) return c('same', 'Tình trạng nhiệm vụ do chính đơn vị này ghi.');
    const task = planHere ? shared.taskBySource(record.planId, record.sourceId) : null;
    if (!task) return inPackage.has(record.planId) ? c('new') : c('refused', 'Nhiệm vụ không có trong kế hoạch ở đây.');
    if (reportsHere(record.planId, task.body, record.owner.officeId)) return c('same', 'Nhiệm vụ giao cho đơn vị này: tình trạng do đơn vị này tự báo cáo.');
    if (task.facts_from === record.owner.officeId && task.facts_from_version >= record.version) return c('same');
    if (canonicalJson(factsOf(task)) === canonicalJson(record.facts)) return c('same');
    return c('update');
  }

  /** A duty of a plan received from `from` whose body is this office: its facts are this office's to set. */
  function reportsHere(planId: string, body: string, from: string): boolean {
    const origin = records.originOf(planId);
    return !!origin && origin.ownerOffice === from && tasks.isOurs(body);
  }

  function classifyPlan(u: UnpackedRecord, record: PlanRecord, senderId: string, encrypted: boolean): Classified {
    // The record's bytes are named by their SHA-256 in the signed manifest: the owner's version of this content.
    const hash = u.entry.sha256;
    const c = (verdict: RecordVerdict, reason: string | null = null): Classified => ({ u, verdict, reason, hash });
    const selfId = me().officeId;
    const owner = record.owner.officeId;
    const mark = record.content.header.secrecy;
    if (cannotTravel(mark)) return c('refused', `Kế hoạch ${COYEU.replace('{mark}', mark)}`);
    if (mark === 'MẬT' && !encrypted) return c('refused', 'Kế hoạch MẬT chỉ được nhận trong gói có mật khẩu.');
    if (owner !== senderId && owner !== selfId) return c('refused', 'Kế hoạch của một đơn vị thứ ba: chỉ đơn vị sở hữu mới gửi được kế hoạch của mình.');
    const meta = planMeta.get(record.id);
    const origin = meta ? records.originOf(record.id) : null;
    if (owner === selfId) {
      if (!meta) return c('new');
      if (origin) return c('refused', 'Mã kế hoạch trùng với một kế hoạch của đơn vị khác đang có ở đây.');
      const ours = plans.get(record.id);
      if (recordHash(ours.status, contentOf(ours)) === recordHash(record.status, record.content)) return c('same');
      if (record.version <= meta.revision) return c('same', `Kế hoạch của đơn vị này; ở đây đã có phiên bản ${meta.revision}, không ghi đè.`);
      return c('conflict', 'Kế hoạch của đơn vị này đã được sửa ở hai nơi: bản nhận được giữ thành bản xung đột bên cạnh bản đang có.');
    }
    if (!meta) return c('new');
    if (!origin) return c('refused', 'Mã kế hoạch trùng với một kế hoạch của đơn vị này: không ghi đè.');
    if (origin.ownerOffice !== owner) return c('refused', 'Mã kế hoạch trùng với kế hoạch của một đơn vị khác.');
    if (origin.conflictOf) return c('refused', 'Mã kế hoạch là một bản xung đột đang chờ xử lý.');
    if (origin.contentSha256 === hash) return c('same');
    if (record.version > origin.ownerRevision) return c('update');
    if (record.version < origin.ownerRevision) return c('same', `Ở đây đã có phiên bản mới hơn (${origin.ownerRevision}) của đơn vị sở hữu.`);
    return c('conflict', 'Cùng phiên bản nhưng nội dung khác bản đang có: bản nhận được giữ thành bản xung đột bên cạnh.');
  }

  function standingOf(sender: { officeId: string; publicKey: string }): KeyStanding {
    const id = me();
    if (sender.officeId === id.officeId) return sender.publicKey === id.publicKey ? 'self' : 'changed';
    return trust.standing(sender.officeId, sender.publicKey);
  }

  const standingMessage = (standing: KeyStanding, fingerprint: string): string =>
    ({
      self: 'Chữ ký hợp lệ: gói do chính đơn vị này tạo.',
      trusted: 'Chữ ký hợp lệ; đơn vị gửi có trong danh sách khóa tin cậy.',
      unknown: `Chữ ký hợp lệ nhưng đơn vị gửi CHƯA có trong danh sách khóa tin cậy. Hãy gọi điện cho đơn vị gửi và so dấu vân tay ${fingerprint}; chỉ xác nhận nhập khi trùng khớp từng chữ số.`,
      changed: `CẢNH BÁO: đơn vị gửi đã đổi khóa mà không có chữ ký của khóa cũ. Hãy so lại dấu vân tay ${fingerprint} với đơn vị gửi trước khi xác nhận.`,
      revoked: 'Khóa của đơn vị gửi đã bị thu hồi: không nhập được gói này.',
    })[standing];

  function inspectionOf(manifest: Manifest, encrypted: boolean, fileSha256: string, checks: RecordCheck[]): PackageInspection {
    const standing = standingOf(manifest.sender);
    const counts: VerdictCounts = { new: 0, update: 0, same: 0, conflict: 0, refused: 0 };
    for (const c of checks) counts[c.verdict] += 1;
    const { sender } = manifest;
    return {
      packageId: manifest.packageId,
      formatVersion: manifest.version,
      createdAt: manifest.createdAt,
      sender: { officeId: sender.officeId, name: sender.name, symbol: sender.symbol, fingerprint: sender.fingerprint, profileMissing: sender.profileMissing },
      receiver: manifest.receiver,
      signatureValid: true,
      standing,
      standingMessage: standingMessage(standing, sender.fingerprint),
      encrypted,
      fileSha256,
      importedAt: records.receivedAt(manifest.packageId),
      records: checks,
      counts,
    };
  }

  /**
   * Read and check a package, then classify its records against this database. A package imported before stops
   * after its signed manifest: nothing can change, and its records are named as this database holds them.
   */
  function open(bytes: Uint8Array, passphrase?: string) {
    const head = readPackageHead(bytes, passphrase);
    if ('needsPassphrase' in head) return null;
    const { manifest } = head;
    const selfId = me().officeId;
    if (manifest.receiver && manifest.receiver.officeId !== selfId) {
      throw refused(`Gói này gửi cho đơn vị khác (${manifest.receiver.name || manifest.receiver.officeId}), không phải đơn vị này: không nhập.`);
    }
    if (records.receivedAt(manifest.packageId)) {
      verifyEntries(head);
      const checks: RecordCheck[] = manifest.records.map((r) => {
        const here = r.kind === 'plan' ? planTitle.get(r.id) : undefined;
        return {
          kind: r.kind,
          id: r.id,
          title: here?.trich_yeu ?? '',
          number: here?.number ?? '',
          owner: { officeId: r.owner, name: r.owner === manifest.sender.officeId ? manifest.sender.name : '' },
          version: r.version,
          verdict: 'same',
          reason: null,
          hasDocument: !!r.document,
          planId: null,
          files: r.files?.length ?? 0,
        };
      });
      return { classified: null, unpacked: null, inspection: inspectionOf(manifest, head.encrypted, head.fileSha256, checks) };
    }
    const unpacked = unpackRecords(head);
    // Task and report records are classified against the tasks here: their plans' queued tasks are created first.
    const recordPlans = unpacked.records.flatMap(({ record }) => (record.kind === 'task' || record.kind === 'report' ? [record.planId] : []));
    if (recordPlans.length) tasks.settle(new Set(recordPlans));
    secrecy = secrecyReader();
    const inPackage = new Set(unpacked.records.filter((u) => u.record.kind === 'plan').map((u) => u.record.id));
    const classified = unpacked.records.map((u) => classify(u, manifest.sender.officeId, unpacked.encrypted, inPackage));
    const checks: RecordCheck[] = classified.map(({ u, verdict, reason }) => ({ ...describe(u.record), verdict, reason, hasDocument: !!u.document }));
    return { unpacked, classified, inspection: inspectionOf(manifest, unpacked.encrypted, unpacked.fileSha256, checks) };
  }

  function inspect(bytes: Uint8Array, passphrase?: string) {
    const opened = open(bytes, passphrase);
    return opened ? { opened: true as const, inspection: opened.inspection } : { opened: false as const, needsPassphrase: true as const };
  }

  /** Plans first (a task or report may belong to a plan in the same package), then directory entries, tasks, reports. */
  const APPLY_ORDER: Record<AnyRecord['kind'], number> = { plan: 0, org: 1, task: 2, report: 3 };

  type Opened = NonNullable<ReturnType<typeof open>>;
  const apply = db.transaction(
    (opened: Opened & { unpacked: NonNullable<Opened['unpacked']>; classified: Classified[] }, acceptSender: boolean) => {
      const { manifest } = opened.unpacked;
      const sender = manifest.sender;
      if (acceptSender) trust.accept(sender);
      // The origin row of a new received plan is written before the plan itself, so the plan's task sync sees it.
      db.pragma('defer_foreign_keys = ON');
      const now = ctx.now();
      const ordered = [...opened.classified].sort((a, b) => APPLY_ORDER[a.u.record.kind] - APPLY_ORDER[b.u.record.kind]);
      const applyRecord = ({ u, verdict, hash }: Classified): void => {
        if (verdict === 'same' || verdict === 'refused') return;
        const { record } = u;
        const selfId = me().officeId;
        const ownerIsUs = record.owner.officeId === selfId;
        if (record.kind === 'org') {
          shared.putOrg({ id: record.id, name: record.name, shortName: record.shortName, kind: record.orgKind, notes: record.notes, owner: record.owner.officeId, version: record.version }, verdict === 'update');
          return;
        }
        if (record.kind === 'task') {
          const task = shared.taskBySource(record.planId, record.sourceId);
          if (task && !reportsHere(record.planId, task.body, record.owner.officeId)) tasks.applyReceivedFacts(task.id, record.facts, record.owner.officeId, record.version);
          return;
        }
        if (record.kind === 'report') {
          const task = shared.taskBySource(record.planId, record.sourceId);
          if (!task || shared.reportExists(record.id)) return;
          tasks.addReceivedReport(
            { id: record.id, taskId: task.id, date: record.date, text: record.text, percent: record.percent, createdAt: record.createdAt, office: ownerIsUs ? null : record.owner },
            record.files.map((f) => ({ sha256: f.sha256, size: f.size, mediaType: f.mediaType, name: f.name })),
          );
          return;
        }
        const { document } = u;
        const planId = verdict === 'conflict' ? ctx.newId() : record.id;
        if (!ownerIsUs || verdict === 'conflict') {
          records.setOrigin({
            planId,
            ownerOffice: record.owner.officeId,
            ownerName: record.owner.name,
            ownerRevision: record.version,
            contentSha256: hash,
            conflictOf: verdict === 'conflict' ? record.id : null,
            receivedAt: now,
          });
        }
        const stored = plans.writeRevision(planId, record.content, record.status, 'import');
        if (document) records.storeOfficialCopy(planId, stored.revision, u.entry.document!.sha256, document);
        if (!ownerIsUs) {
          const h = record.content.header;
          records.registerIncoming({
            packageId: manifest.packageId,
            fromOffice: sender.officeId,
            fromName: sender.name,
            planId,
            number: h.number ? `${h.number}-${h.docType}/${h.issuer.symbol}` : '',
            docDate: [h.date.day, h.date.month, h.date.year].filter(Boolean).join('/'),
            trichYeu: record.content.trichYeu,
            kind: verdict,
          });
        }
      };
      // The plans' search text goes in together once every plan is written; the tracked tasks of new plans are queued
      // (tasks repository), except those of plans whose task or report records come in this package.
      const plansEnd = ordered.findIndex((c) => c.u.record.kind !== 'plan');
      plans.inBulk(() => tasks.inBulk(() => tasks.deferringNew(() => ordered.slice(0, plansEnd < 0 ? ordered.length : plansEnd).forEach(applyRecord))));
      if (plansEnd >= 0) {
        const rest = ordered.slice(plansEnd);
        tasks.settle(new Set(rest.flatMap(({ u }) => (u.record.kind === 'task' || u.record.kind === 'report' ? [u.record.planId] : []))));
        rest.forEach(applyRecord);
      }
      records.log({
        direction: 'in',
        packageId: manifest.packageId,
        officeId: sender.officeId,
        officeName: sender.name,
        fileSha256: opened.unpacked.fileSha256,
        records: opened.classified.length,
        summary: { ...opened.inspection.counts },
      });
    },
  );

  function importPackage(bytes: Uint8Array, options: { passphrase?: string; trust?: boolean }) {
    const opened = open(bytes, options.passphrase);
    if (!opened) return { opened: false as const, needsPassphrase: true as const };
    const { inspection } = opened;
    if (inspection.importedAt || !opened.unpacked || !opened.classified) {
      return { opened: true as const, inspection, alreadyImported: true, message: `Gói này đã được nhập ngày ${viDateTime(inspection.importedAt ?? '')}; không có gì thay đổi.` };
    }
    if (inspection.standing === 'revoked') throw refused(inspection.standingMessage);
    const needsTrust = inspection.standing === 'unknown' || inspection.standing === 'changed';
    if (needsTrust && !options.trust) {
      throw refused(`${inspection.standingMessage} Gói chưa được nhập.`);
    }
    // Evidence files are staged (written, fsynced) before the transaction and moved in only after it commits.
    const staged = new Map<string, StagedFile>();
    try {
      for (const { u, verdict } of opened.classified) {
        if (u.record.kind !== 'report' || verdict !== 'new') continue;
        u.record.files.forEach((f, i) => {
          if (!staged.has(f.sha256) && !tasks.evidence.exists(f.sha256)) staged.set(f.sha256, evidence.stage(u.files[i]!));
        });
      }
      // The log is copied into the file by the next write: one of the background steps that follow an import.
      withoutAutoCheckpoint(db, () =>
        apply.immediate({ ...opened, unpacked: opened.unpacked, classified: opened.classified }, needsTrust && inspection.sender.officeId !== me().officeId),
      );
      tasks.settleSoon();
      for (const [sha, file] of staged) {
        evidence.commit(file);
        staged.delete(sha);
      }
    } finally {
      for (const file of staged.values()) evidence.discard(file);
    }
    const c = inspection.counts;
    const message = `Đã nhập gói của ${inspection.sender.name || inspection.sender.officeId}: ${c.new} mới, ${c.update} cập nhật, ${c.conflict} xung đột, ${c.same} trùng, ${c.refused} bị từ chối.`;
    return { opened: true as const, inspection, alreadyImported: false, message };
  }

  function conflictItem(o: ReturnType<ExchangeRecords['conflicts']>[number]): ConflictItem {
    return {
      copyId: o.planId,
      planId: o.conflictOf!,
      trichYeu: o.trichYeu,
      number: o.number,
      owner: { officeId: o.ownerOffice, name: o.ownerName },
      theirVersion: o.ownerRevision,
      ourRevision: o.ourRevision ?? 0,
      receivedAt: o.receivedAt,
    };
  }

  function conflictOrigin(copyId: string) {
    const origin = records.originOf(copyId);
    if (!origin?.conflictOf) throw new BackendError('NOT_FOUND', 'Không tìm thấy bản xung đột (có thể đã được xử lý).');
    return origin as typeof origin & { conflictOf: string };
  }

  /** Both versions of a conflict, for the side-by-side view. */
  function conflict(copyId: string): ConflictDetail {
    conflictOrigin(copyId);
    const item = records.conflicts().find((c) => c.planId === copyId)!;
    const side = (planId: string) => {
      const p = plans.get(planId);
      return { revision: p.revision, status: p.status, updatedAt: p.updatedAt, content: contentOf(p) };
    };
    return { ...conflictItem(item), ours: side(item.conflictOf!), theirs: side(copyId) };
  }

  /**
   * Resolve a conflict by choosing: `ours` drops the copy; `theirs` stores the copy's content as the plan's next
   * revision (reason `import`; a received plan takes the owner's version and hash the copy carried), then drops it.
   */
  const resolveTx = db.transaction((copyId: string, keep: 'ours' | 'theirs') => {
    const origin = conflictOrigin(copyId);
    const target = origin.conflictOf;
    let revision = planMeta.get(target)?.revision ?? 0;
    if (keep === 'theirs') {
      const theirs = plans.get(copyId);
      const stored = plans.writeRevision(target, contentOf(theirs), theirs.status, 'import');
      revision = stored.revision;
      const official = records.officialCopy(copyId);
      if (official) records.storeOfficialCopy(target, stored.revision, official.sha256, official.docx);
      const targetOrigin = records.originOf(target);
      if (targetOrigin) records.setOrigin({ ...targetOrigin, ownerRevision: origin.ownerRevision, contentSha256: origin.contentSha256, receivedAt: ctx.now() });
    }
    records.dropPlan(copyId);
    return { planId: target, kept: keep, revision };
  });

  /** Several packages (every .khx on a stick): each in its own transaction; one refused does not stop the others. */
  function importMany(packages: { fileName: string; base64: string; passphrase?: string }[], trustSenders: boolean) {
    const counts: VerdictCounts = { new: 0, update: 0, same: 0, conflict: 0, refused: 0 };
    const results = packages.map((p) => {
      try {
        const r = importPackage(Buffer.from(p.base64, 'base64'), { passphrase: p.passphrase, trust: trustSenders });
        if (!r.opened) return { fileName: p.fileName, outcome: 'needsPassphrase' as const, message: 'Gói được mã hóa: cần mật khẩu.', inspection: null };
        if (!r.alreadyImported) for (const k of Object.keys(counts) as (keyof VerdictCounts)[]) counts[k] += r.inspection.counts[k];
        return { fileName: p.fileName, outcome: r.alreadyImported ? ('alreadyImported' as const) : ('imported' as const), message: r.message, inspection: r.inspection };
      } catch (err) {
        if (!(err instanceof BackendError) || err.code !== 'VALIDATION') throw err;
        return { fileName: p.fileName, outcome: 'refused' as const, message: err.message, inspection: null };
      }
    });
    const n = (o: string) => results.filter((r) => r.outcome === o).length;
    const message =
      `${packages.length} gói: ${n('imported')} đã nhập, ${n('alreadyImported')} đã nhập trước đó, ${n('refused')} bị từ chối` +
      `${n('needsPassphrase') ? `, ${n('needsPassphrase')} cần mật khẩu` : ''}. Bản ghi: ${counts.new} mới, ${counts.update} cập nhật, ${counts.conflict} xung đột, ${counts.same} trùng, ${counts.refused} bị từ chối.`;
    return { results, counts, message };
  }

  return {
    identity: me,
    identityInfo,
    exportKeyCard,
    replaceKey() {
      identity = replaceIdentity(deps.dataDir, me(), ctx.now);
      return identityInfo();
    },
    checkKeyCards: (files: { fileName: string; base64: string }[]) => files.map((f) => checkCard(f).check),
    enrolKeyCards: (files: { fileName: string; base64: string }[], confirmChanged: readonly string[]) => enrol.immediate(files, confirmChanged),
    exportPackage,
    packageWritten,
    inspect,
    importPackage,
    importMany,
    conflicts: () => records.conflicts().map(conflictItem),
    conflict,
    resolveConflict: (copyId: string, keep: 'ours' | 'theirs') => resolveTx.immediate(copyId, keep),
    /** At Ban hành: the issued .docx as the plan's official copy. */
    storeOfficialCopy(planId: string, revision: number, docx: Uint8Array) {
      records.storeOfficialCopy(planId, revision, createHash('sha256').update(docx).digest('hex'), docx);
    },
  };
}
export type ExchangeService = ReturnType<typeof createExchangeService>;
