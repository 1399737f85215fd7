/**
 * The DocumentLayout as a flow of units (header block, each paragraph, closing block, each table), and how each
 * unit draws in HTML. The preview paginates these units; it takes every text, size and width from the layout.
 */
import { memo, type CSSProperties, type ReactNode } from 'react';
import type {
  ClosingLayout,
  DocumentLayout,
  HeaderLayout,
  LayoutParagraph,
  LayoutTable,
  ParagraphRole,
  ParagraphStyle,
  Run,
} from '../../../shared/layout';
import { paragraphCss } from './paragraphCss';
import type { RowsPiece } from './tableRows';

export type Styles = Record<ParagraphRole, ParagraphStyle>;

interface UnitBase {
  key: string;
  /** Content signature: equal signatures draw the same (lets React skip unchanged units). */
  sig: string;
  keepWithNext: boolean;
  breakBefore: boolean;
  splittable: boolean;
  /** Cut only when taller than a page (the closing block, a cantSplit row in the .docx). */
  keepTogether: boolean;
  /** Footnote ids cited in this unit. */
  footnotes: number[];
}

export type FlowUnit =
  | (UnitBase & { kind: 'header'; header: HeaderLayout })
  | (UnitBase & { kind: 'paragraph'; paragraph: LayoutParagraph })
  | (UnitBase & { kind: 'closing'; closing: ClosingLayout })
  | (UnitBase & { kind: 'table'; table: LayoutTable });

function footnotesOf(paragraphs: readonly LayoutParagraph[]): number[] {
  const ids: number[] = [];
  for (const p of paragraphs) for (const r of p.runs) if (r.footnoteRef != null) ids.push(r.footnoteRef);
  return ids;
}

const tableParagraphs = (t: LayoutTable) => [...t.headerRows, ...t.rows].flatMap((r) => r.cells.flatMap((c) => c.paragraphs));

/** A table's signature, kept by the table object (composeLayout returns the same object for an unchanged table). */
const tableSigs = new WeakMap<LayoutTable, string>();
function tableSig(t: LayoutTable): string {
  let sig = tableSigs.get(t);
  if (sig === undefined) tableSigs.set(t, (sig = JSON.stringify(t)));
  return sig;
}

const tableUnit = (t: LayoutTable, key: string, keepWithNext: boolean): FlowUnit => ({
  kind: 'table',
  key,
  sig: tableSig(t),
  keepWithNext,
  breakBefore: false,
  splittable: true,
  keepTogether: false,
  footnotes: footnotesOf(tableParagraphs(t)),
  table: t,
});

/** Flatten a layout into units in print order. */
export function buildFlow(layout: DocumentLayout): FlowUnit[] {
  const units: FlowUnit[] = [];
  const counts = new Map<string, number>();
  const keyOf = (base: string) => {
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    return n ? `${base}#${n}` : base;
  };
  const para = (p: LayoutParagraph, base: string, breakBefore = false): FlowUnit => ({
    kind: 'paragraph',
    key: keyOf(p.sourceId ? `${base}:${p.sourceId}` : base),
    sig: `${p.role}|${p.align ?? ''}|${JSON.stringify(p.runs)}`,
    keepWithNext: layout.styles[p.role].keepWithNext || p.keepWithNext === true,
    breakBefore,
    splittable: true,
    keepTogether: false,
    footnotes: footnotesOf([p]),
    paragraph: p,
  });

  units.push({
    kind: 'header',
    key: 'header',
    sig: JSON.stringify(layout.header),
    keepWithNext: false,
    breakBefore: false,
    splittable: false,
    keepTogether: true,
    footnotes: [],
    header: layout.header,
  });
  layout.title.forEach((p, i) => units.push(para(p, `title${i}`)));
  layout.body.forEach((b) => units.push(b.kind === 'table' ? tableUnit(b.table, keyOf(b.sourceId ? `body-table:${b.sourceId}` : 'body-table'), b.keepWithNext === true) : para(b, 'body')));
  units.push({
    kind: 'closing',
    key: 'closing',
    sig: JSON.stringify(layout.closing),
    keepWithNext: false,
    breakBefore: false,
    splittable: true,
    keepTogether: true,
    footnotes: footnotesOf([...layout.closing.left, ...layout.closing.right]),
    closing: layout.closing,
  });
  layout.appendices.forEach((a, ai) => {
    const base = `appendix${ai}`;
    units.push(para(a.label, `${base}-label`, a.startsNewPage));
    if (a.name) units.push(para(a.name, `${base}-name`));
    units.push(para(a.line, `${base}-line`));
    a.intro.forEach((p, k) => units.push(para(p, `${base}-intro${k}`)));
    a.tables.forEach((t, k) => units.push(tableUnit(t, keyOf(`${base}-table${k}`), false)));
  });
  return units;
}

