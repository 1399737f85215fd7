/**
 * The lead sentence, the signature, the nơi nhận and the bodies given tasks must speak of the issuer's own level
 * (THE-THUC.md, chi bộ section). A chi bộ plan started from the Đảng ủy xã template keeps "Ban Thường vụ Đảng ủy ban
 * hành …" and "Thường trực Tỉnh ủy (b/c)": each mismatch is a warning naming both sides.
 */
import { foldVietnamese } from '../format/fold';
import type { Block, PlanContent } from '../model/plan';
import { type Findings, type Path } from './findings';

/** Party committee levels, from the province (1) down to the chi bộ (4). */
type Rank = 1 | 2 | 3 | 4;

const RANK_NAMES: Record<Rank, string> = {
  1: 'tỉnh ủy, thành ủy',
  2: 'huyện ủy, quận ủy, thị ủy',
  3: 'đảng ủy',
  4: 'chi bộ',
};

/** Who drafts a plan at each level, as the lead sentence says it. */
const LEAD_EXAMPLES: Record<Rank, string> = {
  1: '"Ban Thường vụ Tỉnh ủy ban hành …"',
  2: '"Ban Thường vụ Huyện ủy ban hành …"',
  3: '"Ban Thường vụ Đảng ủy ban hành …" hoặc "Đảng ủy ban hành …"',
  4: '"Chi ủy xây dựng …" hoặc "Chi bộ xây dựng …"',
};

/** Folded upper case, single spaces: "Ban Thường vụ Đảng ủy" → "BAN THUONG VU DANG UY". */
const fold = (s: string): string => foldVietnamese(s).toUpperCase().replace(/[^A-Z0-9]+/gu, ' ').trim();

/** A committee named in folded text, with its level. Longer names first ("BAN CHI UY" before "CHI UY"). */
const BODIES: [RegExp, Rank][] = [
  [/\b(?:BAN )?CHI UY\b/gu, 4],
  [/\bCHI BO\b/gu, 4],
  [/\bDANG UY\b/gu, 3],
  [/\b(?:HUYEN|QUAN|THI) UY\b/gu, 2],
  [/\b(?:TINH|THANH) UY\b/gu, 1],
];

interface Mention {
  rank: Rank;
  at: number;
  end: number;
}

function mentions(folded: string): Mention[] {
  const out: Mention[] = [];
  for (const [re, rank] of BODIES) for (const m of folded.matchAll(re)) out.push({ rank, at: m.index, end: m.index + m[0].length });
  return out.sort((a, b) => a.at - b.at);
}

/** The issuer's level from its name ("CHI BỘ TRƯỜNG TIỂU HỌC" → 4); null for advisory bodies and the Centre. */
export function issuerRank(name: string): Rank | null {
  const f = fold(name);
  if (/^CHI BO\b/u.test(f)) return 4;
  if (/^DANG UY\b/u.test(f)) return 3;
  if (/^(HUYEN|QUAN|THI) UY\b/u.test(f)) return 2;
  if (/^(TINH|THANH) UY\b/u.test(f)) return 1;
  return null;
}

/** The level of the body that drafts the plan in the lead sentence: the committee named just before "ban hành"/"xây dựng". */
function leadRank(lead: string): { rank: Rank; phrase: string } | null {
  const f = fold(lead);
  const verb = /\b(BAN HANH|XAY DUNG|DE RA|TRIEN KHAI)\b/u.exec(f);
  if (!verb) return null;
  const before = mentions(f.slice(0, verb.index)).at(-1);
  if (!before) return null;
  // The committee is the subject of the verb: at most a few words between them.
  if (f.slice(before.end, verb.index).trim().split(' ').filter(Boolean).length > 3) return null;
  // The lead's own words up to the verb: "Ban Thường vụ Đảng ủy ban hành".
  const count = f.slice(0, verb.index + verb[0].length).split(' ').length;
  const phrase = `${lead.trim().split(/\s+/u).slice(0, count).join(' ')} …`;
  return { rank: before.rank, phrase };
}

