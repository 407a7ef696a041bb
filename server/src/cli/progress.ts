/**
 * "checked 120/1000" on stderr for long runs, only where a person watches (a TTY) and never
 * mixed into a machine-readable report.
 */
import type { OutputStream } from './io';

/** Runs with more files than this show progress. */
export const PROGRESS_THRESHOLD = 50;
const INTERVAL_MS = 100;

export interface Progress {
  tick(done: number): void;
  done(): void;
}

const SILENT: Progress = { tick() {}, done() {} };

export function createProgress(stream: OutputStream, total: number, enabled: boolean, label: (done: number, total: number) => string, now: () => number = Date.now): Progress {
  if (!enabled || !stream.isTTY || total <= PROGRESS_THRESHOLD) return SILENT;
  let last = -Infinity;
  let shown = false;
  return {
    tick(done) {
      const time = now();
      if (done < total && time - last < INTERVAL_MS) return;
      last = time;
      shown = true;
      stream.write(`\r${label(done, total)}\u001b[K`);
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
