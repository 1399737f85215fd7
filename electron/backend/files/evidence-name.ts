/**
 * The name an evidence file is opened or downloaded under: the name it was given, made safe for any file system
 * (no folder parts, no characters Windows refuses), ending with the extension its content calls for, so the
 * system's viewer picks the right program ("anh.txt" holding a PNG opens as "anh.txt.png").
 */
import type { EvidenceMediaType } from '../../../shared/api/tasks';

const EXTENSIONS: Record<EvidenceMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'text/plain': ['txt'],
};

export function evidenceFileName(name: string, mediaType: EvidenceMediaType): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f<>:"|?*]/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/gu, '')
    .slice(0, 120);
  const allowed = EXTENSIONS[mediaType];
  const ext = /\.([^.]+)$/u.exec(base)?.[1]?.toLowerCase();
  const stem = base || 'minh-chung';
  return ext && allowed.includes(ext) ? stem : `${stem}.${allowed[0]}`;
}