/** The level a signature's body speaks for: "CHI BỘ" → 4, "ĐẢNG ỦY" → 3, "BAN THƯỜNG VỤ" → a committee above a chi bộ. */
function signatureRank(body: string): Rank | 'standing' | null {
  const f = fold(body);
  if (/^CHI BO$/u.test(f) || /^CHI UY$/u.test(f)) return 4;
  if (/^BAN THUONG VU$/u.test(f)) return 'standing';
  return mentions(f)[0]?.rank ?? null;
}

/** A purpose note that makes the recipient a superior: "(b/c)", "(để báo cáo)". */
const isReportNote = (note: string, text: string): boolean => /\(\s*(b\s*\/\s*c|để báo cáo)\s*\)/u.test(`${note} ${text}`.normalize('NFC'));

function* duties(blocks: Block[], path: Path): Generator<[Extract<Block, { kind: 'duty' }>, Path]> {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'duty') yield [b, [...path, i]];
    else if (b.kind === 'section') yield* duties(b.children, [...path, i, 'children']);
  }
}

export function checkLevels(c: PlanContent, f: Findings): void {
  const issuer = c.header.issuer.name.trim();
  const rank = issuerRank(issuer);
  if (rank == null) return;
  const who = `Cơ quan ban hành là "${issuer}" (cấp ${RANK_NAMES[rank]})`;

  const lead = leadRank(c.canCu.lead);
  if (lead && lead.rank !== rank) {
    f.warning(
      'level.lead',
      ['canCu', 'lead'],
      `${who} nhưng câu dẫn nói kế hoạch do cấp ${RANK_NAMES[lead.rank]} ban hành ("${lead.phrase}"). Câu dẫn, chữ ký và nơi nhận phải nói cùng một cấp: ${LEAD_EXAMPLES[rank]}.`,
    );
  }

  const sig = signatureRank(c.signature.body);
  if (sig != null && c.signature.body.trim() !== '') {
    const mismatch = sig === 'standing' ? rank === 4 : sig !== rank;
    if (mismatch) {
      const expected = rank === 4 ? '"T/M CHI BỘ"' : rank === 3 ? '"T/M ĐẢNG ỦY" hoặc "T/M BAN THƯỜNG VỤ"' : '"T/M BAN THƯỜNG VỤ"';
      const why = sig === 'standing' ? 'chi bộ không có ban thường vụ' : `"${c.signature.body.trim()}" là cấp ${RANK_NAMES[sig]}`;
      f.warning(
        'level.signature',
        ['signature', 'body'],
        `${who} nhưng ký "${[c.signature.authority, c.signature.body.trim()].filter(Boolean).join(' ')}": ${why}. Ký ${expected}.`,
      );
    }
  }

  c.recipients.forEach((r, i) => {
    if (!isReportNote(r.note, r.text)) return;
    const named = mentions(fold(r.text))[0];
    if (!named) return;
    // Reports go up, to the committee above (after 2025 an đảng ủy xã reports straight to the tỉnh ủy): never to
    // the same or a lower level below an đảng ủy, never three levels up.
    const wrong = named.rank > rank || (named.rank === rank && rank === 4) || rank - named.rank >= 3;
    if (!wrong) return;
    const advice = named.rank >= rank ? 'báo cáo gửi lên cấp ủy cấp trên' : 'báo cáo gửi cấp ủy cấp trên trực tiếp';
    f.warning(
      'level.recipient',
      ['recipients', i, 'text'],
      `${who} nhưng gửi "${`${r.text.trim()} ${r.note.trim()}`.trim()}" (cấp ${RANK_NAMES[named.rank]}): ${advice}. Hãy kiểm tra lại nơi nhận.`,
    );
  });

  for (const [d, path] of duties(c.body, ['body'])) {
    const named = mentions(fold(d.body))[0];
    if (!named || named.rank >= rank) continue;
    f.warning(
      'level.duty',
      [...path, 'body'],
      `${who} nhưng giao nhiệm vụ cho "${d.body.trim()}" (cấp ${RANK_NAMES[named.rank]}, cấp trên): kế hoạch chỉ giao nhiệm vụ cho cấp mình và cấp dưới.`,
    );
  }
}
