/** How long the seeded runs of `npm test` may take: a fixed seed and count, cut short on a slow machine. */
import type { Parameters } from 'fast-check';

/** PROPERTY_SEED overrides the seed, to replay a failure reported by a fuzz run. */
export function runBudget<T>(seed: number, milliseconds: number, numRuns = 100_000): Parameters<T> {
  return {
    seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : seed,
    numRuns,
    interruptAfterTimeLimit: milliseconds,
    markInterruptAsFailure: false,
    endOnFailure: false,
  };
}
