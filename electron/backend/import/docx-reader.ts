/**
 * A .docx (Word's, LibreOffice's or the app's own) → the importer's paragraphs with formatting
 * (shared/import/source.ts). Reads word/document.xml (paragraphs, runs, alignment, bold/italic/underline, line
 * breaks, tables with gridSpan/vMerge and header rows), word/styles.xml (formatting and fonts inherited from
 * styles), word/numbering.xml (the labels of automatic numbering: "I.", "1.", "a)", "-") and word/footnotes.xml.
 * Runs in a ".Vn…" font are TCVN3 (".VnTimeH"-style fonts: capitals stored as lower-case codes), in a "VNI-…" font
 * VNI: both are decoded to Unicode NFC (shared/format/legacy-text.ts).
 */
import { strFromU8 } from 'fflate/browser';
import { decodeTcvn3, decodeVni } from '../../../shared/format/legacy-text';
import { toRoman } from '../../../shared/format/numbers';
import type { SourceAlign, SourceBlock, SourceCell, SourceDocument, SourceParagraph, SourceRun, SourceTable } from '../../../shared/import';
import { attr, child, elements, parseXml, textOf, XmlError, type XmlElement } from './xml';

interface RunProps {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  font?: string;
}
interface StyleDef {
  basedOn?: string;
  name?: string;
  run: RunProps;
  align?: SourceAlign;
  numId?: string;
  ilvl?: number;
}
interface Level {
  start: number;
  format: string;
  text: string;
}

const ALIGN: Record<string, SourceAlign> = { both: 'justify', distribute: 'justify', center: 'center', left: 'left', start: 'left', right: 'right', end: 'right' };

function toggle(el: XmlElement | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = attr(el);
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}

function runProps(rPr: XmlElement | undefined): RunProps {
  const p: RunProps = {};
  if (!rPr) return p;
  const b = toggle(child(rPr, 'w:b'));
  if (b !== undefined) p.bold = b;
  const i = toggle(child(rPr, 'w:i'));
  if (i !== undefined) p.italic = i;
  const u = child(rPr, 'w:u');
  if (u) p.underline = attr(u) !== 'none';
  const f = child(rPr, 'w:rFonts');
  const font = f && (attr(f, 'w:ascii') ?? attr(f, 'w:hAnsi') ?? attr(f, 'w:cs'));
  if (font) p.font = font;
  return p;
}

const merge = (base: RunProps, over: RunProps): RunProps => ({ ...base, ...Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined)) });

class Styles {
  readonly byId = new Map<string, StyleDef>();
  defaults: RunProps = {};
  defaultParagraph?: string;

  constructor(xml: XmlElement | undefined) {
    if (!xml) return;
    const dd = child(xml, 'w:docDefaults');
    this.defaults = runProps(child(child(dd, 'w:rPrDefault'), 'w:rPr'));
    for (const s of elements(xml, 'w:style')) {
      const id = attr(s, 'w:styleId');
      if (!id) continue;
      const pPr = child(s, 'w:pPr');
      const numPr = child(pPr, 'w:numPr');
      const def: StyleDef = { run: runProps(child(s, 'w:rPr')) };
      const basedOn = attr(child(s, 'w:basedOn'));
      if (basedOn) def.basedOn = basedOn;
      const name = attr(child(s, 'w:name'));
      if (name) def.name = name;
      const jc = attr(child(pPr, 'w:jc'));
      if (jc && ALIGN[jc]) def.align = ALIGN[jc];
      const numId = attr(child(numPr, 'w:numId'));
      if (numId) {
        def.numId = numId;
        def.ilvl = Number(attr(child(numPr, 'w:ilvl')) ?? 0);
      }
      this.byId.set(id, def);
      if (attr(s, 'w:type') === 'paragraph' && attr(s, 'w:default') === '1') this.defaultParagraph = id;
    }
  }

  /** The style and its ancestors, nearest first. */
  chain(id: string | undefined): StyleDef[] {
    const out: StyleDef[] = [];
    for (let cur = id, guard = 0; cur && guard < 20; guard++) {
      const s = this.byId.get(cur);
      if (!s) break;
      out.push(s);
      cur = s.basedOn;
    }
    return out;
  }

  run(id: string | undefined): RunProps {
    return this.chain(id).reduceRight((acc, s) => merge(acc, s.run), {} as RunProps);
  }
}

class Numbering {
  private readonly abstract = new Map<string, Level[]>();
  private readonly nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();

