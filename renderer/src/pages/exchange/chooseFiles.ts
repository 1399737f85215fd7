/** Several files chosen at once (main's dialog, or the harness's upload) and read: name and base64 of each. */
import type { QueryClient } from '@tanstack/react-query';
import type { FileKind } from '../../../../shared/api';
import { call } from '../../api/client';
import { invalidateAfter } from '../../api/queries';

export interface ChosenFile {
  fileName: string;
  base64: string;
}

export async function chooseAndReadFiles(client: QueryClient, kinds: FileKind[]): Promise<ChosenFile[]> {
  const chosen = await call('file.chooseOpenMany', { kinds });
  await invalidateAfter(client, 'file.chooseOpenMany');
  const files: ChosenFile[] = [];
  for (const file of chosen.files) {
    files.push(await call('file.read', { token: file.token }));
    await invalidateAfter(client, 'file.read');
  }
  return files;
}
