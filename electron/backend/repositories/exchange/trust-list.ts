/**
 * The trust list (exchange_offices): the offices whose public keys this office knows, each trusted or revoked,
 * linked to its directory organization. Key cards (.khkey, exchange/trust.ts) enter it here, many at once; a card that
 * changes a known office's key is taken when the old key signed the change, and otherwise only after the clerk
 * compared the fingerprint and confirmed.
 */
import { foldVietnamese } from '../../../../shared/format/fold';
import { BackendError } from '../../errors';
import type { RepoContext } from '../context';
import { fingerprintOf } from '../../exchange/identity';
import type { KeyCard } from '../../exchange/format';

export type TrustStatus = 'trusted' | 'revoked';

export interface TrustedOffice {
  officeId: string;
  name: string;
  symbol: string;
  publicKey: string;
  fingerprint: string;
  status: TrustStatus;
  orgId: string | null;
  addedAt: string;
  updatedAt: string;
}

type Row = {
  office_id: string;
  name: string;
  symbol: string;
  public_key: string;
  fingerprint: string;
  status: TrustStatus;
  org_id: string | null;
  previous_keys: string;
  added_at: string;
  updated_at: string;
};

const toOffice = (r: Row): TrustedOffice => ({
  officeId: r.office_id,
  name: r.name,
  symbol: r.symbol,
  publicKey: r.public_key,
  fingerprint: r.fingerprint,
  status: r.status,
  orgId: r.org_id,
  addedAt: r.added_at,
  updatedAt: r.updated_at,
});

/**
 * How a sender's key stands against the trust list: `self` (our own key), `trusted`, `unknown` (not listed),
 * `changed` (listed with another key, no signed replacement), `revoked`.
 */
export type KeyStanding = 'self' | 'trusted' | 'unknown' | 'changed' | 'revoked';

/** What enrolling a card would do: new office, same key again, a replacement signed by the old key, or a changed key. */
export type CardVerdict = 'new' | 'same' | 'replaced' | 'changed' | 'revoked' | 'self';

export function createTrustList(ctx: RepoContext, selfId: () => string | null) {
  const { db } = ctx;
  const COLUMNS = 'office_id, name, symbol, public_key, fingerprint, status, org_id, previous_keys, added_at, updated_at';
  const byId = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM exchange_offices WHERE office_id = ?`);
  const all = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM exchange_offices ORDER BY name, office_id`);
  const insert = db.prepare(
    `INSERT INTO exchange_offices (office_id, name, symbol, public_key, fingerprint, status, org_id, previous_keys, added_at, updated_at)
     VALUES (@officeId, @name, @symbol, @publicKey, @fingerprint, 'trusted', @orgId, '[]', @now, @now)`,
  );
  const updateKey = db.prepare(
    `UPDATE exchange_offices SET name = @name, symbol = @symbol, public_key = @publicKey, fingerprint = @fingerprint, status = 'trusted',
       previous_keys = @previousKeys, updated_at = @now, revision = revision + 1 WHERE office_id = @officeId`,
  );
  const setStatus = db.prepare<[TrustStatus, string, string]>('UPDATE exchange_offices SET status = ?, updated_at = ?, revision = revision + 1 WHERE office_id = ?');
  const setOrg = db.prepare<[string | null, string, string]>('UPDATE exchange_offices SET org_id = ?, updated_at = ?, revision = revision + 1 WHERE office_id = ?');
  const orgNames = db.prepare<[], { id: string; name: string; short_name: string }>('SELECT id, name, short_name FROM organizations');
  const orgExists = db.prepare<[string], number>('SELECT 1 FROM organizations WHERE id = ?').pluck();

  /** The directory organization whose name (accents aside) is the office's name, when there is exactly one. */
  function matchOrg(name: string): string | null {
    const folded = foldVietnamese(name).trim();
    if (!folded) return null;
    const hits = orgNames.all().filter((o) => foldVietnamese(o.name).trim() === folded || (o.short_name && foldVietnamese(o.short_name).trim() === folded));
    return hits.length === 1 ? hits[0]!.id : null;
  }

  function get(officeId: string): TrustedOffice | null {
    const row = byId.get(officeId);
    return row ? toOffice(row) : null;
  }

  function standing(officeId: string, publicKey: string): KeyStanding {
    if (officeId === selfId()) return 'self';
    const known = get(officeId);
    if (!known) return 'unknown';
    if (known.status === 'revoked') return 'revoked';
    return known.publicKey === publicKey ? 'trusted' : 'changed';
  }

  function verdictOf(card: KeyCard): CardVerdict {
    if (card.officeId === selfId()) return 'self';
    const known = get(card.officeId);
    if (!known) return 'new';
    if (known.publicKey === card.publicKey) return known.status === 'revoked' ? 'revoked' : 'same';
    if (known.status !== 'revoked' && card.replaces?.publicKey === known.publicKey) return 'replaced';
    return 'changed';
  }

  /**
   * Put an office's key in the list as trusted (a new office, a signed replacement, or a change the clerk
   * confirmed). The old key is kept in previous_keys. Runs inside the caller's transaction when there is one.
   */
  function accept(office: { officeId: string; name: string; symbol: string; publicKey: string }): void {
    const now = ctx.now();
    const fingerprint = fingerprintOf(office.publicKey);
    const known = byId.get(office.officeId);
    if (!known) {
      insert.run({ ...office, fingerprint, orgId: matchOrg(office.name), now });
      return;
    }
    const previous = JSON.parse(known.previous_keys) as string[];
    if (known.public_key !== office.publicKey && !previous.includes(known.public_key)) previous.push(known.public_key);
    updateKey.run({ ...office, fingerprint, previousKeys: JSON.stringify(previous), now });
  }

  function revoke(officeId: string): TrustedOffice {
    if (!byId.get(officeId)) throw new BackendError('NOT_FOUND', 'Không tìm thấy đơn vị trong danh sách khóa tin cậy.');
    setStatus.run('revoked', ctx.now(), officeId);
    return get(officeId)!;
  }

  function link(officeId: string, orgId: string | null): TrustedOffice {
    if (!byId.get(officeId)) throw new BackendError('NOT_FOUND', 'Không tìm thấy đơn vị trong danh sách khóa tin cậy.');
    if (orgId !== null && !orgExists.get(orgId)) throw new BackendError('NOT_FOUND', 'Không tìm thấy đơn vị trong danh mục.');
    setOrg.run(orgId, ctx.now(), officeId);
    return get(officeId)!;
  }

  return { get, list: () => all.all().map(toOffice), standing, verdictOf, accept, revoke, link };
}
export type TrustList = ReturnType<typeof createTrustList>;