function runStyle(r: Run): CSSProperties | undefined {
  if (!r.bold && !r.italic && !r.underline) return undefined;
  return {
    ...(r.bold ? { fontWeight: 700 } : {}),
    ...(r.italic ? { fontStyle: 'italic' } : {}),
    ...(r.underline ? { textDecoration: 'underline' } : {}),
  };
}

export function Runs({ runs }: { runs: readonly Run[] }) {
  return (
    <>
      {runs.map((r, i) => {
        const br = r.breakBefore ? <br /> : null;
        if (r.footnoteRef != null)
          return (
            <sup key={i} className="kh-fnref">
              {r.text}
            </sup>
          );
        const style = runStyle(r);
        return (
          <span key={i} style={style}>
            {br}
            {r.text}
          </span>
        );
      })}
    </>
  );
}

export function Para({ p, styles, prefix, collapse }: { p: LayoutParagraph; styles: Styles; prefix?: ReactNode; collapse?: boolean }) {
  // An empty paragraph still takes one line (the signature and seal space is made of them).
  const empty = !prefix && p.runs.every((r) => r.text === '' && !r.breakBefore);
  return (
    <div className="kh-p" style={paragraphCss(styles[p.role], p.align, collapse)} data-role={p.role} data-source-id={p.sourceId}>
      {prefix}
      {empty ? <br /> : <Runs runs={p.runs} />}
    </div>
  );
}

