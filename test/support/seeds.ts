/**
 * Access to ../shared/seeds for the tests that prove the catalog against the guideline. Without
 * the seeds (a checkout on its own) those tests are skipped LOUDLY; under CI=true they fail.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from '../../scripts/lib/verbatim';

export const GUIDELINE_SEED = '001_63691135f9e5bdd8.txt';
export const UPDATE_SEED = '002_9f1e3ce6eba81a0e.txt';

export function seedsAvailable(): boolean {
  return existsSync(join(SEEDS_DIR, GUIDELINE_SEED));
}

export function readSeed(name: string): string {
  return readFileSync(join(SEEDS_DIR, name), 'utf8');
}

/** Reason to skip, or undefined to run. Fails hard when CI expects the seeds. */
export function seedsSkipReason(): string | undefined {
  if (seedsAvailable()) return undefined;
  const banner = `\n${'!'.repeat(78)}\n!! SKIPPED: provenance/count checks need ../shared/seeds (not found at ${SEEDS_DIR}).\n!! The catalog's quotes were NOT verified against the guideline in this run.\n${'!'.repeat(78)}\n`;
  if (process.env.CI === 'true') throw new Error(`CI=true but the guideline seeds are missing: ${SEEDS_DIR}`);
  process.stderr.write(banner);
  return 'guideline seeds (../shared/seeds) not found — quotes NOT verified';
}
