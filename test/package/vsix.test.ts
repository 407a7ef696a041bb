/**
 * The extension's .vsix stays what it was: `npm run package` uses the pinned @vscode/vsce (no
 * download at package time) and creates out/ itself (a fresh clone has none), and the CI
 * additions — the npm package, the action, the hook, the schema catalog — stay out of it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO } from '../support/cli';

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };

test('npm run package: the pinned vsce, and out/ created first', () => {
  const script = manifest.scripts.package;
  assert.doesNotMatch(script, /npx/);
  assert.match(manifest.devDependencies['@vscode/vsce'], /^\d+\.\d+\.\d+$/, 'an exact version');
  const mkdir = script.indexOf("mkdirSync('out'");
  assert.ok(mkdir > 0 && mkdir < script.indexOf('vsce package'), script);
  assert.match(script, /vsce package --no-dependencies -o out\/ai-governance\.vsix$/);
});

test('the .vsix holds the extension, the server and its data, and nothing of the CLI package, the action or the hook', () => {
  const vsce = join(REPO, 'node_modules/.bin/vsce');
  const result = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 0, result.stderr);
  const files = result.stdout.trim().split('\n').sort();
  for (const expected of ['dist/extension.js', 'dist/server.js', 'dist/checkWorker.js', 'package.json', 'schemas/ai-governance.schema.json', 'README.md', 'LICENSE']) assert.ok(files.includes(expected), expected);
  for (const path of files) assert.doesNotMatch(path, /^(packages|scripts|test|server|client|\.github)\/|^action\.yml$|^\.pre-commit-hooks\.yaml$|^dist\/cli\.js$|^schemas\/(schema-)?catalog\.json$/, path);
});
