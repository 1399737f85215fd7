/** The years the plans are dated in (the list's year filter offers these, newest first); a blank year is left out. */
import type { Db } from '../../db/open';

export function createPlanYears(db: Db) {
  const live = db.prepare<[], number>('SELECT DISTINCT year FROM plans WHERE deleted_at IS NULL AND year > 0 ORDER BY year DESC').pluck();
  const bin = db.prepare<[], number>('SELECT DISTINCT year FROM plans WHERE deleted_at IS NOT NULL AND year > 0 ORDER BY year DESC').pluck();
  return (deleted: boolean): number[] => (deleted ? bin : live).all();
}
