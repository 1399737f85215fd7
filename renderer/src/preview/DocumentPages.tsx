/**
 * A DocumentLayout drawn as A4 pages: every unit is measured in a hidden column of the text width (once per
 * content: measureCache keeps the measures of unchanged units across edits), the units are paginated (cut between
 * lines when they straddle a page end), and each page shows its slices inside the profile's margins, with the page number from page 2 and the footnotes cited on the page at its bottom.
 * The same page boxes are printed (print.css: @page A4, no extra margins), so the printout is these pages.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { DocumentLayout, Footnote } from '../../../shared/layout';
import { buildFlow, Para, TableView, UnitView, type FlowUnit, type Styles } from './flow';
import { heightOf, measureRows, tableGeometry, unitCuts } from './measure';
import { createMeasureCache, type UnitMeasure } from './measureCache';
import { largestCut, paginate, smallestCut, type PageSlice } from './paginate';
import { useFontsVersion } from './fonts';
import { sameData } from './sameData';

const PX_PER_MM = 96 / 25.4;
const PX_PER_PT = 96 / 72;
/** Footnote separator: a 50 mm rule with 6 pt above and 3 pt below it. */
const SEPARATOR_PT = 6 + 0.5 + 3;

interface Props {
  layout: DocumentLayout;
  /** Draw the pages into this element instead of in place (printing). */
  portalTarget?: HTMLElement | null;
  /** Called after each pagination with the time it took (ms) and the page count. */
  onPaginated?: (info: { ms: number; pages: number }) => void;
}

/**
 * A long document draws only the pages near the view (the others are empty page boxes of the same size, so the
 * scroll length and page count stay); a short one, and every printout, draws them all.
 */
const DRAW_ALL_UP_TO = 12;
/** Pages drawn before and after the ones in view. */
const NEAR_PAGES = 2;

/** The nearest ancestor that scrolls vertically (the preview's scroll box), or null for the viewport. */
function scrollParent(el: HTMLElement | null): HTMLElement | null {
  for (let p = el?.parentElement ?? null; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return null;
}

/** The range of page indexes in view (plus NEAR_PAGES either side), followed with an IntersectionObserver. */
function usePagesInView(container: React.RefObject<HTMLDivElement | null>, count: number, active: boolean): { first: number; last: number } {
  const [range, setRange] = useState({ first: 0, last: 2 * NEAR_PAGES });
  useEffect(() => {
    const root = container.current;
    if (!active || !root) return;
    const seen = new Set<number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const n = Number((e.target as HTMLElement).dataset.page) - 1;
          if (e.isIntersecting) seen.add(n);
          else seen.delete(n);
        }
        if (seen.size === 0) return;
        const first = Math.max(0, Math.min(...seen) - NEAR_PAGES);
        const last = Math.max(...seen) + NEAR_PAGES;
        setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
      },
      { root: scrollParent(root), rootMargin: '25% 0px' },
    );
    root.querySelectorAll(':scope > .kh-page').forEach((el) => observer.observe(el));
    return () => observer.disconnect();
  }, [container, count, active]);
  return range;
}

