/**
 * What autosave sends: the draft as typed. A value the model cannot store (the store refuses it) must not stop
 * every other edit from being saved: such a value is held back — the stored value stays at its place in what is
 * sent — and reported, so the field and the save status can say it is not saved.
 */
import { PlanSaveInput, type PlanContent } from '../../../../shared/model';
import { getAt, setAt, type Tree } from '../model/at-path';

export interface HeldField {
  path: (string | number)[];
  message: string;
}

/** A stand-in for a refused value when the stored plan has nothing at that place (a unit added since). */
const blankLike = (value: unknown): unknown => (typeof value === 'string' ? '' : typeof value === 'number' ? null : value);

const MAX_ROUNDS = 5;

/**
 * The save input for `content`: as typed where the model accepts it, the stored value where it does not.
 * `held` lists the refused places with the model's (Vietnamese) message; `input` is null when nothing storable
 * could be made (the refusal is not about a single value).
 */
export function storableInput(
  content: PlanContent,
  stored: PlanContent,
  id: string,
  baseRevision: number,
): { input: PlanSaveInput | null; held: HeldField[] } {
  let candidate: Tree = { ...content, id, baseRevision };
  const held: HeldField[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const checked = PlanSaveInput.safeParse(candidate);
    if (checked.success) return { input: candidate as PlanSaveInput, held };
    let changed = false;
    for (const issue of checked.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
      if (!held.some((h) => h.path.join('.') === path.join('.'))) held.push({ path, message: issue.message });
      const current = getAt(candidate, path);
      const previous = getAt(stored, path);
      const replacement = previous !== undefined && previous !== current ? previous : blankLike(current);
      if (replacement !== current && path.length > 0) {
        candidate = setAt(candidate, path, replacement);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { input: null, held };
}
