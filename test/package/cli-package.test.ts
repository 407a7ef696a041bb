/**
 * The npm package as a user gets it: `npm pack` in packages/cli (its prepack builds the bundle),
 * the tarball installed offline into an empty folder outside the repository, and the installed
 * `ai-governance` run on records with and without problems. Nothing from this clone's
 * node_modules can be reached from there, so the bundle must carry everything it needs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadCatalog } from '../../server/src/engine/catalog';
import { REPO } from '../support/cli';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const QUIET_NPM = { npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_loglevel: 'error' };

function sh(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...QUIET_NPM, ...env }, timeout: 120_000 });
  return { code: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

const CLEAN = 'apiVersion: ai-governance/v1\nroles: []\n';
const PROBLEMS = 'apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n  D-7 iii: {status: planned}\n';

let scratch: string;
let tarball: string;
let project: string;
let bin: string;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ai-governance-pack-'));
  const pack = sh(NPM, ['pack', '--json', '--pack-destination', scratch], join(REPO, 'packages/cli'));
  assert.equal(pack.code, 0, pack.stderr);
  const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(scratch, info.filename);
  project = join(scratch, 'project');
  mkdirSync(project); // empty: no package.json, nothing installed
  const install = sh(NPM, ['install', '--offline', tarball], project);
  assert.equal(install.code, 0, install.stderr);
  bin = join(project, 'node_modules/.bin/ai-governance');
  mkdirSync(join(project, 'clean'));
  writeFileSync(join(project, 'clean/ai-governance.yaml'), CLEAN);
});
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The installed binary itself (what npx ai-governance resolves to), with a clean environment. */
const runBin = (args: string[], cwd = project) => sh(bin, args, cwd, { LANG: 'C.UTF-8', LC_ALL: '', NODE_PATH: '' });

describe('npm pack of packages/cli', () => {
  test('holds the bundle, the licences and the README, and nothing of the extension or the tests', () => {
    const list = sh('tar', ['-tzf', tarball], scratch);
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual(list.stdout.trim().split('\n').sort(), ['package/LICENSE', 'package/README.md', 'package/THIRD_PARTY_NOTICES.md', 'package/dist/cli.js', 'package/dist/fileWorker.js', 'package/package.json']);
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/@ai-governance/cli/package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.version, JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
    assert.deepEqual(manifest.engines, { node: '>=20' });
    assert.equal(manifest.license, 'MIT');
    assert.equal(manifest.dependencies, undefined, 'everything is bundled');
    const notices = readFileSync(join(project, 'node_modules/@ai-governance/cli/THIRD_PARTY_NOTICES.md'), 'utf8');
    for (const name of ['commander', 'yaml', 'picomatch']) assert.match(notices, new RegExp(`^## ${name} \\d`, 'm'));
  });

  test('--version prints the version and the catalog’s editions', () => {
    const { guideline } = loadCatalog().data;
    const result = runBin(['--version']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^\d+\.\d+\.\d+ \(catalog: /);
    for (const part of [guideline.edition, guideline.update]) assert.ok(result.stdout.includes(part), `${part} in ${result.stdout}`);
  });

  test('npx ai-governance check in that folder: every record under it (node_modules skipped), exit 0 when clean', () => {
    const result = sh(NPX, ['--offline', 'ai-governance', 'check'], project, { LANG: 'C.UTF-8' });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /1 file checked, no problems/);
  });

  test('exit 1 with the findings on a record with problems, in every format', () => {
    const dir = join(scratch, 'problems');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'ai-governance.yaml'), PROBLEMS);
    const stylish = runBin(['check'], dir);
    assert.equal(stylish.code, 1, stylish.stderr);
    assert.match(stylish.stdout, /unknown-item/);
    const gitlab = runBin(['check', '-f', 'gitlab'], dir);
    assert.equal(gitlab.code, 1);
    assert.ok((JSON.parse(gitlab.stdout) as unknown[]).length > 0);
    const report = runBin(['check', '-f', 'markdown', '-f', 'sarif', '-o', 'out/summary.md', '-o', 'out/report.sarif', '--lang', 'ja'], dir);
    assert.equal(report.code, 1, report.stderr);
    assert.match(readFileSync(join(dir, 'out/summary.md'), 'utf8'), /^### AI ガバナンス検査: ❌/);
    assert.equal((JSON.parse(readFileSync(join(dir, 'out/report.sarif'), 'utf8')) as { version: string }).version, '2.1.0');
    assert.equal(runBin(['check', '--fail-severity', 'information', 'clean']).code, 0);
  });

  test('exit 2 when the tool cannot run: a missing path, a bad option', () => {
    const missing = runBin(['check', 'no/such/folder']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no\/such\/folder/);
    assert.equal(runBin(['check', '-f', 'nope']).code, 2);
  });
});
