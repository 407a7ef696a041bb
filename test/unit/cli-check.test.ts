/** `ai-governance check`: exit codes, which files it checks, and the options that change findings. */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { message } from '../../server/src/engine/rules/registry';
import type { JsonReport } from '../../server/src/cli/formatters/json';
import { BROKEN_RECORD, CLEAN_RECORD, WARNING_RECORD, runCli, spawnCli, workspace } from '../support/cli';

const json = (stdout: string) => JSON.parse(stdout) as JsonReport;
const codes = (report: JsonReport) => report.files.flatMap((f) => f.diagnostics.map((d) => d.code));

describe('check: exit codes of the real process', () => {
  let ws: ReturnType<typeof workspace>;
  before(() => {
    ws = workspace({ 'clean/ai-governance.yaml': CLEAN_RECORD, 'broken/ai-governance.yaml': BROKEN_RECORD });
  });
  after(() => ws.cleanup());

  test('0 when nothing at or above the fail severity was found', () => {
    const result = spawnCli(['check', 'clean'], ws.root);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /1 file checked, no problems/);
    assert.equal(result.stderr, '');
  });

  test('1 when an error was found', () => {
    const result = spawnCli(['check', 'broken'], ws.root);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /broken\/ai-governance\.yaml\n {2}2:1 {2}error +.*colour.* {2}unknown-key\n/);
  });

  test('2 for a path that does not exist, with the reason on stderr', () => {
    const result = spawnCli(['check', 'nowhere/ai-governance.yaml'], ws.root);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no such file or folder: nowhere\/ai-governance\.yaml/);
    assert.equal(result.stdout, '');
  });

  test('2 for a bad argument value, an unknown option, or no command', () => {
    const badFormat = spawnCli(['check', '-f', 'xml'], ws.root);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /'-f, --format <format>' argument 'xml' is invalid. Allowed choices are stylish, json, sarif, github, junit/);
    const unknownOption = spawnCli(['check', '--colour'], ws.root);
    assert.equal(unknownOption.code, 2);
    assert.match(unknownOption.stderr, /unknown option '--colour'/);
    const noCommand = spawnCli([], ws.root);
    assert.equal(noCommand.code, 2);
    assert.match(noCommand.stderr, /Usage: ai-governance/);
  });

  test('0 for --help and --version', () => {
    const help = spawnCli(['check', '--help'], ws.root);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--fail-severity <severity>/);
    const version = spawnCli(['--version'], ws.root);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  });
});

describe('check: a file that cannot be read', () => {
  // As root every permission check passes, so use a file the kernel refuses to read instead.
  const asRoot = process.getuid?.() === 0;
  test('exits 2, names the file on stderr, and still reports the other files', { skip: asRoot && process.platform !== 'linux' ? 'needs Linux when run as root' : false }, async () => {
    const ws = workspace({ 'ai-governance.yaml': BROKEN_RECORD, 'locked.ai-governance.yaml': CLEAN_RECORD });
    try {
      const unreadable = asRoot ? '/proc/self/mem' : join(ws.root, 'locked.ai-governance.yaml');
      if (!asRoot) chmodSync(unreadable, 0o000);
      const result = await runCli(['check', 'ai-governance.yaml', unreadable, '-f', 'json'], { cwd: ws.root });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /cannot read .*(mem|locked\.ai-governance\.yaml)/);
      const report = json(result.stdout);
      assert.deepEqual(codes(report), ['unknown-key']);
      assert.equal(report.failures.length, 1);
    } finally {
      ws.cleanup();
    }
  });
});

describe('check: --fail-severity', () => {
  let ws: ReturnType<typeof workspace>;
  before(() => {
    ws = workspace({ 'ai-governance.yaml': WARNING_RECORD });
  });
  after(() => ws.cleanup());

  test('a warning passes at the default threshold (error) and fails at warning, information and hint', async () => {
    assert.equal((await runCli(['check'], { cwd: ws.root })).code, 0);
    for (const level of ['warning', 'information', 'hint']) {
      assert.equal((await runCli(['check', '--fail-severity', level], { cwd: ws.root })).code, 1, level);
    }
  });

  test('an unknown severity is a usage error', async () => {
    const result = await runCli(['check', '--fail-severity', 'fatal'], { cwd: ws.root });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Allowed choices are error, warning, information, hint/);
  });
});

