/**
 * Word-level similarity of two texts, as Python's difflib.SequenceMatcher.ratio() computes it on word lists
 * (2·M / T, M = words in matching blocks, T = total words), without difflib's "junk" heuristics.
 * Punctuation and spacing are ignored. A footnote mark is a word of its own however it is written: "Ban¹" in a
 * seed text and "Ban1" in a PDF's text both read "Ban", "1".
 */

const SUPERSCRIPT: Record<string, string> = { '¹': '1', '²': '2', '³': '3', '⁰': '0', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

/** Words of a text: NFC, every non-letter/non-digit a separator, a letter→digit change a word boundary. */
export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/[¹²³⁰⁴-⁹]/gu, (c) => ` ${SUPERSCRIPT[c] ?? ''} `)
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Matching blocks as difflib finds them: the longest common run, then recursively left and right of it. */
function matchedCount(a: string[], b: string[]): number {
  const b2j = new Map<string, number[]>();
  b.forEach((w, j) => {
    const list = b2j.get(w);
    if (list) list.push(j);
    else b2j.set(w, [j]);
  });
  const longest = (alo: number, ahi: number, blo: number, bhi: number): [number, number, number] => {
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (const j of b2j.get(a[i]!) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = next;
    }
    return [besti, bestj, bestsize];
  };
  let total = 0;
  const queue: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = longest(alo, ahi, blo, bhi);
    if (k === 0) continue;
    total += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return total;
}

/** 2·M / T on two word lists (1 when both are empty). */
export function wordRatio(a: string[], b: string[]): number {
  const t = a.length + b.length;
  return t === 0 ? 1 : (2 * matchedCount(a, b)) / t;
}

/** The words of `text` from the first "KẾ HOẠCH" to the last occurrence of `signer` (inclusive). */
export function wordsFromTitleToSigner(text: string, signer: string): string[] {
  const all = words(text);
  const start = all.findIndex((w, i) => w === 'KẾ' && all[i + 1] === 'HOẠCH');
  const name = words(signer);
  let end = -1;
  for (let i = all.length - name.length; i >= 0; i--) {
    if (name.every((w, k) => all[i + k] === w)) {
      end = i + name.length;
      break;
    }
  }
  if (start < 0 || end < 0 || end <= start) throw new Error(`cannot find "KẾ HOẠCH" … "${signer}" in the text`);
  return all.slice(start, end);
}

/**
 * Remove the first occurrence of `seq` from `list` (and the footnote mark `mark` right before it, if any);
 * returns whether it was found. Used to compare footnotes apart from the body: a footnote prints at the foot of
 * whatever page its mark falls on, so its place in the running text depends on pagination.
 */
export function removeSequence(list: string[], seq: string[], mark?: string): boolean {
  if (!seq.length) return true;
  for (let i = 0; i + seq.length <= list.length; i++) {
    if (seq.every((w, k) => list[i + k] === w)) {
      const from = mark !== undefined && list[i - 1] === mark ? i - 1 : i;
      list.splice(from, i - from + seq.length);
      return true;
    }
  }
  return false;
}

/**
 * Share of words (of both lists) that sit inside a run of `k` consecutive words found in the other list too.
 * Order-sensitive within runs but tolerant of whole blocks moving: two renderers of the same page emit
 * two-column blocks (header, closing) and table rows split across pages in different orders in the PDF text.
 */
export function shingleCoverage(a: string[], b: string[], k = 4): number {
  const grams = (list: string[]) => {
    const set = new Set<string>();
    for (let i = 0; i + k <= list.length; i++) set.add(list.slice(i, i + k).join('\u0001'));
    return set;
  };
  const covered = (list: string[], other: Set<string>) => {
    const mark = new Uint8Array(list.length);
    for (let i = 0; i + k <= list.length; i++) {
      if (other.has(list.slice(i, i + k).join('\u0001'))) mark.fill(1, i, i + k);
    }
    return mark.reduce((n, m) => n + m, 0);
  };
  const total = a.length + b.length;
  return total === 0 ? 1 : (covered(a, grams(b)) + covered(b, grams(a))) / total;
}
