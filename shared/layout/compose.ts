/**
 * composeLayout: plan content + format profile → DocumentLayout. Structure, numbering and roles live here;
 * the sentences themselves come from phrases.ts.
 */
import { formatPlaceDateLine, formatSymbolLine, parseInline, toLetter, toRoman } from '../format';
import type { FormatProfile } from '../model/profile';
import type { Appendix, AppendixTable, Block, DutyBlock, PeopleBlock, PilotUnit, PlanContent, SectionBlock, TableRow } from '../model/plan';
import {
  DOC_TYPE_TITLES,
  peopleTable,
  PILOT_GROUP_TRUC_THUOC,
  appendixLabel,
  appendixLine,
  canCuParagraphs,
  deriveAppendixIssuedBy,
  pilotBaseGroupHeading,
  pilotDelegatesSentence,
  pilotScheduleLines,
  pilotUnitLine,
  personLineCells,
  recipientLines,
  signatureLines,
} from './phrases';
import { balancedLines } from './balance';
import { textWidthMmOf } from './metrics';
import { printableContent } from './printable';
import { A4_TWIPS, CLOSING_SPACE_BEFORE_PT, SIGNATURE_GAP_LINES, TIEU_DE, columnWidthsMm, paragraphStyles, textWidthMm, tieuDeWidthMm, type MeasuredLine } from './styles';
import type {
  Align,
  AppendixLayout,
  BodyBlock,
  ClosingLayout,
  DocumentLayout,
  Footnote,
  HeaderLayout,
  LayoutParagraph,
  LayoutTable,
  LayoutTableRow,
  ParagraphRole,
  Run,
} from './types';

type Level = 1 | 2 | 3;

/** A letter or sign marker ("a)", "a.", "-", "+") for the `own`-th heading of its level; null for numbers. */
function markerOf(style: FormatProfile['level3Style'] | FormatProfile['level4Style'], own: number): string | null {
  switch (style) {
    case 'a)':
      return `${toLetter(own)})`;
    case 'a.':
      return `${toLetter(own)}.`;
    case '-':
    case '+':
      return style;
    default:
      return null;
  }
}

/**
 * Heading numbers: "I." / "I-" at level 1, "1." at level 2, then the plan's marker of each deeper level: level 3
 * "1.1.", "a)", "a.", "-" or "+", level 4 and deeper "1.1.1." or the same signs. A short plan numbered from "1."
 * counts the numbered levels in Arabic figures ("1.", "1.1.", "1.1.1.").
 */
export function headingNumber(profile: FormatProfile, path: number[]): string {
  const depth = path.length;
  const own = path[depth - 1]!;
  const marker = depth === 3 ? markerOf(profile.level3Style, own) : depth >= 4 ? markerOf(profile.level4Style, own) : null;
  if (marker) return marker;
  if (profile.level1Style === '1.') return `${path.join('.')}.`;
  if (depth === 1) return `${toRoman(own)}${profile.level1Style === 'I-' ? '-' : '.'}`;
  if (depth === 2) return `${own}.`;
  return `${path.slice(1).join('.')}.`;
}

const headingRole = (level: Level): ParagraphRole => (level === 1 ? 'heading1' : level === 2 ? 'heading2' : 'heading3');

/**
 * Composed appendix tables by the content's table object (edits replace the objects they change, so an unchanged
 * table is the same object): a long appendix is not composed again on every keystroke elsewhere. Layouts are
 * never mutated by their readers.
 */
const composedTables = new WeakMap<AppendixTable, { textWidth: number; layout: LayoutTable }>();

class Composer {
  readonly footnotes: Footnote[] = [];
  readonly body: BodyBlock[] = [];

  constructor(
    private readonly content: PlanContent,
    private readonly profile: FormatProfile,
  ) {}

  /** Marked-up text → runs; footnotes are numbered in order of appearance. */
  runs(text: string, flags: { bold?: boolean; italic?: boolean; upper?: boolean } = {}): Run[] {
    const out: Run[] = [];
    for (const span of parseInline(text)) {
      if (span.kind === 'footnote') {
        const id = this.footnotes.length + 1;
        this.footnotes.push({ id, paragraph: { role: 'footnote', runs: plainRuns(span.text) } });
        out.push({ text: String(id), footnoteRef: id });
        continue;
      }
      const run: Run = { text: flags.upper ? span.text.toUpperCase() : span.text };
      if (span.bold || flags.bold) run.bold = true;
      if (span.italic || flags.italic) run.italic = true;
      out.push(run);
    }
    return out;
  }

  para(role: ParagraphRole, text: string, sourceId?: string): LayoutParagraph {
    const p: LayoutParagraph = { role, runs: this.runs(text) };
    if (sourceId) p.sourceId = sourceId;
    return p;
  }

  // --- body --------------------------------------------------------------------------------------------------

