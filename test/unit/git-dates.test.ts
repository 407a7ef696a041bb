/**
 * Evidence dates from `.git`, read in-process (isomorphic-git): a repository built by the test with
 * dated commits, loose and packed (objects in a packfile, refs in packed-refs), a shallow clone,
 * and a hostile config whose programs (core.fsmonitor, core.pager, hooks) must never run.
 * The test itself runs `git` to build the fixture; the code under test never does.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { GitDates } from '../../server/src/gitDates';
import { runCli } from '../support/cli';

const root = mkdtempSync(join(tmpdir(), 'ai-governance-git-'));
const repo = join(root, 'repo');
const marker = join(root, 'PROGRAM-RAN');

function gitIn(cwd: string, args: string[], date?: string): void {
  const env = { PATH: process.env.PATH ?? '', HOME: root, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  // The fixture's own git commands never run the hostile programs either: overridden on the command line.
  const safe = ['-c', `core.hooksPath=${join(root, 'no-hooks')}`, '-c', 'core.fsmonitor=false', '-c', 'core.pager=cat', '-c', 'core.sshCommand=false'];
  execFileSync('git', [...safe, ...args], { cwd, env, stdio: 'ignore' });
}

function commit(files: Record<string, string>, date: string, message: string): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
  gitIn(repo, ['add', '-A']);
  gitIn(repo, ['commit', '-q', '-m', message], date);
}

/** A config and hooks that would touch the marker if anything ran them. */
function makeHostile(gitdir: string): void {
  const script = join(root, 'evil.sh');
  writeFileSync(script, `#!/bin/sh\ntouch "${marker}"\n`);
  chmodSync(script, 0o755);
  execFileSync('git', ['config', '--file', join(gitdir, 'config'), 'core.fsmonitor', script]);
  execFileSync('git', ['config', '--file', join(gitdir, 'config'), 'core.pager', script]);
  execFileSync('git', ['config', '--file', join(gitdir, 'config'), 'core.sshCommand', script]);
  mkdirSync(join(gitdir, 'hooks'), { recursive: true });
  for (const hook of ['post-checkout', 'pre-commit', 'post-merge', 'reference-transaction', 'fsmonitor-watchman']) {
    writeFileSync(join(gitdir, 'hooks', hook), `#!/bin/sh\ntouch "${marker}"\n`);
    chmodSync(join(gitdir, 'hooks', hook), 0o755);
  }
}

const file = (name: string, base = repo) => join(base, name);