/** Memoised: the editor re-renders on every keystroke, the pages only when the deferred layout changes. */
export const DocumentPages = memo(function DocumentPages({ layout, portalTarget, onPaginated }: Props) {
  const units = useMemo(() => buildFlow(layout), [layout]);
  const measureRef = useRef<HTMLDivElement>(null);
  const measureCache = useRef(createMeasureCache()).current;
  const fontsVersion = useFontsVersion();
  const [pages, setPages] = useState<PageSlice[]>(() => [{ fragments: [], footnoteUnits: [] }]);
  const [heights, setHeights] = useState<number[]>([]);
  const { page } = layout;
  const textHeightPx = (page.heightMm - page.margins.topMm - page.margins.bottomMm) * PX_PER_MM;

  useLayoutEffect(() => {
    const root = measureRef.current;
    if (!root) return;
    const started = performance.now();
    const els = Array.from(root.querySelectorAll<HTMLElement>(':scope > [data-unit]'));
    const noteEls = new Map<number, HTMLElement>();
    root.querySelectorAll<HTMLElement>(':scope > [data-footnote]').forEach((el) => noteEls.set(Number(el.dataset.footnote), el));
    const noteHeight = (id: number) => {
      const el = noteEls.get(id);
      return el ? heightOf(el) : 0;
    };
    measureCache.begin(`${page.textWidthMm}|${fontsVersion}|${JSON.stringify(layout.styles)}`);
    const measures = units.map((u, i): UnitMeasure => {
      const el = els[i];
      if (!el) return { height: 0, repeatHeight: 0, cuts: [] };
      const m = measureCache.get(u.sig, () => {
        if (u.kind !== 'table') return { height: heightOf(el), repeatHeight: 0 };
        const table: UnitMeasure = { height: heightOf(el), repeatHeight: tableGeometry(el).headerHeight };
        const rows = measureRows(el, () => table.source);
        if (rows) table.rows = rows;
        return table;
      });
      m.source = el;
      return m;
    });
    // Cut positions on first need (a unit that fits its page is never cut); kept with the unit's measure.
    const cuts = (i: number) => {
      const m = measures[i];
      const el = els[i];
      if (!m) return [];
      if (!m.cuts) m.cuts = el ? unitCuts(el, units[i]?.kind === 'table') : [];
      return m.cuts;
    };
    measureCache.end();
    const hs = measures.map((m) => m.height);
    const measured = units.map((u, i) => ({
      height: hs[i] ?? 0,
      keepWithNext: u.keepWithNext,
      breakBefore: u.breakBefore,
      splittable: u.splittable,
      keepTogether: u.keepTogether,
      repeatHeight: measures[i]?.repeatHeight ?? 0,
      footnoteHeight: u.footnotes.reduce((sum, id) => sum + noteHeight(id), 0),
      ...(measures[i]?.rows ? { rows: measures[i].rows } : {}),
    }));
    const next = paginate(measured, {
      pageHeight: textHeightPx,
      footnoteSeparator: SEPARATOR_PT * PX_PER_PT,
      cutAtOrBefore: (i, limit, after) => largestCut(cuts(i), limit, after),
      firstCutAfter: (i, after) => smallestCut(cuts(i), after),
    });
    setHeights((old) => (old.length === hs.length && old.every((h, i) => h === hs[i]) ? old : hs));
    setPages((old) => (sameData(old, next) ? old : next));
    onPaginated?.({ ms: performance.now() - started, pages: next.length });
  }, [units, fontsVersion, textHeightPx, onPaginated, measureCache, page.textWidthMm, layout.styles]);

  const styles = layout.styles;
  const frame = useMemo(() => JSON.stringify([layout.page, layout.pageNumbers, layout.styles]), [layout.page, layout.pageNumbers, layout.styles]);
  const pagesRef = useRef<HTMLDivElement>(null);
  const virtual = !portalTarget && pages.length > DRAW_ALL_UP_TO && typeof IntersectionObserver !== 'undefined';
  const near = usePagesInView(pagesRef, pages.length, virtual);
  const pagesView = (
    <div className="kh-pages" lang="vi" ref={portalTarget ? undefined : pagesRef}>
      {pages.map((pg, n) => (
        <PageView
          key={n}
          number={n + 1}
          drawn={!virtual || (n >= near.first && n <= near.last)}
          layout={layout}
          frame={frame}
          slice={pg}
          units={units}
          heights={heights}
          styles={styles}
        />
      ))}
    </div>
  );

  return (
    <>
      <div ref={measureRef} className="kh-measure" aria-hidden="true" style={{ width: `${page.textWidthMm}mm` }}>
        {units.map((u, i) => (
          <div key={u.key} data-unit={i} className="kh-unit">
            <UnitView unit={u} styles={styles} />
          </div>
        ))}
        {layout.footnotes.map((f) => (
          <div key={f.id} data-footnote={f.id}>
            <FootnoteView note={f} styles={styles} />
          </div>
        ))}
      </div>
      {portalTarget ? createPortal(pagesView, portalTarget) : pagesView}
    </>
  );
});

function FootnoteView({ note, styles }: { note: Footnote; styles: Styles }) {
  return <Para p={note.paragraph} styles={styles} prefix={<sup className="kh-fnref">{note.id}</sup>} />;
}

interface PageProps {
  number: number;
  /** False: an empty page box of the right size (a long document's page out of view). */
  drawn: boolean;
  layout: DocumentLayout;
  /** The page geometry, page numbers and styles as a string: equal frames draw pages alike. */
  frame: string;
  slice: PageSlice;
  units: FlowUnit[];
  heights: number[];
  styles: Styles;
}

const pageNotes = (p: PageProps) =>
  JSON.stringify(p.slice.footnoteUnits.flatMap((i) => p.units[i]?.footnotes ?? []).map((id) => p.layout.footnotes.find((f) => f.id === id)));

