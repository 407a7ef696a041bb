/**
 * A run over many records: the built CLI checks them in worker threads (cli/fileWork), keeps the
 * results in a spool on disk past IN_MEMORY_FILES (cli/resultSpool) and writes its JSON formats a
 * piece at a time (formatters/jsonChunks). All must give exactly what one thread gives: the
 * in-process run from the sources, which never starts workers.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../server/src/cli/main';
import type { JsonReport } from '../../server/src/cli/formatters/json';
import { jsonChunks, JsonSequence } from '../../server/src/jsonChunks';
import { IN_MEMORY_FILES, ResultSpool } from '../../server/src/cli/resultSpool';
import { StringPool } from '../../server/src/sharedStrings';
import { BROKEN_RECORD, CLEAN_RECORD, WARNING_RECORD, runCli, workspace } from '../support/cli';

const RECORDS = [CLEAN_RECORD, WARNING_RECORD, BROKEN_RECORD];
/** More than the pool's threshold (16), so the bundle starts workers, and than the spool keeps in memory. */
const FILES = IN_MEMORY_FILES + 10;

async function inProcess(argv: string[], cwd: string): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await run(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, cwd, env: {} });
  return { code, stdout };
}

describe('check and report over many records', { skip: cpus().length < 2 ? 'one CPU: the CLI checks on its main thread only' : undefined }, () => {
  let ws: ReturnType<typeof workspace>;
  before(() => {
    // Without its worker bundle the built CLI would quietly check on one thread, and this suite would compare that with itself.
    assert.ok(existsSync(join(__dirname, '..', '..', 'dist', 'fileWorker.js')), 'npm run build writes dist/fileWorker.js beside dist/cli.js');
    const files: Record<string, string> = {};
    for (let i = 0; i < FILES; i++) files[`team-${String(i).padStart(3, '0')}/ai-governance.yaml`] = RECORDS[i % RECORDS.length];
    ws = workspace(files);
  });
  after(() => ws.cleanup());

  for (const format of ['json', 'sarif', 'gitlab', 'stylish', 'markdown', 'junit', 'github']) {
    test(`check -f ${format}: the workers' result is the single thread's, byte for byte`, async () => {
      const built = await runCli(['check', '-f', format, '--no-git-dates'], { cwd: ws.root });
      const single = await inProcess(['check', '-f', format, '--no-git-dates'], ws.root);
      assert.equal(built.code, 1, built.stderr);
      assert.equal(built.code, single.code);
      assert.equal(built.stdout, single.stdout);
    });
  }

  test('check -f json: every file once, in path order, each with its own findings', async () => {
    const built = await runCli(['check', '-f', 'json', '--no-git-dates'], { cwd: ws.root });
    const report = JSON.parse(built.stdout) as JsonReport;
    assert.deepEqual(
      report.files.map((f) => f.path),
      Array.from({ length: FILES }, (_, i) => `team-${String(i).padStart(3, '0')}/ai-governance.yaml`),
    );
    report.files.forEach((file, i) => {
      const codes = file.diagnostics.map((d) => d.code);
      if (i % 3 === 2) assert.ok(codes.includes('unknown-key'), `${file.path}: ${codes.join(', ')}`);
      else assert.ok(!codes.includes('unknown-key'), `${file.path}: ${codes.join(', ')}`);
    });
    assert.equal(report.summary.files, FILES);
  });

  test('report -f json: the workers report every record as one thread does', async () => {
    const built = await runCli(['report', '-f', 'json'], { cwd: ws.root });
    const single = await inProcess(['report', '-f', 'json'], ws.root);
    assert.equal(built.code, 0, built.stderr);
    const records = (stdout: string) => (JSON.parse(stdout) as { records: unknown[] }).records;
    assert.equal(records(built.stdout).length, FILES);
    assert.deepEqual(records(built.stdout), records(single.stdout));
  });
});

describe('ResultSpool', () => {
  const result = (n: number) => ({ absolutePath: `/ws/${n}.yaml`, path: `${n}.yaml`, diagnostics: [], keyPaths: [['items', `C-${n}`]], coverage: null });

  test('past its in-memory count it reads back, from disk, every result in order, at every pass', () => {
    const spool = new ResultSpool(2);
    try {
      for (let n = 0; n < 5; n++) spool.add(result(n));
      assert.equal(spool.length, 5);
      const expected = [0, 1, 2, 3, 4].map(result);
      assert.deepEqual([...spool], expected);
      assert.deepEqual([...spool], expected, 'a second pass reads the same');
      spool.add(result(5));
      assert.deepEqual([...spool], [...expected, result(5)], 'results added after a pass are read too');
    } finally {
      spool.dispose();
    }
  });

  test('under its in-memory count it holds the results themselves', () => {
    const spool = new ResultSpool(10);
    const first = result(0);
    spool.add(first);
    assert.equal([...spool][0], first);
    spool.dispose();
  });
});

describe('jsonChunks', () => {
  const values: Array<[string, unknown]> = [
    ['a plain object', { a: 1, b: [1, 2, { c: 'ｃ' }], d: undefined, e: null }],
    ['a sequence at the top', new JsonSequence(() => [1, { a: [2] }, 'x'])],
    ['an empty sequence', { files: new JsonSequence(() => []), after: 1 }],
    ['sequences nested in objects and arrays', { runs: [{ tool: { n: 1 }, results: new JsonSequence(() => [{ r: 1 }, { r: [1, 2] }]) }], empty: {}, none: [] }],
  ];
  /** What the sequences stand for: the same value with every sequence made into its array. */
  const materialise = (value: unknown): unknown => {
    if (value instanceof JsonSequence) return [...value.items()].map(materialise);
    if (Array.isArray(value)) return value.map(materialise);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialise(v)]));
    return value;
  };
  for (const [name, value] of values) {
    test(`${name}: the same text as JSON.stringify(…, null, 2)`, () => {
      const expected = JSON.stringify(materialise(value), null, 2);
      assert.equal([...jsonChunks(value)].join(''), expected);
    });
  }
});

describe('the string pool a report run shares its workers\' strings through', () => {
  const report = () => ({ path: 'a.yaml', items: [{ id: 'C-1', text: ['人間中心', '  - 箇条'], word: 'すべき', findings: [] as unknown[] }, { id: 'C-2', text: ['人間中心'], owner: null, n: 3 }] });

  test('keeps every value as it was, in place', () => {
    const pool = new StringPool();
    const value = report();
    assert.equal(pool.share(value), value);
    assert.deepEqual(value, report());
  });

  test('holds one entry per distinct string across records', () => {
    const pool = new StringPool();
    pool.share(report());
    const once = pool.size;
    pool.share(report());
    assert.equal(pool.size, once);
    // a.yaml, C-1, 人間中心, "  - 箇条", すべき, C-2
    assert.equal(once, 6);
  });
});
