/**
 * What a save denormalises from a plan's content: list/search columns, the folded search text, and the rows of
 * pilot_units / tasks / recipients. Pure functions over PlanContent.
 */
import { foldedWords, foldVietnamese } from '../../../shared/format/fold';
import { formatDocSymbol } from '../../../shared/format/symbol';
import type { DutyBlock, PlanContent, Task } from '../../../shared/model';
import { walkBlocks } from '../../../shared/model/tree';

export interface TaskRow {
  task: Task;
  duty: DutyBlock;
}

export function collectTasks(content: PlanContent): TaskRow[] {
  const rows: TaskRow[] = [];
  for (const block of walkBlocks(content.body)) {
    if (block.kind === 'duty') for (const task of block.tasks) rows.push({ task, duty: block });
  }
  return rows;
}

/** Folded text for the full-text index: identity, title, issuer, and every text a user may recall the plan by. */
export function searchText(content: PlanContent): string {
  const h = content.header;
  // Indexed as printed ("5" → "05-KH/HU"), so the number a reader sees on paper finds the plan.
  const body: string[] = [formatDocSymbol(h.number, h.docType, h.issuer.symbol), content.trichYeu, h.issuer.name, ...h.issuer.higherLines, h.place];
  body.push(...content.canCu.items.map((i) => `${i.verb} ${i.text}`), content.canCu.lead);
  for (const block of walkBlocks(content.body)) {
    switch (block.kind) {
      case 'section':
        body.push(block.title);
        break;
      case 'paragraph':
      case 'item':
      case 'note':
        body.push(block.text);
        break;
      case 'pilotSchedule':
        body.push(block.note);
        break;
      case 'duty':
        body.push(block.body, ...block.tasks.map((t) => t.text));
        break;
      case 'table':
        for (const row of [...block.table.headerRows, ...block.table.rows]) for (const cell of row.cells) body.push(...cell.paragraphs);
        break;
      case 'people':
        for (const p of block.people) body.push(p.name, p.position, p.role);
        break;
      case 'pilotUnits':
        break;
    }
  }
  for (const u of content.pilotUnits) body.push(u.name, u.attendees);
  for (const r of content.recipients) body.push(r.text);
  const s = content.signature;
  body.push(s.body, s.title, s.signer);
  for (const a of content.appendices) {
    body.push(a.title, ...a.intro);
    for (const t of a.tables) for (const row of [...t.headerRows, ...t.rows]) for (const cell of row.cells) body.push(...cell.paragraphs);
  }
  return foldVietnamese(body.filter(Boolean).join('\n'));
}

/** What the user typed as a LIKE pattern over folded titles: the words in order ("%dai hoi diem%"). */
export function titleLikePattern(text: string): string | null {
  const words = foldedWords(text).slice(0, 20);
  return words.length ? `%${words.join(' ')}%` : null;
}

/**
 * An FTS5 query from what the user typed: folded words, all required, quoted (no FTS syntax gets through); the last
 * word is a prefix, as it may be still being typed. "Đại hội điể" → `"dai" "hoi" "die"*`. Null when there is no word.
 */
export function ftsQuery(text: string): string | null {
  const words = foldedWords(text).slice(0, 20);
  if (!words.length) return null;
  return words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
}