describe('check: which files', () => {
  let ws: ReturnType<typeof workspace>;
  before(() => {
    ws = workspace({
      'ai-governance.yaml': CLEAN_RECORD,
      'teams/a/ai-governance.yml': CLEAN_RECORD,
      'teams/b/sales.ai-governance.yaml': CLEAN_RECORD,
      'teams/b/notes.yaml': 'not: governance\n',
      'custom-name.yaml': CLEAN_RECORD,
      'node_modules/pkg/ai-governance.yaml': BROKEN_RECORD,
      '.git/ai-governance.yaml': BROKEN_RECORD,
      'empty/readme.md': '# nothing here\n',
    });
  });
  after(() => ws.cleanup());

  const checked = async (argv: string[]) => {
    const result = await runCli(['check', '-f', 'json', ...argv], { cwd: ws.root });
    return { result, paths: result.stdout ? json(result.stdout).files.map((f) => f.path) : [] };
  };

  test('by default: every governance file below the working folder, node_modules and .git skipped, sorted', async () => {
    const { result, paths } = await checked([]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(paths, ['ai-governance.yaml', 'teams/a/ai-governance.yml', 'teams/b/sales.ai-governance.yaml']);
  });

  test('a folder is walked for governance files; a named file is checked whatever its name; each file once', async () => {
    const { paths } = await checked(['teams', 'custom-name.yaml', 'teams/a/ai-governance.yml']);
    assert.deepEqual(paths, ['custom-name.yaml', 'teams/a/ai-governance.yml', 'teams/b/sales.ai-governance.yaml']);
  });

  test('a glob selects the files it matches', async () => {
    const { paths } = await checked(['teams/**/*.y*ml']);
    assert.deepEqual(paths, ['teams/a/ai-governance.yml', 'teams/b/notes.yaml', 'teams/b/sales.ai-governance.yaml']);
    const { paths: named } = await checked(['**/ai-governance.y?(a)ml']);
    assert.deepEqual(named, ['ai-governance.yaml', 'teams/a/ai-governance.yml']);
  });

  test('a glob that matches nothing, or a folder without governance files, is a usage error', async () => {
    const glob = await checked(['**/*.toml']);
    assert.equal(glob.result.code, 2);
    assert.match(glob.result.stderr, /no files match \*\*\/\*\.toml/);
    const folder = await checked(['empty']);
    assert.equal(folder.result.code, 2);
    assert.match(folder.result.stderr, /no governance files .* under empty/);
  });
});

describe('check: options that change the findings', () => {
  test('--lang picks the message language; without it LC_ALL, then LANG decide', async () => {
    const ws = workspace({ 'ai-governance.yaml': BROKEN_RECORD });
    try {
      const ja = message('unknown-key', 'ja', { key: 'colour', suggestion: '' });
      const en = message('unknown-key', 'en', { key: 'colour', suggestion: '' });
      const messageOf = async (argv: string[], env: Record<string, string> = {}) => json((await runCli(['check', '-f', 'json', ...argv], { cwd: ws.root, env })).stdout).files[0].diagnostics[0].message;
      assert.equal(await messageOf(['--lang', 'ja']), ja);
      assert.equal(await messageOf(['--lang', 'en'], { LANG: 'ja_JP.UTF-8' }), en);
      assert.equal(await messageOf([], { LANG: 'ja_JP.UTF-8' }), ja);
      assert.equal(await messageOf([], { LANG: 'ja_JP.UTF-8', LC_ALL: 'C' }), en);
      assert.equal(await messageOf([]), en);
      const bad = await runCli(['check', '--lang', 'fr'], { cwd: ws.root });
      assert.equal(bad.code, 2);
    } finally {
      ws.cleanup();
    }
  });

  test('--max-file-size-kb: a larger file is reported, not parsed', async () => {
    const ws = workspace({ 'ai-governance.yaml': CLEAN_RECORD + `x-padding: "${'a'.repeat(2048)}"\n` });
    try {
      assert.equal((await runCli(['check'], { cwd: ws.root })).code, 0);
      const result = await runCli(['check', '-f', 'json', '--max-file-size-kb', '1'], { cwd: ws.root });
      assert.equal(result.code, 1);
      assert.deepEqual(codes(json(result.stdout)), ['file-too-large']);
      assert.equal((await runCli(['check', '--max-file-size-kb', '0'], { cwd: ws.root })).code, 2);
    } finally {
      ws.cleanup();
    }
  });

  test('--review-max-age-days: the limit for stale-review', async () => {
    const reviewed = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const record = ['apiVersion: ai-governance/v1', 'items:', '  C-1:', '    status: planned', `    reviewed: ${reviewed}`, ''].join('\n');
    const ws = workspace({ 'ai-governance.yaml': record });
    try {
      const stale = async (argv: string[]) => codes(json((await runCli(['check', '-f', 'json', ...argv], { cwd: ws.root })).stdout)).includes('stale-review');
      assert.equal(await stale([]), false);
      assert.equal(await stale(['--review-max-age-days', '30']), true);
      assert.equal((await runCli(['check', '--review-max-age-days', 'soon'], { cwd: ws.root })).code, 2);
    } finally {
      ws.cleanup();
    }
  });

  test('--root: the workspace evidence may not leave (default: the working folder)', async () => {
    const record = ['apiVersion: ai-governance/v1', 'items:', '  C-1:', '    status: planned', '    evidence: [../shared/policy.md]', ''].join('\n');
    const ws = workspace({ 'team/ai-governance.yaml': record, 'shared/policy.md': '# policy\n' });
    try {
      assert.deepEqual(codes(json((await runCli(['check', '-f', 'json'], { cwd: ws.root })).stdout)), []);
      const confined = await runCli(['check', '-f', 'json', '--root', 'team'], { cwd: ws.root });
      assert.deepEqual(codes(json(confined.stdout)), ['evidence-outside-workspace']);
      assert.equal(confined.code, 1);
      const missing = await runCli(['check', '--root', 'nowhere'], { cwd: ws.root });
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /--root is not a folder/);
    } finally {
      ws.cleanup();
    }
  });
});

