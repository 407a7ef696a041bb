/**
 * The server and git dates: evidence-changed-after-review arrives after the first publish (the
 * dates are read off the typing path, then the record is re-published), for a file on disk and an
 * open document; `aiGovernance.gitEvidenceDates: false` turns it off; nothing the repository's
 * config names ever runs. The test runs `git` to build the repository; the server never does.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MAX_DELAY_MS } from '../../server/src/checkDelay';
import { TestClient } from '../support/lsp';

const CODE = 'evidence-changed-after-review';
const RECORD = 'apiVersion: ai-governance/v1\nguideline: "2026"\nitems:\n  C-7-6:\n    status: implemented\n    owner: 法務部\n    evidence: [docs/policy.md]\n    reviewed: 2026-03-01\n';

describe('server: evidence changed after its review (git dates)', () => {
  let dir: string;
  const marker = () => join(dir, '..', `${dir.split('/').pop()}-PROGRAM-RAN`);
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ai-gov-git-'));
    const env = { PATH: process.env.PATH ?? '', HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com', GIT_AUTHOR_DATE: '2026-04-20T10:00:00+09:00', GIT_COMMITTER_DATE: '2026-04-20T10:00:00+09:00' };
    const git = (...args: string[]) => execFileSync('git', ['-c', 'core.hooksPath=/nonexistent', ...args], { cwd: dir, env, stdio: 'ignore' });
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'policy.md'), '# 方針\n');
    git('init', '-q');
    git('add', 'docs/policy.md');
    git('commit', '-q', '-m', 'policy');
    const script = join(dir, '..', `${dir.split('/').pop()}-evil.sh`);
    writeFileSync(script, `#!/bin/sh\ntouch "${marker()}"\n`);
    chmodSync(script, 0o755);
    for (const key of ['core.fsmonitor', 'core.pager']) execFileSync('git', ['config', '--file', join(dir, '.git', 'config'), key, script]);
    writeFileSync(join(dir, '.git', 'hooks', 'post-checkout'), `#!/bin/sh\ntouch "${marker()}"\n`);
    chmodSync(join(dir, '.git', 'hooks', 'post-checkout'), 0o755);
    writeFileSync(join(dir, 'ai-governance.yaml'), RECORD);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(marker(), { force: true });
  });

  test('a record on disk, then the same record open: the finding arrives once the dates are read', async () => {
    const client = await TestClient.start({ folders: [dir], settings: {} });
    try {
      const path = join(dir, 'ai-governance.yaml');
      const found = await client.until(() => client.diagnosticsOf(path)?.find((d) => d.code === CODE), 'evidence-changed-after-review on the file on disk');
      assert.match(typeof found.message === 'string' ? found.message : found.message.value, /docs\/policy\.md は 2026-04-20 に変更（最終コミット）されましたが、C-7-6 の最終レビューは 2026-03-01 です/);
      const opened = join(dir, 'team.ai-governance.yaml');
      client.open(opened, RECORD, 1);
      await client.until(() => client.diagnosticsOf(opened)?.some((d) => d.code === CODE), 'the finding on the open document');
    } finally {
      await client.stop();
    }
    assert.equal(existsSync(marker()), false, 'no program named by the repository config ran');
  });

  test('aiGovernance.gitEvidenceDates: false — never reported', async () => {
    const client = await TestClient.start({ folders: [dir], settings: { gitEvidenceDates: false } });
    try {
      const path = join(dir, 'ai-governance.yaml');
      await client.until(() => client.diagnosticsOf(path), 'the scan');
      await new Promise((resolve) => setTimeout(resolve, MAX_DELAY_MS + 1500));
      assert.equal(client.published.filter((p) => p.diagnostics.some((d) => d.code === CODE)).length, 0);
    } finally {
      await client.stop();
    }
  });
});
