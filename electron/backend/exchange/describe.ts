import type { RecordCheck } from '../../../shared/api/exchange';
import type { AnyRecord } from './format';

/** A record's line in an inspection: what it is, in words the clerk reads (its verdict is the caller's). */
export function describeRecord(r: AnyRecord): Omit<RecordCheck, 'verdict' | 'reason' | 'hasDocument'> {
  const base = { kind: r.kind, id: r.id, owner: r.owner, version: r.version, number: '', planId: null, files: 0 };
  switch (r.kind) {
    case 'plan':
      return { ...base, title: r.content.trichYeu, number: r.content.header.number };
    case 'task':
      return { ...base, title: r.body, planId: r.planId };
    case 'report':
      return { ...base, title: `${r.date.split('-').reverse().join('/')}: ${r.text.slice(0, 200)}`, planId: r.planId, files: r.files.length };
    case 'org':
      return { ...base, title: r.name };
  }
}