  constructor(xml: XmlElement | undefined) {
    if (!xml) return;
    for (const a of elements(xml, 'w:abstractNum')) {
      const levels: Level[] = [];
      for (const l of elements(a, 'w:lvl')) {
        levels[Number(attr(l, 'w:ilvl') ?? 0)] = {
          start: Number(attr(child(l, 'w:start')) ?? 1),
          format: attr(child(l, 'w:numFmt')) ?? 'decimal',
          text: attr(child(l, 'w:lvlText')) ?? '',
        };
      }
      this.abstract.set(attr(a, 'w:abstractNumId') ?? '', levels);
    }
    for (const n of elements(xml, 'w:num')) {
      const starts = new Map<number, number>();
      for (const o of elements(n, 'w:lvlOverride')) {
        const s = attr(child(o, 'w:startOverride'));
        if (s) starts.set(Number(attr(o, 'w:ilvl') ?? 0), Number(s));
      }
      this.nums.set(attr(n, 'w:numId') ?? '', { abstractId: attr(child(n, 'w:abstractNumId')) ?? '', starts });
    }
  }

  /** The next label of a numbered paragraph ("II.", "1.2.", "b)", "-"), or undefined. */
  label(numId: string, ilvl: number): string | undefined {
    const num = this.nums.get(numId);
    const levels = num && this.abstract.get(num.abstractId);
    const level = levels?.[ilvl];
    if (!num || !levels || !level) return undefined;
    const counts = this.counters.get(numId) ?? [];
    const startOf = (i: number) => num.starts.get(i) ?? levels[i]?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    if (level.format === 'none') return undefined;
    if (level.format === 'bullet') return ['+', '-', '–'].includes(level.text.trim()) ? (level.text.trim() === '+' ? '+' : '-') : '-';
    return level.text.replace(/%(\d)/gu, (_, d: string) => {
      const i = Number(d) - 1;
      return formatNumber(counts[i] ?? startOf(i), levels[i]?.format ?? 'decimal');
    });
  }
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

const roman = (n: number) => (n >= 1 && n <= 3999 ? toRoman(n) : String(n));

/** Which legacy encoding a font name implies. */
export function legacyFont(font: string | undefined): 'tcvn3' | 'tcvn3-caps' | 'vni' | null {
  if (!font) return null;
  const f = font.trim();
  if (/^\.?vn/iu.test(f) && !/^vni/iu.test(f)) return /H$/u.test(f) ? 'tcvn3-caps' : 'tcvn3';
  if (/^vni[-\s]/iu.test(f)) return 'vni';
  return null;
}

function decodeLegacy(text: string, kind: 'tcvn3' | 'tcvn3-caps' | 'vni'): string {
  if (kind === 'vni') return decodeVni(text);
  const decoded = decodeTcvn3(text);
  return kind === 'tcvn3-caps' ? decoded.toUpperCase() : decoded;
}

class Reader {
  readonly notes: string[] = [];
  legacyRuns = 0;

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
    private readonly footnotes: Map<string, string>,
  ) {}

  blocks(container: XmlElement | undefined, out: SourceBlock[] = []): SourceBlock[] {
    for (const el of elements(container)) {
      if (el.name === 'w:p') out.push(this.paragraph(el));
      else if (el.name === 'w:tbl') out.push(this.table(el));
      else if (el.name === 'w:sdt') this.blocks(child(el, 'w:sdtContent'), out);
      else if (el.name === 'w:customXml' || el.name === 'w:ins' || el.name === 'w:smartTag') this.blocks(el, out);
    }
    return out;
  }

  paragraph(p: XmlElement): SourceParagraph {
    const pPr = child(p, 'w:pPr');
    const styleId = attr(child(pPr, 'w:pStyle')) ?? this.styles.defaultParagraph;
    const chain = this.styles.chain(styleId);
    const base = merge(merge(this.styles.defaults, this.styles.run(styleId)), {});
    const out: SourceParagraph = { kind: 'paragraph', runs: [] };
    const jc = attr(child(pPr, 'w:jc')) ?? undefined;
    const align = (jc && ALIGN[jc]) ?? chain.find((s) => s.align)?.align;
    if (align) out.align = align;
    const style = styleId ? (this.styles.byId.get(styleId)?.name?.startsWith('KH ') ? styleId : (this.styles.byId.get(styleId)?.name ?? styleId)) : undefined;
    if (style) out.style = style;
    if (toggle(child(pPr, 'w:pageBreakBefore'))) out.pageBreakBefore = true;
    const numPr = child(pPr, 'w:numPr');
    const numId = attr(child(numPr, 'w:numId')) ?? chain.find((s) => s.numId)?.numId;
    const ilvl = Number(attr(child(numPr, 'w:ilvl')) ?? chain.find((s) => s.numId)?.ilvl ?? 0);
    if (numId && numId !== '0') {
      const label = this.numbering.label(numId, ilvl);
      if (label) out.label = label;
    }
    let pendingBreak = false;
    const visit = (el: XmlElement) => {
      for (const c of elements(el)) {
        if (c.name === 'w:r') {
          const props = merge(base, merge(this.styles.run(attr(child(child(c, 'w:rPr'), 'w:rStyle'))), runProps(child(c, 'w:rPr'))));
          const legacy = legacyFont(props.font);
          let text = '';
          const push = () => {
            if (!text) return;
            const run: SourceRun = { text: legacy ? decodeLegacy(text, legacy) : text.normalize('NFC') };
            if (legacy) this.legacyRuns++;
            if (props.bold) run.bold = true;
            if (props.italic) run.italic = true;
            if (props.underline) run.underline = true;
            if (pendingBreak) run.breakBefore = true;
            pendingBreak = false;
            out.runs.push(run);
            text = '';
          };
          for (const r of elements(c)) {
            if (r.name === 'w:t') text += textOf(r);
            else if (r.name === 'w:tab' || r.name === 'w:ptab') text += ' ';
            else if (r.name === 'w:noBreakHyphen') text += '-';
            else if ((r.name === 'w:br' && attr(r, 'w:type') !== 'page' && attr(r, 'w:type') !== 'column') || r.name === 'w:cr') {
              push();
              pendingBreak = true;
            } else if (r.name === 'w:footnoteReference') {
              push();
              const note = this.footnotes.get(attr(r, 'w:id') ?? '');
              if (note !== undefined) out.runs.push({ text: '', footnote: note });
            }
          }
          push();
        } else if (['w:hyperlink', 'w:ins', 'w:smartTag', 'w:fldSimple', 'w:customXml', 'w:sdt', 'w:sdtContent', 'w:moveTo'].includes(c.name)) {
          visit(c);
        }
      }
    };
    visit(p);
    return out;
  }