describe('check: -f / -o', () => {
  test('the n-th -o belongs to the n-th -f; formats without -o go to stdout', async () => {
    const ws = workspace({ 'ai-governance.yaml': BROKEN_RECORD });
    try {
      const result = await runCli(['check', '-f', 'json', '-o', 'reports/out.json', '-f', 'sarif', '-o', 'out.sarif', '-f', 'stylish'], { cwd: ws.root });
      assert.equal(result.code, 1);
      assert.deepEqual(codes(json(readFileSync(join(ws.root, 'reports/out.json'), 'utf8'))), ['unknown-key']);
      assert.equal(JSON.parse(readFileSync(join(ws.root, 'out.sarif'), 'utf8')).version, '2.1.0');
      assert.match(result.stdout, /^ai-governance\.yaml\n/);
      assert.doesNotMatch(result.stdout, /"version"/);
    } finally {
      ws.cleanup();
    }
  });

  test('-o without -f writes stylish to the file, uncoloured', async () => {
    const ws = workspace({ 'ai-governance.yaml': BROKEN_RECORD });
    try {
      const result = await runCli(['check', '-o', 'report.txt'], { cwd: ws.root, stdoutTTY: true });
      assert.equal(result.stdout, '');
      const written = readFileSync(join(ws.root, 'report.txt'), 'utf8');
      assert.match(written, /unknown-key/);
      assert.doesNotMatch(written, /\u001b\[/);
    } finally {
      ws.cleanup();
    }
  });

  test('more -o than -f is a usage error and writes nothing', async () => {
    const ws = workspace({ 'ai-governance.yaml': BROKEN_RECORD });
    try {
      const result = await runCli(['check', '-f', 'json', '-o', 'a.json', '-o', 'b.json'], { cwd: ws.root });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /2 --output files for 1 --format/);
      assert.equal(existsSync(join(ws.root, 'a.json')), false);
    } finally {
      ws.cleanup();
    }
  });
});

describe('check: -q', () => {
  test('stylish shows only errors, and nothing at all when there are none', async () => {
    const ws = workspace({ 'a/ai-governance.yaml': BROKEN_RECORD, 'b/ai-governance.yaml': WARNING_RECORD });
    try {
      const all = await runCli(['check'], { cwd: ws.root });
      assert.match(all.stdout, /missing-owner/);
      const quiet = await runCli(['check', '-q'], { cwd: ws.root });
      assert.match(quiet.stdout, /unknown-key/);
      assert.doesNotMatch(quiet.stdout, /missing-owner|b\/ai-governance\.yaml/);
      assert.match(quiet.stdout, /1 problem \(1 error, 0 warnings\)/);
      writeFileSync(join(ws.root, 'a/ai-governance.yaml'), CLEAN_RECORD);
      const none = await runCli(['check', '-q'], { cwd: ws.root });
      assert.equal(none.stdout, '');
      assert.equal(none.code, 0);
    } finally {
      ws.cleanup();
    }
  });
});