function HeaderView({ header, styles }: { header: HeaderLayout; styles: Styles }) {
  const [top, bottom] = header.rows;
  const [tieuDe, ...restTop] = top.right;
  return (
    <table className="kh-plain" style={{ width: `${header.leftWidthMm + header.rightWidthMm}mm` }}>
      <colgroup>
        <col style={{ width: `${header.leftWidthMm}mm` }} />
        <col style={{ width: `${header.rightWidthMm}mm` }} />
      </colgroup>
      <tbody>
        <tr>
          <td>
            {top.left.map((p, i) => (
              <Para key={i} p={p} styles={styles} />
            ))}
          </td>
          <td>
            {tieuDe && <Para p={tieuDe} styles={styles} />}
            <div
              className="kh-rule"
              style={{ width: `${header.rule.lengthMm}mm`, height: `${header.rule.gapPt}pt`, borderBottom: `${header.rule.thicknessPt}pt solid #000` }}
            />
            {restTop.map((p, i) => (
              <Para key={i} p={p} styles={styles} />
            ))}
          </td>
        </tr>
        <tr>
          <td>
            {bottom.left.map((p, i) => (
              <Para key={i} p={p} styles={styles} />
            ))}
          </td>
          <td>
            {bottom.right.map((p, i) => (
              <Para key={i} p={p} styles={styles} />
            ))}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function ClosingView({ closing, styles }: { closing: ClosingLayout; styles: Styles }) {
  return (
    <div style={{ paddingTop: `${closing.spaceBeforePt}pt` }}>
      <table className="kh-plain" style={{ width: `${closing.leftWidthMm + closing.rightWidthMm}mm` }}>
        <colgroup>
          <col style={{ width: `${closing.leftWidthMm}mm` }} />
          <col style={{ width: `${closing.rightWidthMm}mm` }} />
        </colgroup>
        <tbody>
          <tr>
            <td>
              {closing.left.map((p, i) => (
                <Para key={i} p={p} styles={styles} />
              ))}
            </td>
            <td>
              {closing.right.map((p, i) => (
                <Para key={i} p={p} styles={styles} />
              ))}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/**
 * A body cell's content (paragraph spacing collapsed between paragraphs, as in a Word/LibreOffice cell); `slice`
 * shows only [from, to) of it (px), for a row broken across pages.
 */
function CellContent({ paragraphs, styles, slice }: { paragraphs: readonly LayoutParagraph[]; styles: Styles; slice?: { from: number; to: number | null } }) {
  const content = paragraphs.map((p, k) => <Para key={k} p={p} styles={styles} collapse />);
  if (!slice) return <div className="kh-cell">{content}</div>;
  return (
    <div className="kh-cell kh-clip" style={slice.to === null ? undefined : { height: `${Math.max(0, slice.to - slice.from)}px` }}>
      <div className="kh-cell-shift" style={{ marginTop: `${-slice.from}px` }}>
        {content}
      </div>
    </div>
  );
}

/**
 * An appendix table. `headerOnly` draws its header rows alone (a continued table's repeat); `piece` draws its header
 * rows and the body rows one page shows, rows broken across pages cut cell by cell (tableRows.ts).
 */
export function TableView({ table, styles, headerOnly, piece }: { table: LayoutTable; styles: Styles; headerOnly?: boolean; piece?: RowsPiece }) {
  const width = table.columnWidthsMm.reduce((a, b) => a + b, 0);
  const cell = (header: boolean): CSSProperties => ({
    border: table.borderPt > 0 ? `${table.borderPt}pt solid #000` : 'none',
    padding: table.borderPt > 0 ? '0 1.5mm' : 0,
    verticalAlign: header ? 'middle' : 'top',
  });
  const first = piece ? piece.first : 0;
  const last = piece ? piece.last : table.rows.length - 1;
  const sliceOf = (r: number, k: number) => {
    if (!piece) return undefined;
    const from = r === piece.first ? (piece.fromCells?.[k] ?? 0) : 0;
    const to = r === piece.last && piece.toCells ? (piece.toCells[k] ?? 0) : null;
    return from === 0 && to === null ? undefined : { from, to };
  };
  return (
    <table className="kh-grid" style={{ width: `${width}mm` }}>
      <colgroup>
        {table.columnWidthsMm.map((w, i) => (
          <col key={i} style={{ width: `${w}mm` }} />
        ))}
      </colgroup>
      <thead>
        {table.headerRows.map((row, r) => (
          <tr key={r}>
            {row.cells.map((c, i) => (
              <td key={i} colSpan={c.colSpan} rowSpan={c.rowSpan} style={cell(true)}>
                {c.paragraphs.map((p, k) => (
                  <Para key={k} p={p} styles={styles} />
                ))}
              </td>
            ))}
          </tr>
        ))}
      </thead>
      {!headerOnly && last >= first && (
        <tbody>
          {table.rows.slice(first, last + 1).map((row, n) => (
            <tr key={first + n}>
              {row.cells.map((c, i) => (
                <td key={i} colSpan={c.colSpan} rowSpan={c.rowSpan} style={cell(false)}>
                  <CellContent paragraphs={c.paragraphs} styles={styles} slice={sliceOf(first + n, i)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      )}
    </table>
  );
}

/** One unit, drawn. Memoised on the unit's signature. */
export const UnitView = memo(
  function UnitView({ unit, styles }: { unit: FlowUnit; styles: Styles }) {
    switch (unit.kind) {
      case 'header':
        return <HeaderView header={unit.header} styles={styles} />;
      case 'paragraph':
        return <Para p={unit.paragraph} styles={styles} />;
      case 'closing':
        return <ClosingView closing={unit.closing} styles={styles} />;
      case 'table':
        return <TableView table={unit.table} styles={styles} />;
    }
  },
  (a, b) => a.unit.sig === b.unit.sig && a.unit.kind === b.unit.kind && a.styles === b.styles,
);
