import type { PlanContent } from '../model';
import { foldVietnamese } from './fold';
import { formatDocNumber } from './symbol';

/** ASCII-safe file name of a plan: "KH-315-KH-HU-2024.docx"; an unnumbered draft: "KH-chua-so-KH-HU-2024.pdf"; a report "BC-07-BC-HU-2025.docx". */
export function planFileName(content: PlanContent, extension: 'docx' | 'pdf'): string {
  const ascii = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, '');
  const h = content.header;
  // Number and year are stored as typed: only their ASCII letters and digits reach the file name.
  const number = ascii(formatDocNumber(h.number)) || 'chua-so';
  const symbol = ascii(h.issuer.symbol).toUpperCase() || 'KHAC';
  const year = ascii(h.date.year) || 'chua-nam';
  const type = ascii(h.docType).toUpperCase();
  return `${type}-${number}-${type}-${symbol}-${year}.${extension}`;
}