  pushParagraph(role: ParagraphRole, text: string, sourceId?: string) {
    this.body.push({ kind: 'paragraph', ...this.para(role, text, sourceId) });
  }

  pushItem(marker: '-' | '+', text: string, sourceId?: string) {
    const p = this.para('item', `${marker} ${text}`, sourceId);
    this.body.push({ kind: 'item', marker, ...p });
  }

  pushHeading(path: number[], title: string, runin: boolean, sourceId?: string) {
    const number = headingNumber(this.profile, path);
    const level = Math.min(path.length, 3) as Level;
    const role: ParagraphRole = runin ? 'runin' : headingRole(level);
    const runs: Run[] = [{ text: `${number} ` }, ...this.runs(title, { upper: !runin && level === 1 && this.profile.level1Style !== '1.' })];
    const block: BodyBlock = { kind: 'heading', level, number, role, runs };
    if (sourceId) block.sourceId = sourceId;
    this.body.push(block);
  }

  /** Blocks under one parent; sections, duty blocks and pilot group headings share the parent's numbering. */
  blocks(blocks: Block[], parentPath: number[]) {
    let n = 0;
    const next = () => [...parentPath, ++n];
    for (const block of blocks) {
      switch (block.kind) {
        case 'section':
          this.section(block, next());
          break;
        case 'duty':
          this.duty(block, next());
          break;
        case 'paragraph':
          this.pushParagraph(block.emphasis === 'italic' ? 'body-italic' : block.emphasis === 'italic-center' ? 'body-italic-center' : 'body', block.text, block.id);
          break;
        case 'item':
          this.pushItem(block.marker, block.text, block.id);
          break;
        case 'note': {
          const p = this.para('note', `* ${block.text.replace(/^\*\s*/u, '')}`, block.id);
          this.body.push({ kind: 'note', ...p });
          break;
        }
        case 'pilotUnits':
          this.pilotUnits(block.id, next);
          break;
        case 'pilotSchedule':
          for (const line of pilotScheduleLines(this.content.pilotUnits, block.unitIds, block.note)) {
            this.body.push({ kind: 'item', marker: '-', ...this.para('item', line, block.id) });
          }
          break;
        case 'table':
          this.body.push({ kind: 'table', table: this.table(block.table), sourceId: block.id });
          break;
        case 'people':
          this.people(block);
          break;
      }
    }
  }

  /**
   * A person list: aligned lines (a borderless table whose columns fit the longest name, position and role, in the
   * body's type; never runs of spaces), or a table TT / Họ và tên / Chức vụ / Nhiệm vụ. People with nothing typed
   * are left out, and so is a column with nothing in it.
   */
  people(block: PeopleBlock) {
    const people = block.people.filter((p) => p.name.trim() || p.position.trim() || p.role.trim());
    if (!people.length) return;
    if (block.print === 'table') {
      this.body.push({ kind: 'table', table: this.table(peopleTable(block.prefix, people)), sourceId: block.id });
      return;
    }
    const lines = people.map((p) => personLineCells(block.prefix, p));
    const used = [0, 1, 2].filter((k) => k === 0 || lines.some((l) => l[k]));
    const style = paragraphStyles(this.profile)['person-line'];
    const textWidth = textWidthMm(this.profile);
    // Each column as wide as its longest text plus a gap; the last takes what is left. Too wide in all: shrunk evenly.
    const natural = used.map((k) => Math.max(...lines.map((l) => textWidthMmOf(l[k]!, 'regular', style.sizePt))) + 3);
    const sum = natural.reduce((a, b) => a + b, 0);
    const widths = sum > textWidth ? natural.map((w) => (w / sum) * textWidth) : [...natural.slice(0, -1), textWidth - sum + natural.at(-1)!];
    const rows: LayoutTableRow[] = lines.map((l) => ({
      cells: used.map((k) => ({ colSpan: 1, rowSpan: 1, paragraphs: [{ role: 'person-line', runs: this.runs(l[k]!), sourceId: block.id }] })),
    }));
    this.body.push({ kind: 'table', table: { columnWidthsMm: widths.map(round2), headerRows: [], rows, borderPt: 0 }, sourceId: block.id });
  }

  section(block: SectionBlock, path: number[]) {
    this.pushHeading(path, block.title, block.style === 'runin', block.id);
    this.blocks(block.children, path);
  }

  duty(block: DutyBlock, path: number[]) {
    this.pushHeading(path, `${block.body.trim()}${block.headingSuffix}`, false, block.id);
    for (const task of block.tasks) {
      if (block.taskStyle === 'dash') this.pushItem('-', task.text, task.id);
      else this.pushParagraph('body', task.text, task.id);
    }
  }

