/** Choosing evidence files (main's open dialog, or the harness's upload) and opening a stored one. */
import { useApiMutation } from '../../api/queries';

export interface ChosenFile {
  name: string;
  base64: string;
  /** Bytes (from the base64 length). */
  size: number;
}

const sizeOf = (base64: string) => (base64.length * 3) / 4 - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);

export function useEvidenceFiles() {
  const chooseOpen = useApiMutation('file.chooseOpen', { silent: true });
  const read = useApiMutation('file.read', { silent: true });
  const openFile = useApiMutation('file.openEvidence', { silent: true });
  return {
    /** Asks for a file; null when she cancels. */
    async choose(): Promise<ChosenFile | null> {
      const chosen = await chooseOpen.mutateAsync({ kinds: ['evidence'] });
      if (!chosen.opened) return null;
      const file = await read.mutateAsync({ token: chosen.token });
      return { name: file.fileName, base64: file.base64, size: sizeOf(file.base64) };
    },
    /** Opens a stored evidence file with the system's viewer (in the browser harness: a download). */
    async open(sha256: string): Promise<void> {
      await openFile.mutateAsync({ sha256 });
    },
  };
}
