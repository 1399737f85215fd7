/** Choosing evidence files (main's open dialog, or the harness's upload) and opening a stored one. */
import { call } from '../../api/client';

export interface ChosenFile {
  name: string;
  base64: string;
  /** Bytes (from the base64 length). */
  size: number;
}

/** Asks for a file; null when she cancels. */
export async function chooseEvidenceFile(): Promise<ChosenFile | null> {
  const chosen = await call('file.chooseOpen', { kinds: ['evidence'] });
  if (!chosen.opened) return null;
  const file = await call('file.read', { token: chosen.token });
  const padding = file.base64.endsWith('==') ? 2 : file.base64.endsWith('=') ? 1 : 0;
  return { name: file.fileName, base64: file.base64, size: (file.base64.length * 3) / 4 - padding };
}

/** Opens a stored evidence file with the system's viewer (in the browser harness: a download). */
export async function openEvidence(sha256: string): Promise<void> {
  await call('file.openEvidence', { sha256 });
}