  table(t: XmlElement): SourceTable {
    const tblPr = child(t, 'w:tblPr');
    const borders = child(tblPr, 'w:tblBorders');
    const sides = elements(borders);
    const borderless = borders ? sides.length > 0 && sides.every((s) => ['none', 'nil'].includes(attr(s) ?? '')) : !child(tblPr, 'w:tblStyle');
    const columnWidths = elements(child(t, 'w:tblGrid'), 'w:gridCol').map((g) => Number(attr(g, 'w:w') ?? 0) || 1);
    const rows: SourceTable['rows'] = [];
    const open = new Map<number, SourceCell>();
    let headerRows = 0;
    let headerDone = false;
    for (const tr of elements(t, 'w:tr')) {
      const trPr = child(tr, 'w:trPr');
      if (!headerDone && toggle(child(trPr, 'w:tblHeader'))) headerRows++;
      else headerDone = true;
      let col = Number(attr(child(trPr, 'w:gridBefore')) ?? 0);
      const cells: SourceCell[] = [];
      for (const tc of elements(tr, 'w:tc')) {
        const tcPr = child(tc, 'w:tcPr');
        const span = Number(attr(child(tcPr, 'w:gridSpan')) ?? 1) || 1;
        const vMerge = child(tcPr, 'w:vMerge');
        const mergeKind = vMerge ? (attr(vMerge) ?? 'continue') : null;
        if (mergeKind === 'continue' && open.has(col)) {
          open.get(col)!.rowSpan++;
        } else {
          const paragraphs = this.blocks(tc).flatMap((b) => (b.kind === 'paragraph' ? [b] : b.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs))));
          const cell: SourceCell = { paragraphs, colSpan: span, rowSpan: 1 };
          cells.push(cell);
          if (mergeKind === 'restart') open.set(col, cell);
          else open.delete(col);
        }
        col += span;
      }
      rows.push({ cells });
    }
    if (!columnWidths.length) columnWidths.push(...(rows[0]?.cells.flatMap((c) => Array<number>(c.colSpan).fill(1)) ?? [1]));
    return { kind: 'table', columnWidths, headerRows, rows: rows.filter((r) => r.cells.length), borderless };
  }
}

function readFootnotes(xml: XmlElement | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of elements(xml, 'w:footnote')) {
    const type = attr(f, 'w:type');
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    const text = elements(f, 'w:p')
      .map((p) =>
        elements(p, 'w:r')
          .flatMap((r) => elements(r, 'w:t').map(textOf))
          .join(''),
      )
      .join(' ')
      .replace(/\s+/gu, ' ')
      .trim();
    out.set(attr(f, 'w:id') ?? '', text.normalize('NFC'));
  }
  return out;
}

/** The parts of a .docx already unzipped → paragraphs. Throws XmlError on malformed XML. */
export function readDocxParts(parts: Record<string, Uint8Array>): SourceDocument {
  const xml = (name: string) => (parts[name] ? parseXml(strFromU8(parts[name]!)) : undefined);
  const document = xml('word/document.xml');
  if (!document) throw new XmlError('no document part');
  const reader = new Reader(new Styles(xml('word/styles.xml')), new Numbering(xml('word/numbering.xml')), readFootnotes(xml('word/footnotes.xml')));
  const blocks = reader.blocks(child(document, 'w:body'));
  const notes = reader.legacyRuns ? [`Đã chuyển ${reader.legacyRuns} đoạn chữ gõ bằng phông TCVN3 (.VnTime) hoặc VNI sang Unicode; hãy đọc lại để xác nhận.`] : [];
  return { origin: 'docx', blocks, notes };
}

export const DOCX_PARTS = ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/footnotes.xml', '[Content_Types].xml'];
