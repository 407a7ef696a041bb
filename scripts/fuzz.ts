/**
 * `npm run fuzz -- [--seed N] [--minutes M] [--target engine|server|both] [--jobs J]`: the property
 * cases of test/property for as long as asked. Each failure is shrunk by fast-check to a minimal
 * input and written to test-results/fuzz/ (the input as a file, and how to replay it); the run then
 * goes on with the next seed. Prints the count of cases; exits 1 when anything failed.
 * `--jobs J` runs J copies of itself, one per core (seeds a million apart), and adds their counts.
 */
import './lib/plainEnvironment';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { TestClient } from '../test/support/lsp';
import { engineProperty, fuzzWorkspace, serverProperty } from '../test/property/cases';

interface Options {
  seed: number;
  minutes: number;
  target: 'engine' | 'server' | 'both';
  jobs: number;
}

interface Counts {
  engine: number;
  server: number;
  failures: string[];
}

/** Set in the copies `--jobs` starts: they print their counts as JSON lines for the parent to add. */
const AS_JOB = process.env.AI_GOVERNANCE_FUZZ_JOB === '1';
const USAGE = 'usage: npm run fuzz -- [--seed N] [--minutes M] [--target engine|server|both] [--jobs J]';

function parseArgs(argv: string[]): Options {
  const options: Options = { seed: Date.now() % 2 ** 31, minutes: 5, target: 'both', jobs: 1 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--seed') options.seed = Number(value);
    else if (argv[i] === '--minutes') options.minutes = Number(value);
    else if (argv[i] === '--jobs') options.jobs = Number(value);
    else if (argv[i] === '--target' && (value === 'engine' || value === 'server' || value === 'both')) options.target = value;
    else continue;
    i++;
  }
  if (!Number.isFinite(options.seed) || !Number.isFinite(options.minutes) || options.minutes <= 0) throw new Error(USAGE);
  if (!Number.isInteger(options.jobs) || options.jobs < 1) throw new Error(USAGE);
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

/** Runs the cases in this process until the deadline; `onProgress` is told the counts as they grow. */
async function runHere(options: Options, onProgress: (counts: Counts) => void): Promise<Counts & { lastSeed: number }> {
  const deadline = Date.now() + options.minutes * 60_000;
  // The server side gets a third of the time: its cases cost ten times more.
  const engineUntil = options.target === 'engine' ? deadline : options.target === 'server' ? Date.now() : Date.now() + (deadline - Date.now()) * (2 / 3);
  const counts: Counts = { engine: 0, server: 0, failures: [] };
  const failures = counts.failures;
  let seed = options.seed;
  const report = () => onProgress(counts);
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
  return { ...counts, lastSeed: seed };
}

/** `--jobs J`: J copies of this script, seeds a million apart, their JSON counts added up. */
async function runJobs(options: Options, onProgress: (counts: Counts) => void): Promise<Counts & { lastSeed: number }> {
  const perJob: Counts[] = [];
  const total = (): Counts => ({
    engine: perJob.reduce((n, c) => n + c.engine, 0),
    server: perJob.reduce((n, c) => n + c.server, 0),
    failures: perJob.flatMap((c) => c.failures),
  });
  const jobs = Array.from({ length: options.jobs }, (_, job) => {
    perJob.push({ engine: 0, server: 0, failures: [] });
    const args = [...process.execArgv, process.argv[1], '--seed', String(options.seed + job * 1_000_000), '--minutes', String(options.minutes), '--target', options.target];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, AI_GOVERNANCE_FUZZ_JOB: '1' } });
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        perJob[job] = JSON.parse(line) as Counts;
        onProgress(total());
      } catch {
        process.stdout.write(`[job ${job + 1}] ${line}\n`);
      }
    });
    return new Promise<void>((done) =>
      child.on('exit', (code) => {
        if (code !== 0 && perJob[job].failures.length === 0) perJob[job].failures.push(`job ${job + 1} exited with ${code}`);
        done();
      }),
    );
  });
  await Promise.all(jobs);
  return { ...total(), lastSeed: options.seed + (options.jobs - 1) * 1_000_000 };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  if (AS_JOB) {
    const counts = await runHere(options, (c) => console.log(JSON.stringify(c)));
    console.log(JSON.stringify(counts));
    return counts.failures.length ? 1 : 0;
  }
  const report = (c: Counts) => process.stderr.write(`\r${c.engine} engine + ${c.server} server cases, ${c.failures.length} failures, ${Math.round((Date.now() - started) / 1000)} s`);
  const counts = options.jobs > 1 ? await runJobs(options, report) : await runHere(options, report);
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const { failures } = counts;
  console.log(`\nfuzz: ${counts.engine + counts.server} cases (${counts.engine} engine, ${counts.server} server over stdio) in ${minutes} min, ${options.jobs} job${options.jobs > 1 ? 's' : ''}, seeds ${options.seed}–${counts.lastSeed}, ${failures.length} failures${failures.length ? `: ${failures.join(', ')}` : ''}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
