/**
 * Person lists, the inverse of the layout's people block: "Đ/c Nguyễn Văn A – Bí thư Chi bộ – Tổ trưởng" lines (a
 * pasted text's items or paragraphs, or the aligned borderless table the app prints) and the table TT / Họ và tên /
 * Chức vụ / Nhiệm vụ.
 */
import { PEOPLE_TABLE_HEADER } from '../layout/phrases';
import type { PeopleBlock, Person } from '../model/plan';
import { paragraphText, type SourceTable } from './source';

const PREFIX = /^(Đ\/c|Đồng chí|Ông|Bà)\s+/u;
const DASH = /\s+[–—-]\s+/u;
const trimEnd = (s: string) => s.replace(/[\s.,;]+$/u, '');

/** "Đ/c Nguyễn Văn An – Bí thư chi bộ – Tổ trưởng." → the person and its prefix; null when the line is no such line. */
export function readPersonLine(text: string): { prefix: string; person: Omit<Person, 'id'> } | null {
  const body = text.replace(/^[-+•]\s+/u, '').trim();
  const m = PREFIX.exec(body);
  if (!m) return null;
  const parts = trimEnd(body.slice(m[0].length)).split(DASH);
  const name = parts[0]!.trim();
  // A name is a few capitalised words; more than a name before the first dash is a sentence, not a person.
  if (!name || name.split(/\s+/u).length > 5 || !name.split(/\s+/u).every((w) => /^\p{Lu}/u.test(w)) || parts.length > 3) return null;
  return { prefix: m[1] === 'Đồng chí' ? 'Đồng chí' : m[1]!, person: { name, position: parts[1]?.trim() ?? '', role: parts[2]?.trim() ?? '' } };
}

const cellText = (t: SourceTable, row: number, col: number) =>
  t.rows[row]?.cells[col]?.paragraphs.map(paragraphText).join(' ').replace(/\s+/gu, ' ').trim() ?? '';

/** The app's aligned person lines: a borderless table whose every first cell is "Đ/c …". */
export function isPersonLinesTable(t: SourceTable): boolean {
  return t.borderless && t.rows.length > 0 && t.rows.every((_, r) => PREFIX.test(cellText(t, r, 0)));
}

/** A table read as a people block (aligned lines, or TT / Họ và tên / Chức vụ / Nhiệm vụ), or null when it is none. */
export function peopleFromTable(t: SourceTable, newId: () => string): PeopleBlock | null {
  if (isPersonLinesTable(t)) {
    const read = t.rows.map((row, r) => readPersonLine(row.cells.map((_, c) => cellText(t, r, c)).filter(Boolean).join(' ')));
    if (read.some((p) => !p)) return null;
    return { kind: 'people', id: newId(), prefix: read[0]!.prefix, print: 'lines', people: read.map((p) => ({ id: newId(), ...p!.person })) };
  }
  const header = t.rows[0]?.cells.map((_, c) => cellText(t, 0, c).toLowerCase()) ?? [];
  if (t.borderless || header.length !== PEOPLE_TABLE_HEADER.length || !PEOPLE_TABLE_HEADER.every((h, i) => header[i] === h.toLowerCase())) return null;
  if (t.rows.slice(1).some((row) => row.cells.length !== 4)) return null;
  const names = t.rows.slice(1).map((_, r) => cellText(t, r + 1, 1));
  const prefix = names.every((n) => n.startsWith('Đ/c ')) ? 'Đ/c' : '';
  return {
    kind: 'people',
    id: newId(),
    prefix,
    print: 'table',
    people: t.rows.slice(1).map((_, r) => ({
      id: newId(),
      name: prefix ? cellText(t, r + 1, 1).slice(prefix.length).trim() : cellText(t, r + 1, 1),
      position: cellText(t, r + 1, 2),
      role: cellText(t, r + 1, 3),
    })),
  };
}
