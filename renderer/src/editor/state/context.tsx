/**
 * What every form of the editor reaches through context: the edit function (stable), whether the plan is
 * read-only, the lint findings by field path, and the lookups (directory, own profile, settings).
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { LintFinding, Org, PlanContent, SelfProfile, Settings } from '../../../../shared/model';

export type FieldPath = readonly (string | number)[];
export const pathKey = (path: FieldPath): string => path.join('.');

export interface EditApi {
  edit: (recipe: (content: PlanContent) => PlanContent) => void;
  readOnly: boolean;
}

export interface Lookups {
  orgs: Org[];
  self: SelfProfile | null;
  settings: Settings | null;
}

const EditContext = createContext<EditApi>({ edit: () => {}, readOnly: true });
const FindingsContext = createContext<ReadonlyMap<string, LintFinding>>(new Map());
const LookupsContext = createContext<Lookups>({ orgs: [], self: null, settings: null });

export function EditorProviders(props: { edit: EditApi; findings: ReadonlyMap<string, LintFinding>; lookups: Lookups; children: ReactNode }) {
  return (
    <EditContext.Provider value={props.edit}>
      <LookupsContext.Provider value={props.lookups}>
        <FindingsContext.Provider value={props.findings}>{props.children}</FindingsContext.Provider>
      </LookupsContext.Provider>
    </EditContext.Provider>
  );
}

export const useEdit = (): EditApi => useContext(EditContext);
export const useLookups = (): Lookups => useContext(LookupsContext);
export const useFindings = (): ReadonlyMap<string, LintFinding> => useContext(FindingsContext);

/** The lint finding reported for exactly this field, if any. */
export function useFinding(path: FieldPath | undefined): LintFinding | undefined {
  const findings = useFindings();
  return path ? findings.get(pathKey(path)) : undefined;
}

/** Index findings by path (the first finding per path wins; errors before warnings). */
export function indexFindings(findings: readonly LintFinding[]): Map<string, LintFinding> {
  const map = new Map<string, LintFinding>();
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  for (const f of sorted) {
    const key = pathKey(f.path);
    if (!map.has(key)) map.set(key, f);
  }
  return map;
}
