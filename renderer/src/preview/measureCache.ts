/**
 * Measurements of the preview's flow units kept by content: a unit whose signature (FlowUnit.sig) was measured
 * before, in the same context (text width, paragraph styles, loaded fonts), takes its height, header height, rows
 * and cut positions from the cache instead of the DOM. After an edit only the changed units are measured again.
 */
import type { MeasuredRow } from './tableRows';

export interface UnitMeasure {
  height: number;
  /** A table's header rows height (repeated on continuation pages); 0 otherwise. */
  repeatHeight: number;
  /** A table's body rows when it breaks row by row. */
  rows?: MeasuredRow[];
  /** Cut positions, measured on first need. */
  cuts?: number[];
  /** The element the unit is drawn in now (set on every pass): what is measured later, on first need, is read there. */
  source?: HTMLElement;
}

export interface MeasureCache {
  /** Starts a pass: a new context (width, styles, fonts) empties the cache. */
  begin(context: string): void;
  /** The measure of `sig`, taken with `measure` when not cached. */
  get(sig: string, measure: () => UnitMeasure): UnitMeasure;
  /** Ends a pass: drops what the pass did not ask for (deleted or changed units). */
  end(): void;
  /** How many units were measured through the DOM so far (for tests and figures). */
  readonly measured: number;
}

export function createMeasureCache(): MeasureCache {
  let context: string | null = null;
  let entries = new Map<string, UnitMeasure>();
  let used = new Map<string, UnitMeasure>();
  let measured = 0;
  return {
    begin(next) {
      if (next !== context) entries = new Map();
      context = next;
      used = new Map();
    },
    get(sig, measure) {
      let m = used.get(sig) ?? entries.get(sig);
      if (!m) {
        m = measure();
        measured++;
      }
      used.set(sig, m);
      return m;
    },
    end() {
      entries = used;
    },
    get measured() {
      return measured;
    },
  };
}
