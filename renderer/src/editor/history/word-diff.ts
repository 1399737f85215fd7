/**
 * A word-level diff of two texts for the side-by-side view of Lịch sử: the longest common subsequence of their words
 * (each word with the spaces after it; words compare without them), after the common beginning and end are set
 * aside. Texts too long for the table (over MAX_CELLS word pairs in the middle) are shown as the middle removed and
 * the middle added.
 */

export interface DiffPart {
  op: 'same' | 'removed' | 'added';
  /** The text as in the old version ('same', 'removed') or the new one ('added'). */
  text: string;
  /** For 'same': the text as in the new version (the spaces around a word may differ). */
  afterText?: string;
}

/** Word pairs compared at most (a 2,000 × 2,000-word middle). */
const MAX_CELLS = 4_000_000;

/** " Tổ chức  đại hội" → [" ", "Tổ ", "chức  ", "đại ", "hội"]: each word with the spaces after it. */
export const tokens = (text: string): string[] => text.match(/^\s+|\S+\s*/gu) ?? [];

const key = (token: string) => token.trimEnd();

function push(parts: DiffPart[], op: DiffPart['op'], text: string, afterText = text): void {
  if (!text && !afterText) return;
  const last = parts.at(-1);
  if (last && last.op === op) {
    last.text += text;
    if (op === 'same') last.afterText = (last.afterText ?? '') + afterText;
  } else parts.push(op === 'same' ? { op, text, afterText } : { op, text });
}

export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && key(a[start]!) === key(b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && key(a[endA - 1]!) === key(b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''), b.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const keysA = midA.map(key);
  const keysB = midB.map(key);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_CELLS) {
    push(parts, 'removed', midA.join(''));
    push(parts, 'added', midB.join(''));
  } else {
    // lcs[i * (m + 1) + j]: length of the common subsequence of midA[i..] and midB[j..].
    const lcs = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * (m + 1) + j] = keysA[i] === keysB[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (keysA[i] === keysB[j]) {
        push(parts, 'same', midA[i]!, midB[j]!);
        i++;
        j++;
      } else if (lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!) push(parts, 'removed', midA[i++]!);
      else push(parts, 'added', midB[j++]!);
    }
    push(parts, 'removed', midA.slice(i).join(''));
    push(parts, 'added', midB.slice(j).join(''));
  }
  push(parts, 'same', a.slice(endA).join(''), b.slice(endB).join(''));
  return parts;
}

/** The two sides of a diff: the old text without what was added, the new one without what was removed. */
export function sides(parts: readonly DiffPart[]): { before: DiffPart[]; after: DiffPart[] } {
  return {
    before: parts.filter((p) => p.op !== 'added'),
    after: parts.filter((p) => p.op !== 'removed').map((p) => (p.op === 'same' ? { op: p.op, text: p.afterText ?? p.text } : p)),
  };
}
