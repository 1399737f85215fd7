/**
 * Export a plan to a file the user chooses. One call: main renders it (.docx in the backend, PDF from the print
 * route), shows the save dialog, writes the file safely and reads it back; the web harness answers with a download.
 * Resolves `{ saved: false }` when the user cancelled.
 */
import type { ChooseSaveOutput } from '../../../../shared/api';
import { call } from '../../api/client';

export type ExportFormat = 'docx' | 'pdf';

export function exportPlanFile(id: string, format: ExportFormat): Promise<ChooseSaveOutput> {
  return call('file.chooseSave', { source: { kind: format === 'docx' ? 'plan.docx' : 'plan.pdf', id } });
}