describe('GitDates', () => {
  before(() => {
    mkdirSync(repo, { recursive: true });
    gitIn(repo, ['init', '-q', '-b', 'main']);
    commit({ 'docs/policy.md': 'v1\n', 'docs/record.md': 'r1\n', 'README.md': 'x\n' }, '2026-01-05T10:00:00+09:00', 'first');
    commit({ 'docs/record.md': 'r2\n' }, '2026-02-10T10:00:00+09:00', 'record changed');
    commit({ 'README.md': 'y\n' }, '2026-03-01T10:00:00+09:00', 'unrelated');
    // A commit late in the evening in Tokyo is still that day for its committer, whatever UTC says.
    commit({ 'docs/policy.md': 'v2\n' }, '2026-04-20T23:30:00+09:00', 'policy changed');
    commit({ 'other.md': 'o\n' }, '2026-05-01T10:00:00+09:00', 'unrelated again');
    makeHostile(join(repo, '.git'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('the last commit that changed each file, loose objects', async () => {
    const dates = await new GitDates().datesFor([file('docs/policy.md'), file('docs/record.md'), file('README.md')]);
    assert.deepEqual(dates, { [file('docs/policy.md')]: '2026-04-20', [file('docs/record.md')]: '2026-02-10', [file('README.md')]: '2026-03-01' });
  });

  test('untracked files and files outside any repository: no date, no error', async () => {
    writeFileSync(file('docs/untracked.md'), 'u\n');
    const outside = join(root, 'elsewhere', 'a.md');
    mkdirSync(join(root, 'elsewhere'), { recursive: true });
    writeFileSync(outside, 'a\n');
    const dates = await new GitDates().datesFor([file('docs/untracked.md'), outside, file('docs/missing.md')]);
    assert.deepEqual(dates, {});
  });

  test('packed objects and packed refs (after git gc) read the same', async () => {
    const packed = join(root, 'packed');
    execFileSync('cp', ['-r', repo, packed]);
    rmSync(join(packed, '.git', 'config'));
    gitIn(packed, ['init', '-q']);
    gitIn(packed, ['gc', '-q', '--prune=now']);
    assert.ok(!existsSync(join(packed, '.git', 'refs', 'heads', 'main')), 'the branch ref lives in packed-refs now');
    assert.ok(existsSync(join(packed, '.git', 'packed-refs')));
    makeHostile(join(packed, '.git'));
    const dates = await new GitDates().datesFor([file('docs/policy.md', packed), file('docs/record.md', packed)]);
    assert.deepEqual(dates, { [file('docs/policy.md', packed)]: '2026-04-20', [file('docs/record.md', packed)]: '2026-02-10' });
  });

  test('a shallow clone (depth 3): dates inside the history it has; unknown at and beyond its boundary', async () => {
    const shallow = join(root, 'shallow');
    gitIn(root, ['clone', '-q', '--depth', '3', `file://${repo}`, shallow]);
    makeHostile(join(shallow, '.git'));
    const dates = await new GitDates().datesFor([file('docs/policy.md', shallow), file('docs/record.md', shallow)]);
    assert.deepEqual(dates, { [file('docs/policy.md', shallow)]: '2026-04-20' }, 'record.md last changed before the boundary: unknown, not the boundary date');
  });

  test('cached per HEAD: a new commit is seen, and refresh says when something changed', async () => {
    const reader = new GitDates({ headRecheckMs: 0 });
    const paths = [file('docs/record.md')];
    assert.equal(await reader.refresh(paths), true);
    assert.equal(await reader.refresh(paths), false, 'same HEAD: nothing new');
    commit({ 'docs/record.md': 'r3\n' }, '2026-06-01T09:00:00+09:00', 'record again');
    assert.deepEqual(reader.known(paths), { [paths[0]]: '2026-02-10' }, 'known() answers from the last walk without touching the repository');
    assert.equal(await reader.refresh(paths), true);
    assert.deepEqual(reader.known(paths), { [paths[0]]: '2026-06-01' });
  });

  test('while HEAD was looked at moments ago, refresh does not touch the repository again', async () => {
    const reader = new GitDates({ headRecheckMs: 60_000 });
    const paths = [file('docs/policy.md')];
    await reader.refresh(paths);
    commit({ 'docs/policy.md': 'v3\n' }, '2026-07-01T09:00:00+09:00', 'policy again');
    assert.equal(await reader.refresh(paths), false, 'within the window: the cached answer');
    assert.deepEqual(reader.known(paths), { [paths[0]]: '2026-04-20' });
  });

  test('a history longer than maxCommits: files changed beyond it are unknown', async () => {
    // The packed copy's history is fixed: 05-01 (other.md), 04-20 (policy.md), 03-01, 02-10 (record.md), 01-05.
    const packed = join(root, 'packed');
    const dates = await new GitDates({ maxCommits: 2 }).datesFor([file('other.md', packed), file('docs/policy.md', packed), file('docs/record.md', packed)]);
    assert.deepEqual(dates, { [file('other.md', packed)]: '2026-05-01', [file('docs/policy.md', packed)]: '2026-04-20' });
  });

  test('CLI: evidence-changed-after-review names the file and both dates; --no-git-dates turns it off', async () => {
    const packed = join(root, 'packed');
    const recordText = ['apiVersion: ai-governance/v1', 'guideline: "2026"', 'items:', '  C-7-6:', '    status: implemented', '    owner: 法務部', '    evidence: [docs/policy.md, docs/record.md]', '    reviewed: 2026-03-01', ''].join('\n');
    writeFileSync(join(packed, 'ai-governance.yaml'), recordText);
    const run = (extra: string[]) => runCli(['check', '-f', 'json', '--lang', 'en', ...extra], { cwd: packed });
    const out = await run([]);
    const found = JSON.parse(out.stdout).files[0].diagnostics.filter((d: { code: string }) => d.code === 'evidence-changed-after-review');
    assert.equal(found.length, 1, 'policy.md changed on 2026-04-20, record.md on 2026-02-10 (before the review)');
    assert.match(found[0].message, /docs\/policy\.md was last changed \(committed\) on 2026-04-20, after C-7-6 was reviewed on 2026-03-01/);
    const off = JSON.parse((await run(['--no-git-dates'])).stdout).files[0].diagnostics.filter((d: { code: string }) => d.code === 'evidence-changed-after-review');
    assert.equal(off.length, 0);
  });

  test('no program named by the hostile configs ever ran', () => {
    assert.equal(existsSync(marker), false);
  });
});
