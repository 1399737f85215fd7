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
import type { ExportOutput, KeyCardCheck, KeyStanding, PackageInspection, RecordCheck, RecordVerdict, VerdictCounts } from '../../../shared/api/exchange';
import { contentOf } from '../../../shared/model/plan-record';
import { upgradeContent, type PlanContent } from '../../../shared/model';
import { BackendError, isReadOnlyError } from '../errors';
import type { PlansRepo } from '../repositories/plans';
import type { RepoContext } from '../repositories/context';
import type { SettingsRepo } from '../repositories/settings';
import { canonicalJson } from './canonical';
import type { Manifest, PlanRecord } from './format';
import { ensureIdentity, replaceIdentity, type OfficeIdentity } from './identity';
import { packPackage, readPackageHead, refused, unpackRecords, verifyEntries, type UnpackedRecord } from './package';
import type { ExchangeRecords } from './records';
import { makeKeyCard, parseKeyCard, type TrustList } from './trust';

export interface ExchangeDeps {
  ctx: RepoContext;
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
  const { ctx, settings, plans, records, trust } = deps;
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

  function exportPackage(input: { planIds?: string[]; receiverId?: string; passphrase?: string }): ExportOutput & { bytes: Buffer } {
    const id = me();
    const { name, symbol, profileMissing } = profileName();
    const chosen = input.planIds !== undefined;
    const ids = input.planIds ?? records.ownPlanIds();
    const receiver = input.receiverId ? trust.get(input.receiverId) : null;
    if (input.receiverId && !receiver) throw new BackendError('NOT_FOUND', 'Đơn vị nhận chưa có trong danh sách khóa tin cậy.');
    const skipped: ExportOutput['skipped'] = [];
    const out: { record: PlanRecord; document?: Uint8Array }[] = [];
    let secret = false;
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
        record: { kind: 'plan', id: planId, owner: { officeId: id.officeId, name }, version: row.revision, status: row.status, updatedAt: row.updated_at, content },
        document: official?.docx,
      });
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
    records.log({
      direction: 'out',
      packageId,
      officeId: receiver?.officeId ?? '',
      officeName: receiver?.name ?? '',
      fileSha256,
      records: out.length,
      summary: { plans: out.length, documents, skipped: skipped.length, planIds: out.map((r) => r.record.id) },
    });
    const label = fileSafe(symbol) || id.officeId.slice(0, 8);
    return { fileName: `goi-${label}-${fileStamp(createdAt)}.khx`, base64: '', bytes, packageId, plans: out.length, documents, encrypted: !!input.passphrase, skipped, profileMissing };
  }

  /** mới / cập nhật / trùng / xung đột / bị từ chối for one record, against this database. */
  function classify(u: UnpackedRecord, senderId: string, encrypted: boolean): Classified {
    const { record } = u;
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
        const here = planTitle.get(r.id);
        return { kind: 'plan', id: r.id, title: here?.trich_yeu ?? '', number: here?.number ?? '', owner: { officeId: r.owner, name: r.owner === manifest.sender.officeId ? manifest.sender.name : '' }, version: r.version, verdict: 'same', reason: null, hasDocument: !!r.document };
      });
      return { classified: null, unpacked: null, inspection: inspectionOf(manifest, head.encrypted, head.fileSha256, checks) };
    }
    const unpacked = unpackRecords(head);
    const classified = unpacked.records.map((u) => classify(u, manifest.sender.officeId, unpacked.encrypted));
    const checks: RecordCheck[] = classified.map(({ u, verdict, reason }) => ({
      kind: 'plan',
      id: u.record.id,
      title: u.record.content.trichYeu,
      number: u.record.content.header.number,
      owner: u.record.owner,
      version: u.record.version,
      verdict,
      reason,
      hasDocument: !!u.document,
    }));
    return { unpacked, classified, inspection: inspectionOf(manifest, unpacked.encrypted, unpacked.fileSha256, checks) };
  }

  function inspect(bytes: Uint8Array, passphrase?: string) {
    const opened = open(bytes, passphrase);
    return opened ? { opened: true as const, inspection: opened.inspection } : { opened: false as const, needsPassphrase: true as const };
  }

  type Opened = NonNullable<ReturnType<typeof open>>;
  const apply = db.transaction((opened: Opened & { unpacked: NonNullable<Opened['unpacked']>; classified: Classified[] }, acceptSender: boolean) => {
    const { manifest } = opened.unpacked;
    const sender = manifest.sender;
    if (acceptSender) trust.accept(sender);
    const now = ctx.now();
    for (const { u, verdict, hash } of opened.classified) {
      if (verdict === 'same' || verdict === 'refused') continue;
      const { record, document } = u;
      const ownerIsUs = record.owner.officeId === me().officeId;
      const planId = verdict === 'conflict' ? ctx.newId() : record.id;
      const stored = plans.writeRevision(planId, record.content, record.status, 'import');
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
  });

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
    apply.immediate({ ...opened, unpacked: opened.unpacked, classified: opened.classified }, needsTrust && inspection.sender.officeId !== me().officeId);
    const c = inspection.counts;
    const message = `Đã nhập gói của ${inspection.sender.name || inspection.sender.officeId}: ${c.new} mới, ${c.update} cập nhật, ${c.conflict} xung đột, ${c.same} trùng, ${c.refused} bị từ chối.`;
    return { opened: true as const, inspection, alreadyImported: false, message };
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
    inspect,
    importPackage,
    /** At Ban hành: the issued .docx as the plan's official copy. */
    storeOfficialCopy(planId: string, revision: number, docx: Uint8Array) {
      records.storeOfficialCopy(planId, revision, createHash('sha256').update(docx).digest('hex'), docx);
    },
  };
}
export type ExchangeService = ReturnType<typeof createExchangeService>;
