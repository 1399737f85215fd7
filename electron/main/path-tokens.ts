/**
 * Short-lived, single-use tokens standing for paths the user chose in a dialog: the renderer holds the token, never
 * the path, and cannot name any other file.
 */
import { randomUUID } from 'node:crypto';

export interface PathTokens {
  issue(path: string): string;
  /** The path behind a live token, which is then spent; null when unknown, spent or expired. */
  take(token: string): string | null;
}

export function createPathTokens(ttlMs = 10 * 60_000, now: () => number = Date.now): PathTokens {
  const live = new Map<string, { path: string; expires: number }>();
  const sweep = () => {
    const t = now();
    for (const [token, entry] of live) if (entry.expires <= t) live.delete(token);
  };
  return {
    issue(path) {
      sweep();
      const token = randomUUID();
      live.set(token, { path, expires: now() + ttlMs });
      return token;
    },
    take(token) {
      sweep();
      const entry = live.get(token);
      live.delete(token);
      return entry ? entry.path : null;
    },
  };
}
