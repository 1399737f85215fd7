/**
 * Content migrations: plan content written by an earlier version of the app is upgraded to today's shape when it is
 * read, wherever it comes from (a revision in the database, a template file, a plan file given to the CLI, an
 * exchange or import file). One pure function chain: `upgradeContent(raw)` runs every step from the content's
 * version to CONTENT_VERSION, then the PlanContent schema reads the result (defaults, NFC, limits).
 *
 * - Content carries `contentVersion`; content without it is version 1 (everything stored before versions existed).
 * - Step n (STEPS[n - 1]) turns version n into version n + 1. A step is pure (returns new objects, never changes its
 *   input) and reads defensively: stored content may lack fields that had defaults, or already have today's shape
 *   (content made by today's code before it was stamped), and a step leaves what it does not recognise as it is.
 * - A step never drops what she typed: a value without a place in the new shape stays readable text.
 * - Content of a newer version than this app knows is refused by name (NewerContentError), never guessed at.
 *
 * Adding a version: write the step, append it to STEPS, raise CONTENT_VERSION, keep today's files as fixtures
 * (test/fixtures/content-v<n>/) and show they print the same text after the upgrade (test/model/content-migrations.test.ts).
 */

/** The shape of plan content this version of the app writes. */
export const CONTENT_VERSION = 2;

type Json = Record<string, unknown>;
type Step = (content: Json) => Json;

const trimEnd = (t: string) => t.replace(/[\s.,;:]+$/u, '');

/**
 * 1 → 2: one opening verb for all references becomes a verb on each. In a list every line carried the verb
 * ("- Căn cứ A;"); in a running sentence only the first reference printed does ("Căn cứ A, B, <lead>"), the others
 * go on it (verb ""). The items become { verb, text, join }.
 */
function perItemCanCuVerbs(content: Json): Json {
  const canCu = content.canCu;
  if (!isRecord(canCu) || !Array.isArray(canCu.items) || !canCu.items.some((i) => typeof i === 'string')) return content;
  const { verb: oldVerb, ...rest } = canCu;
  const verb = typeof oldVerb === 'string' ? oldVerb : 'Căn cứ';
  const sentence = canCu.form === 'sentence';
  let verbGiven = false;
  const items = canCu.items.map((item: unknown) => {
    if (typeof item !== 'string') return item;
    // Only references that print (not blank) take part: the first printed one of a sentence carries the verb.
    const printed = trimEnd(item).length > 0;
    const own = !sentence || (printed && !verbGiven);
    if (printed && own) verbGiven = true;
    return { verb: own ? verb : '', text: item, join: '' };
  });
  return { ...content, canCu: { ...rest, items } };
}

/** STEPS[n - 1] upgrades version n to n + 1. */
const STEPS: readonly Step[] = [perItemCanCuVerbs];

/** Content written by a newer app version: this one cannot know its shape. */
export class NewerContentError extends Error {
  constructor(readonly version: number) {
    super(
      `Nội dung kế hoạch được tạo bởi phiên bản ứng dụng mới hơn (dạng nội dung ${version}, ứng dụng này đọc đến dạng ${CONTENT_VERSION}). ` +
        'Hãy cập nhật ứng dụng để mở.',
    );
    this.name = 'NewerContentError';
  }
}

export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The version a raw content object declares: 1 when it has none; NaN when the field is there but not a version. */
export function contentVersionOf(raw: Json): number {
  const v = raw.contentVersion;
  if (v === undefined) return 1;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : Number.NaN;
}

/**
 * Raw content (parsed JSON) of any known version → today's shape, stamped with CONTENT_VERSION. Anything that is not
 * an object, or declares a malformed version, is returned untouched for the schema to report. Throws
 * NewerContentError for content of a newer version.
 */
export function upgradeContent(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const from = contentVersionOf(raw);
  if (Number.isNaN(from)) return raw;
  if (from > CONTENT_VERSION) throw new NewerContentError(from);
  let content = raw;
  for (let v = from; v < CONTENT_VERSION; v++) content = STEPS[v - 1]!(content);
  return withContentVersion(content);
}

/** The content stamped with today's version (first key, as the schema orders it); unchanged when it already is. */
export function withContentVersion<T extends object>(content: T): T & { contentVersion: typeof CONTENT_VERSION } {
  const stamped = content as T & { contentVersion?: unknown };
  if (stamped.contentVersion === CONTENT_VERSION) return stamped as T & { contentVersion: typeof CONTENT_VERSION };
  const { contentVersion: _old, ...rest } = stamped;
  return { contentVersion: CONTENT_VERSION, ...rest } as unknown as T & { contentVersion: typeof CONTENT_VERSION };
}