  /** Seed 01: "1.1. Đối với chi bộ trực thuộc đảng ủy cơ sở", then "1.2. Đối với Chi bộ, Đảng bộ cơ sở", each with its units. */
  pilotUnits(sourceId: string, next: () => number[]) {
    const units = this.content.pilotUnits;
    const trucThuoc = units.filter((u) => u.category === 'chi-bo-truc-thuoc');
    const base = units.filter((u) => u.category !== 'chi-bo-truc-thuoc');
    const unit = (u: PilotUnit) => {
      const line = pilotUnitLine(u);
      if (line.startsWith('- ')) this.body.push({ kind: 'item', marker: '-', ...this.para('item', line, u.id) });
      else this.pushParagraph('body', line, u.id);
      const delegates = pilotDelegatesSentence(u);
      if (delegates) this.pushParagraph('body', delegates, u.id);
    };
    if (trucThuoc.length) {
      this.pushHeading(next(), PILOT_GROUP_TRUC_THUOC, false, sourceId);
      trucThuoc.forEach(unit);
    }
    if (base.length) {
      const heading = pilotBaseGroupHeading(base.some((u) => u.category === 'chi-bo-co-so'), base.some((u) => u.category === 'dang-bo-co-so'));
      this.pushHeading(next(), heading, false, sourceId);
      base.forEach(unit);
    }
  }

  // --- the rest ----------------------------------------------------------------------------------------------

  header(): HeaderLayout {
    const { header } = this.content;
    const plain = (role: ParagraphRole, text: string): LayoutParagraph => ({ role, runs: [{ text }] });
    const marks = [header.secrecy, header.urgency].filter((m) => m).map((m) => plain('header-mark', m));
    const right: LayoutParagraph[] = [plain('header-date', formatPlaceDateLine(header.place, header.date))];
    if (header.draftLabel.trim()) right.push(plain('header-draft', header.draftLabel.trim()));
    const { left: leftWidthMm, right: rightWidthMm } = columnWidthsMm(this.profile, right.map((p) => this.measured(p)));
    // Issuer lines too long for the column break evenly (or where she typed a line break).
    const broken = (role: ParagraphRole, text: string): LayoutParagraph => {
      const { face, sizePt } = this.measured(plain(role, ''));
      const lines = balancedLines(text.toUpperCase(), face, sizePt, leftWidthMm);
      return { role, runs: lines.length ? lines.map((t, i) => (i === 0 ? { text: t } : { text: t, breakBefore: true })) : [{ text: '' }] };
    };
    const top: LayoutParagraph[] = [
      ...header.issuer.higherLines.filter((l) => l.trim()).map((l) => broken('header-higher', l)),
      broken('header-issuer', header.issuer.name),
      plain('header-star', '*'),
    ];
    return {
      leftWidthMm,
      rightWidthMm,
      rows: [
        { left: top, right: [plain('header-tieude', TIEU_DE)] },
        { left: [plain('header-number', formatSymbolLine(header.number, header.docType, header.issuer.symbol)), ...marks], right },
      ],
      rule: { lengthMm: round2(tieuDeWidthMm(this.profile.sizes.tieuDe)), thicknessPt: 0.75, gapPt: 2 },
    };
  }

  title(): LayoutParagraph[] {
    const lines = this.content.trichYeu
      .split(/\r?\n/u)
      .map((l) => l.trim())
      .filter(Boolean);
    const runs: Run[] = lines.map((text, i) => (i === 0 ? { text } : { text, breakBefore: true }));
    return [
      { role: 'title', runs: [{ text: DOC_TYPE_TITLES[this.content.header.docType] }] },
      { role: 'trich-yeu', runs: runs.length ? runs : [{ text: '' }] },
      { role: 'separator', runs: [{ text: '-----' }] },
    ];
  }

  /** A one-run paragraph as a line to measure, in its role's face and size. */
  measured(p: LayoutParagraph): MeasuredLine {
    const style = paragraphStyles(this.profile)[p.role];
    const face = style.bold ? 'bold' : style.italic ? 'italic' : 'regular';
    return { text: p.runs.map((r) => r.text).join(''), face, sizePt: style.sizePt };
  }

  closing(): ClosingLayout {
    const recipients = this.content.recipients;
    const lines = recipientLines(recipients, this.profile.recipientPunctuation);
    const leftParas: LayoutParagraph[] = [
      { role: 'recipients-heading', runs: [{ text: 'Nơi nhận:' }] },
      ...lines.map((text, i) => {
        const p: LayoutParagraph = { role: 'recipient', runs: [{ text }] };
        const id = recipients[i]?.id;
        if (id) p.sourceId = id;
        return p;
      }),
    ];
    const sig = signatureLines(this.content.signature);
    const rightParas: LayoutParagraph[] = [];
    if (sig.authority) rightParas.push({ role: 'signature-authority', runs: [{ text: sig.authority }] });
    if (sig.title) rightParas.push({ role: 'signature-title', runs: [{ text: sig.title }] });
    for (let i = 0; i < SIGNATURE_GAP_LINES; i++) rightParas.push({ role: 'signature-gap', runs: [] });
    rightParas.push({ role: 'signature-name', runs: [{ text: sig.signer }] });
    const { left, right } = columnWidthsMm(this.profile, rightParas.map((p) => this.measured(p)));
    return { spaceBeforePt: CLOSING_SPACE_BEFORE_PT, leftWidthMm: left, rightWidthMm: right, left: leftParas, right: rightParas };
  }

