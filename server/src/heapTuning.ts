/**
 * How V8 sizes the heaps of the server, the CLI and their worker threads. V8's defaults suit a
 * short script: young generations of up to 3 × 16 MB per isolate, and an old generation that grows
 * to twice what survived before it is collected again. A language server keeps little (the live
 * heap with a 20,000-line record of 10,000 findings open is ~40 MB) but parses again and again,
 * so with the defaults its memory is mostly garbage not yet collected: a peak of 320–350 MB for
 * that record, 170–180 MB with these flags, for 5–15 % more time in allocation-heavy work (README,
 * Benchmarks). V8 flags are process-wide: set on the main thread before any worker starts, they size
 * the workers' heaps too. The young generation of the main thread is sized when it starts, so the
 * extension also passes them on the command line (client/src/client.ts).
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=10'] as const;

export function tuneHeap(): void {
  for (const flag of HEAP_FLAGS) setFlagsFromString(flag);
}
