/**
 * `npm run fuzz -- [--seed N] [--minutes M] [--target engine|server|both]`: the property cases of
 * test/property for as long as asked. Each failure is shrunk by fast-check to a minimal input and
 * written to test-results/fuzz/ (the input as a file, and how to replay it); the run then goes on
 * with the next seed. Prints the count of cases; exits 1 when anything failed.
 */
import './lib/plainEnvironment';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { TestClient } from '../test/support/lsp';
import { engineProperty, fuzzWorkspace, serverProperty } from '../test/property/cases';

interface Options {
  seed: number;
  minutes: number;
  target: 'engine' | 'server' | 'both';
}

function parseArgs(argv: string[]): Options {
  const options: Options = { seed: Date.now() % 2 ** 31, minutes: 5, target: 'both' };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--seed') options.seed = Number(value);
    else if (argv[i] === '--minutes') options.minutes = Number(value);
    else if (argv[i] === '--target' && (value === 'engine' || value === 'server' || value === 'both')) options.target = value;
    else continue;
    i++;
  }
  if (!Number.isFinite(options.seed) || !Number.isFinite(options.minutes) || options.minutes <= 0) throw new Error('usage: npm run fuzz -- [--seed N] [--minutes M] [--target engine|server|both]');
  return options;
}

const OUT = resolve(__dirname, '..', 'test-results', 'fuzz');

function record<T>(target: string, seed: number, details: fc.RunDetails<T>): void {
  mkdirSync(OUT, { recursive: true });
  const name = `${target}-seed-${seed}`;
  const [text] = (details.counterexample ?? []) as [unknown];
  if (typeof text === 'string') writeFileSync(join(OUT, `${name}.yaml`), text);
  writeFileSync(
    join(OUT, `${name}.json`),
    JSON.stringify({ target, seed, path: details.counterexamplePath, counterexample: details.counterexample, error: String(details.errorInstance), replay: `PROPERTY_SEED=${seed} node --import tsx --test test/property/${target}.test.ts` }, null, 2),
  );
  console.error(`\n${target} failure (seed ${seed}) written to ${join(OUT, name)}.{yaml,json}\n${fc.defaultReportMessage(details) ?? ''}`);
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const deadline = Date.now() + options.minutes * 60_000;
  // The server side gets a third of the time: its cases cost ten times more.
  const engineUntil = options.target === 'engine' ? deadline : options.target === 'server' ? Date.now() : Date.now() + (deadline - Date.now()) * (2 / 3);
  const counts = { engine: 0, server: 0 };
  const failures: string[] = [];
  let seed = options.seed;
  const started = Date.now();
  const report = () => process.stderr.write(`\r${counts.engine} engine + ${counts.server} server cases, ${failures.length} failures, ${Math.round((Date.now() - started) / 1000)} s`);
  const progress = setInterval(report, 5000);

  const engine = engineProperty();
  while (Date.now() < engineUntil) {
    // Chunks of at most 30 s: the engine's cases are synchronous, so progress is printed between them.
    const details = fc.check(engine, { seed, numRuns: 1_000_000, interruptAfterTimeLimit: Math.min(30_000, engineUntil - Date.now()), markInterruptAsFailure: false });
    counts.engine += details.numRuns;
    report();
    if (details.failed) {
      failures.push(`engine seed ${seed}`);
      record('engine', seed, details);
    }
    seed++;
  }
  if (options.target !== 'engine') {
    const folder = fuzzWorkspace();
    const client = await TestClient.start({ folders: [folder] });
    const counter = { n: 0 };
    try {
      while (Date.now() < deadline) {
        const details = await fc.check(serverProperty(client, folder, counter), { seed, numRuns: 1_000_000, interruptAfterTimeLimit: deadline - Date.now(), markInterruptAsFailure: false });
        counts.server += details.numRuns;
        if (details.failed) {
          failures.push(`server seed ${seed}`);
          record('server', seed, details);
          if (client.process.exitCode !== null) break; // a dead server ends the run: the failure says why
        }
        seed++;
      }
    } finally {
      await client.stop();
      rmSync(join(folder, '..'), { recursive: true, force: true });
    }
  }
  clearInterval(progress);
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`\nfuzz: ${counts.engine + counts.server} cases (${counts.engine} engine, ${counts.server} server over stdio) in ${minutes} min, seeds ${options.seed}–${seed}, ${failures.length} failures${failures.length ? `: ${failures.join(', ')}` : ''}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
