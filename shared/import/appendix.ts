/**
 * Appendices after the closing block: "PHỤ LỤC" (or "PHỤ LỤC 2"), its name, the line "(Kèm theo Kế hoạch số …, ngày
 * … của …)" (whose "của …" part becomes the plan's appendixIssuedBy when the layout would not derive it), intro
 * paragraphs and tables (header rows, merged cells). A pasted text has no tables: their lines become intro paragraphs.
 */
import type { Appendix } from '../model/plan';
import type { Context } from './context';
import { toAppendixTable, type Line } from './lines';
import { APPENDIX_LABEL, APPENDIX_LINE, isBoilerplate } from './patterns';

export interface AppendixResult {
  appendices: Appendix[];
  /** "Ban Thường vụ Huyện ủy" from the "(Kèm theo … của …)" line, '' when none. */
  issuedBy: string;
}

export function readAppendices(lines: Line[], ctx: Context, newId: () => string, extraTables: Line[]): AppendixResult {
  type Open = Appendix & { named: boolean; lined: boolean };
  const appendices: Open[] = [];
  let issuedBy = '';
  let current: Open | null = null;
  for (const line of lines) {
    const text = line.text.replace(/\s*\n\s*/gu, ' ').trim();
    if (APPENDIX_LABEL.test(text)) {
      current = { id: newId(), title: '', intro: [], tables: [], named: false, lined: false };
      appendices.push(current);
      ctx.role(line, 'appendix-label');
      continue;
    }
    if (!current) {
      if (line.table) {
        extraTables.push(line);
        continue;
      }
      if (text) ctx.drop(line);
      continue;
    }
    if (line.table) {
      current.tables.push(toAppendixTable(line.table));
      current.named = current.lined = true;
      ctx.role(line, 'table');
      continue;
    }
    if (!text) continue;
    if (APPENDIX_LINE.test(text)) {
      const by = /\bcủa\s+(.+?)\s*\)\s*$/u.exec(text);
      if (by && !issuedBy) issuedBy = by[1]!;
      current.lined = current.named = true;
      ctx.role(line, 'appendix-line');
      continue;
    }
    if (!current.named && (line.formatted ? line.bold : true)) {
      current.title = current.title ? `${current.title} ${line.marked}` : line.marked;
      ctx.role(line, 'appendix-name');
      continue;
    }
    if (isBoilerplate(text)) {
      ctx.drop(line);
      continue;
    }
    current.intro.push(line.marked);
    current.named = true;
    ctx.role(line, 'appendix-intro');
  }
  if (appendices.length) ctx.confident('appendices', lines.some((l) => l.table) ? 0.9 : 0.5);
  return { appendices: appendices.map(({ named: _n, lined: _l, ...a }) => a), issuedBy };
}
