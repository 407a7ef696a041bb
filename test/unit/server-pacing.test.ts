/** The server's pacing of work: when an edit is re-checked, and the worker pool of workspace scans. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { checkDelay, IMMEDIATE_CHECK_MS, MAX_DELAY_MS } from '../../server/src/checkDelay';
import { createCheckPool } from '../../server/src/checkWorker';
import { FindingHeads } from '../../server/src/packedFindings';
import { DEFAULT_SETTINGS } from '../../server/src/engine';

describe('checkDelay', () => {
  test('a quick or first check runs at once', () => {
    assert.equal(checkDelay(undefined), 0);
    assert.equal(checkDelay(5), 0);
    assert.equal(checkDelay(IMMEDIATE_CHECK_MS), 0);
  });

  test('a slow check waits about as long as it takes, never more than the cap', () => {
    assert.equal(checkDelay(120), 120);
    assert.equal(checkDelay(5_000), MAX_DELAY_MS);
  });
});

describe('the scan pool (WorkerPool)', { skip: cpus().length < 2 ? 'one CPU: the server checks on the main thread' : undefined }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ai-governance-pool-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const job = (path: string) => ({ path, workspaceRoot: dir, settings: DEFAULT_SETTINGS });
  // The pool's workers are unref'd (they must not keep the server alive); in the server the connection
  // keeps the event loop running, here a timer does.
  const keepAlive = setInterval(() => undefined, 1_000);
  after(() => clearInterval(keepAlive));

  test('the bundled worker (dist/checkWorker.js) checks a record from disk', async (t) => {
    const bundled = join(__dirname, '..', '..', 'dist', 'checkWorker.js');
    assert.ok(existsSync(bundled), 'dist/checkWorker.js is built by npm test');
    const pool = createCheckPool(bundled);
    assert.ok(pool);
    t.after(() => pool.dispose());
    const record = join(dir, 'ai-governance.yaml');
    writeFileSync(record, 'apiVersion: ai-governance/v1\nroles: [developer]\nbogus: 1\n');
    const result = await pool.run(job(record));
    assert.ok(result.ok, 'checked');
    assert.ok(new FindingHeads().compact(result.findings).unpack().some((d) => d.code === 'unknown-key'));
    const missing = await pool.run(job(join(dir, 'gone.ai-governance.yaml')));
    assert.equal(missing.ok, false, 'an unreadable file is an error result, not a hang');
  });

  test('a worker that dies answers its job with an error and is not reused', async (t) => {
    const broken = mkdtempSync(join(tmpdir(), 'ai-governance-broken-'));
    t.after(() => rmSync(broken, { recursive: true, force: true }));
    const script = join(broken, 'worker.js');
    writeFileSync(script, "require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });\n");
    const pool = createCheckPool(script);
    assert.ok(pool);
    t.after(() => pool.dispose());
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run(job(join(dir, `${n}.yaml`)))));
    assert.deepEqual(results.map((r) => r.ok), [false, false, false, false, false]);
  });
});
