import { Autosaver } from '../../../renderer/src/editor/state/autosave';

describe('autosave scheduling', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('stores within maxWait while the user keeps typing, then the newest snapshot', async () => {
    const stored: number[] = [];
    let now = 0;
    const saver = new Autosaver<number>(async (v) => void stored.push(v), { delayMs: 400, maxWaitMs: 900 }, () => now);
    for (let k = 1; k <= 10; k++) {
      saver.schedule(k);
      now += 150;
      await vi.advanceTimersByTimeAsync(150);
    }
    // typing every 150 ms for 1.5 s: a save happened no later than 900 ms after the first change
    expect(stored[0]).toBeDefined();
    expect(stored[0]).toBeLessThanOrEqual(7);
    now += 1000;
    await vi.advanceTimersByTimeAsync(1000);
    expect(stored[stored.length - 1]).toBe(10);
  });

  it('never overlaps saves and flush() waits for the newest one', async () => {
    const log: string[] = [];
    let release: (() => void) | null = null;
    const saver = new Autosaver<string>(
      (v) =>
        new Promise<void>((resolve) => {
          log.push(`start ${v}`);
          release = () => {
            log.push(`end ${v}`);
            resolve();
          };
        }),
      { delayMs: 10, maxWaitMs: 20 },
    );
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(15);
    saver.schedule('b');
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(5);
    expect(log).toEqual(['start a']);
    release!();
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['start a', 'end a', 'start b']);
    release!();
    await flushed;
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(saver.hasPending).toBe(false);
  });
});