/** A page draws the same when its slices, the content and heights of their units, its footnotes and the frame are. */
function samePage(a: PageProps, b: PageProps): boolean {
  if (a.number !== b.number || a.drawn !== b.drawn || a.frame !== b.frame) return false;
  if (!b.drawn) return a.layout.page === b.layout.page || sameData(a.layout.page, b.layout.page);
  if (!sameData(a.slice, b.slice)) return false;
  for (const f of b.slice.fragments) {
    if (a.units[f.unit]?.sig !== b.units[f.unit]?.sig || a.units[f.unit]?.key !== b.units[f.unit]?.key) return false;
    if (a.heights[f.unit] !== b.heights[f.unit]) return false;
  }
  return a.slice.footnoteUnits.length === 0 || pageNotes(a) === pageNotes(b);
}

const PageView = memo(function PageView({ number, drawn, layout, slice, units, heights, styles }: PageProps) {
  const { page, pageNumbers } = layout;
  if (!drawn) return <div className="kh-page" data-page={number} data-placeholder="" style={{ width: `${page.widthMm}mm`, height: `${page.heightMm}mm` }} />;
  const m = page.margins;
  const notes = slice.footnoteUnits.flatMap((i) => units[i]?.footnotes ?? []);
  const showNumber = number >= pageNumbers.fromPage;
  const numberStyle =
    pageNumbers.position === 'top-center'
      ? { top: '10mm', left: `${m.leftMm}mm`, width: `${page.textWidthMm}mm`, textAlign: 'center' as const }
      : { bottom: '10mm', right: `${m.rightMm}mm`, textAlign: 'right' as const };
  return (
    <div className="kh-page" data-page={number} style={{ width: `${page.widthMm}mm`, height: `${page.heightMm}mm` }}>
      {showNumber && (
        <div className="kh-page-number" style={{ ...numberStyle, fontSize: `${pageNumbers.sizePt}pt` }}>
          {number}
        </div>
      )}
      <div
        className="kh-page-body"
        style={{ top: `${m.topMm}mm`, left: `${m.leftMm}mm`, width: `${page.textWidthMm}mm`, height: `${page.heightMm - m.topMm - m.bottomMm}mm` }}
      >
        {slice.fragments.map((f) => {
          const unit = units[f.unit];
          if (!unit) return null;
          if (f.rows && unit.kind === 'table')
            return (
              <div key={unit.key} className="kh-frag" data-unit-key={unit.key} data-rows={`${f.rows.first}-${f.rows.last}`}>
                <TableView table={unit.table} styles={styles} piece={f.rows} />
              </div>
            );
          return <FragmentView key={`${unit.key}@${f.from}`} unit={unit} from={f.from} to={f.to} full={heights[f.unit] ?? f.to} styles={styles} />;
        })}
        {notes.length > 0 && (
          <div className="kh-footnotes">
            <div className="kh-footnote-rule" />
            {notes.map((id) => {
              const note = layout.footnotes.find((x) => x.id === id);
              return note ? <FootnoteView key={id} note={note} styles={styles} /> : null;
            })}
          </div>
        )}
      </div>
    </div>
  );
}, samePage);

function FragmentView({ unit, from, to, full, styles }: { unit: FlowUnit; from: number; to: number; full: number; styles: Styles }): ReactNode {
  const whole = from <= 0 && to >= full - 0.5;
  if (whole) {
    return (
      <div className="kh-frag" data-unit-key={unit.key}>
        <UnitView unit={unit} styles={styles} />
      </div>
    );
  }
  const isTable = unit.kind === 'table';
  const tableWidth = isTable ? `${unit.table.columnWidthsMm.reduce((a, b) => a + b, 0)}mm` : undefined;
  const cutBelow = to < full - 0.5;
  return (
    <div className="kh-frag" data-unit-key={unit.key} data-from={Math.round(from)}>
      {isTable && from > 0 && <TableView table={unit.table} styles={styles} headerOnly />}
      <div
        className="kh-clip"
        style={{
          height: `${to - from}px`,
          width: tableWidth,
          borderBottom: isTable && cutBelow && unit.table.borderPt > 0 ? `${unit.table.borderPt}pt solid #000` : undefined,
          boxSizing: 'content-box',
        }}
      >
        <div style={{ marginTop: `${-from}px` }}>
          <UnitView unit={unit} styles={styles} />
        </div>
      </div>
    </div>
  );
}
