/**
 * `file.openEvidence`: an evidence file opened with the system's viewer. The backend hands over its bytes
 * (`task.evidence`); main writes a copy under the original name in a temporary folder (the stored file has no
 * extension and must never be changed by a viewer) and asks the shell to open it. Electron's shell comes in as a
 * parameter, so tests drive this very code.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenEvidenceOutput } from '../../shared/api';
import { ContractFailure } from '../backend/files/errors';
import { evidenceFileName } from '../backend/files/evidence-name';
import { safeWriteFile } from '../backend/files/safe-write';
import { callOrThrow, type Invoke } from '../backend/files/save-source';

export interface OpenEvidenceDeps {
  invoke: Invoke;
  /** A folder for the copies (the OS's temporary folder). */
  tempDir: string;
  /** shell.openPath: resolves to an error message, or '' when the viewer opened. */
  openPath: (path: string) => Promise<string>;
}

export async function openEvidence({ sha256 }: { sha256: string }, deps: OpenEvidenceDeps): Promise<OpenEvidenceOutput> {
  const file = await callOrThrow(deps.invoke, 'task.evidence', { sha256 });
  const fileName = evidenceFileName(file.fileName, file.mediaType);
  const dir = join(deps.tempDir, 'kehoach-minh-chung', sha256.slice(0, 16));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, fileName);
  await safeWriteFile(path, Buffer.from(file.base64, 'base64'));
  const failure = await deps.openPath(path);
  if (failure) throw new ContractFailure({ code: 'IO', message: `Không mở được tệp minh chứng «${fileName}» bằng chương trình xem của máy: ${failure}` });
  return { opened: true, fileName };
}
