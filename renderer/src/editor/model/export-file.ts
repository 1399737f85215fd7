/**
 * Exporting a plan to a file the user chooses is one `file.chooseSave` call: main renders it (.docx in the backend,
 * PDF from the print route), shows the save dialog, writes the file safely and reads it back; the web harness
 * answers with a download. The answer is `{ saved: false }` when the user cancelled.
 */
import type { SaveSource } from '../../../../shared/api';

export type ExportFormat = 'docx' | 'pdf';

export const exportSource = (id: string, format: ExportFormat): SaveSource => ({ kind: format === 'docx' ? 'plan.docx' : 'plan.pdf', id });