  appendices(): AppendixLayout[] {
    const list = this.content.appendices;
    const issuedBy = this.content.appendixIssuedBy.trim().replace(/^của\s+/u, '') || deriveAppendixIssuedBy(this.content.signature, this.content.header.issuer);
    const line = appendixLine(this.content.header, issuedBy);
    return list.map((a: Appendix, i) => ({
      sourceId: a.id,
      startsNewPage: true,
      label: { role: 'appendix-label', runs: [{ text: appendixLabel(i, list.length) }] },
      name: a.title.trim() ? { role: 'appendix-name', runs: this.runs(a.title.trim()) } : null,
      line: { role: 'appendix-line', runs: [{ text: line }] },
      intro: a.intro.map((t) => this.para('appendix-intro', t)),
      tables: a.tables.map((t) => this.table(t)),
    }));
  }

  /** A table without footnotes composes the same for the same table and text width: kept, not composed again. */
  table(t: AppendixTable): LayoutTable {
    const textWidth = textWidthMm(this.profile);
    const kept = composedTables.get(t);
    if (kept && kept.textWidth === textWidth) return kept.layout;
    const notesBefore = this.footnotes.length;
    const layout = this.composeTable(t, textWidth);
    if (this.footnotes.length === notesBefore) composedTables.set(t, { textWidth, layout });
    return layout;
  }

  private composeTable(t: AppendixTable, textWidth: number): LayoutTable {
    const sum = t.columnWidths.reduce((a, b) => a + b, 0);
    const row = (r: TableRow, header: boolean): LayoutTableRow => ({
      cells: r.cells.map((c) => ({
        colSpan: c.colSpan,
        rowSpan: c.rowSpan,
        paragraphs: (c.paragraphs.length ? c.paragraphs : ['']).map((text) => {
          const p: LayoutParagraph = { role: header ? 'table-header' : 'table-cell', runs: this.runs(text, { bold: c.bold }) };
          const align: Align = header ? 'center' : c.align;
          if (align !== (header ? 'center' : 'justify')) p.align = align;
          return p;
        }),
      })),
    });
    return {
      columnWidthsMm: t.columnWidths.map((w) => round2((w / sum) * textWidth)),
      headerRows: t.headerRows.map((r) => row(r, true)),
      rows: t.rows.map((r) => row(r, false)),
      borderPt: 0.5,
    };
  }

  compose(): DocumentLayout {
    const { profile } = this;
    const header = this.header();
    const title = this.title();
    for (const text of canCuParagraphs(this.content.canCu)) this.pushParagraph('body', text);
    this.blocks(this.content.body, []);
    const last = this.body.at(-1);
    if (last) last.keepWithNext = true;
    const closing = this.closing();
    const appendices = this.appendices();
    return {
      page: {
        widthMm: profile.page.widthMm,
        heightMm: profile.page.heightMm,
        widthTwip: A4_TWIPS.width,
        heightTwip: A4_TWIPS.height,
        margins: { ...profile.margins },
        textWidthMm: textWidthMm(profile),
      },
      font: { family: 'Times New Roman', lang: 'vi-VN' },
      pageNumbers: { position: profile.pageNumber, sizePt: profile.sizes.pageNumber, fromPage: 2 },
      styles: paragraphStyles(profile),
      header,
      title,
      body: this.body,
      closing,
      appendices,
      footnotes: this.footnotes,
    };
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function plainRuns(text: string): Run[] {
  return parseInline(text).flatMap((s): Run[] => {
    if (s.kind === 'footnote') return [{ text: s.text }];
    const run: Run = { text: s.text };
    if (s.bold) run.bold = true;
    if (s.italic) run.italic = true;
    return [run];
  });
}

/** Turn a plan and a format profile into the document layout both writers print. Pure and fast (no I/O). */
export function composeLayout(content: PlanContent, profile: FormatProfile): DocumentLayout {
  return new Composer(printableContent(content), profile).compose();
}

/** The printed number of each numbered body block ("I.", "1.", "a)", "-"), by its id, as composeLayout prints it. */
export function headingNumbersOf(layout: DocumentLayout): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const b of layout.body) if (b.kind === 'heading' && b.sourceId && !numbers.has(b.sourceId)) numbers.set(b.sourceId, b.number);
  return numbers;
}
