/**
 * Gives memory back to the system when the user pauses after working on a large file.
 *
 * Parsing a 25,000-line document allocates ~100 MB that is garbage a moment later, yet V8 keeps the
 * heap it grew to: the server's resident memory stayed above 260 MB long after the last edit (bench,
 * `one large KubeProxyConfiguration`), while the data it really holds is ~15 MB. A memory-reducing
 * full GC, run once the user has been idle for a while, returns it (to ~85 MB in the same bench).
 *
 * Only after texts of at least `LARGE_TEXT` characters: small files never grow the heap much, and
 * the GC has a price: it takes 40–120 ms, and the first analysis after it is slower while the heap
 * regrows (bench: ~70 ms instead of ~35 ms on 1,000 documents, ~0.5–0.7 s instead of ~0.2 s on
 * 25,000 lines). Paid once per pause of 5 s, not per keystroke.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Texts at least this long (≈ 5,000 lines) schedule a reclaim; smaller ones do not. */
export const LARGE_TEXT = 200_000;
/** Quiet time after the last large analysis before memory is reclaimed. */
export const IDLE_MS = 5_000;

type Collect = () => void;

/**
 * V8's `gc()` with the options that also shrink the heap ("last-resort": compacts and releases
 * unused pages). The function is taken from a fresh context with --expose-gc switched on just for
 * that, so the server's own global scope gets no `gc`. Undefined when the runtime refuses.
 */
export function memoryReducingGc(): Collect | undefined {
  let gc = (globalThis as { gc?: (options?: object) => void }).gc;
  if (!gc) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as ((options?: object) => void) | undefined;
      setFlagsFromString('--no-expose-gc');
    } catch {
      return undefined;
    }
  }
  if (typeof gc !== 'function') return undefined;
  const run = gc;
  return () => run({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

export class IdleMemoryReclaimer {
  private timer: NodeJS.Timeout | undefined;
  /** undefined until first needed: most sessions never open a large file, so never touch V8 flags. */
  private collect: Collect | null | undefined;
  private readonly idleMs: number;
  /** How many reclaims ran (for tests and logs). */
  runs = 0;

  /** `collect`: null for none; left out, V8's collector is obtained on the first large text. */
  constructor(collect?: Collect | null, idleMs = IDLE_MS) {
    this.collect = collect;
    this.idleMs = idleMs;
  }

  /** Call after analysing (or dropping) a text of `length` characters; any call postpones a pending reclaim. */
  noteWork(length: number): void {
    const pending = this.timer !== undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!pending && length < LARGE_TEXT) return;
    if (this.collect === undefined) this.collect = memoryReducingGc() ?? null;
    const collect = this.collect;
    if (!collect) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runs++;
      collect();
    }, this.idleMs);
    // Never keep the process alive just to collect garbage.
    this.timer.unref();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
