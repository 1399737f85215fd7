/**
 * Key cards (.khkey): an office's public key, signed by that key (and by the old key after a replacement). The trust
 * list they enter is repositories/exchange/trust-list.ts.
 */
import { BackendError } from '../errors';
import { canonicalJson } from './canonical';
import { fingerprintOf, replacementMessage, verifySignature, type OfficeIdentity } from './identity';
export type { CardVerdict, KeyStanding } from '../repositories/exchange/trust-list';
import { KEY_CARD_FORMAT, KeyCard, type KeyCardBody } from './format';

const cardBody = (card: KeyCard): KeyCardBody => {
  const { signature: _signature, ...body } = card;
  return body;
};

/** A key card's bytes (the file), checked: schema, fingerprint, its own signature, and the old key's if it replaces one. */
export function parseKeyCard(bytes: Uint8Array): KeyCard {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new BackendError('VALIDATION', 'Tệp không phải thẻ khóa KẾ HOẠCH (.khkey): không phải JSON.');
  }
  const parsed = KeyCard.safeParse(raw);
  if (!parsed.success) throw new BackendError('VALIDATION', 'Tệp không phải thẻ khóa KẾ HOẠCH (.khkey) hợp lệ.');
  const card = parsed.data;
  if (fingerprintOf(card.publicKey) !== card.fingerprint) throw new BackendError('VALIDATION', 'Thẻ khóa bị sửa: dấu vân tay không khớp khóa công khai.');
  if (!verifySignature(card.publicKey, Buffer.from(canonicalJson(cardBody(card))), card.signature)) {
    throw new BackendError('VALIDATION', 'Thẻ khóa bị sửa sau khi ký: chữ ký không hợp lệ.');
  }
  if (card.replaces && !verifySignature(card.replaces.publicKey, replacementMessage(card.officeId, card.publicKey), card.replaces.signature)) {
    throw new BackendError('VALIDATION', 'Thẻ khóa ghi là thay khóa cũ nhưng chữ ký của khóa cũ không hợp lệ.');
  }
  return card;
}

/** This office's key card, signed by its key (and carrying the old key's signature after a replacement). */
export function makeKeyCard(identity: OfficeIdentity, name: string, symbol: string, createdAt: string): KeyCard {
  const body: KeyCardBody = {
    format: KEY_CARD_FORMAT,
    version: 1,
    officeId: identity.officeId,
    name,
    symbol,
    publicKey: identity.publicKey,
    fingerprint: identity.fingerprint,
    createdAt,
    ...(identity.replaces ? { replaces: identity.replaces } : {}),
  };
  return { ...body, signature: identity.sign(Buffer.from(canonicalJson(body))) };
}

