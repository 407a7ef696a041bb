/**
 * .pre-commit-hooks.yaml: the hook's `files` pattern selects exactly the governance file names of
 * the editor and the CLI, in any folder; the `entry` is the CLI's `check`, which pre-commit runs
 * with the matching staged files appended — run here the same way, on a good and a bad record.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { isGovernanceFileName } from '../../server/src/engine/vocabulary';
import { REPO, spawnCli, workspace } from '../support/cli';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames?: boolean;
}

const hooks = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };

test('one hook, id ai-governance, running the package’s bin as a Node hook', () => {
  assert.equal(hooks.length, 1);
  const [hook] = hooks;
  assert.equal(hook.id, 'ai-governance');
  assert.equal(hook.language, 'node');
  assert.notEqual(hook.pass_filenames, false);
  const [bin, command] = hook.entry.split(' ');
  assert.equal(command, 'check');
  assert.ok(manifest.bin[bin], `${bin} is a bin of package.json`);
  // pre-commit installs the repository with npm pack: the bin must be built by then.
  assert.match(manifest.scripts.prepack, /npm run build/);
});

test('files matches the governance file names in any folder, and nothing else', () => {
  // pre-commit matches with Python's re.search on the path from the repository root; this pattern uses no syntax where JavaScript differs.
  const pattern = hooks[0].files;
  assert.doesNotMatch(pattern, /\(\?P|\\[AZz]|\(\?[aiLmsux]/);
  const files = new RegExp(pattern);
  const paths = [
    'ai-governance.yaml',
    'ai-governance.yml',
    'teams/ml/ai-governance.yaml',
    'a/b/c/ai-governance.yml',
    'kb-assistant.ai-governance.yaml',
    'systems/日本語.ai-governance.yaml',
    'ai-governance.yaml.bak',
    'not-ai-governance.yaml',
    'docs/ai-governance.md',
    '.ai-governance.yaml',
    'x.ai-governance.yml',
    'ai-governance.yaml/README.md',
    'AI-GOVERNANCE.YAML',
  ];
  for (const path of paths) assert.equal(files.test(path), isGovernanceFileName(path.split('/').pop() ?? ''), path);
  assert.ok(paths.filter((p) => files.test(p)).length >= 6);
});

test('the entry with the staged files: exit 0 for a good record, 1 for a bad one', () => {
  const ws = workspace({
    'good/ai-governance.yaml': 'apiVersion: ai-governance/v1\nroles: []\n',
    'bad/team.ai-governance.yaml': 'apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n  D-7 iii: {status: planned}\n',
  });
  try {
    const args = hooks[0].entry.split(' ').slice(1);
    assert.equal(spawnCli([...args, 'good/ai-governance.yaml'], ws.root).code, 0);
    const bad = spawnCli([...args, 'good/ai-governance.yaml', 'bad/team.ai-governance.yaml'], ws.root);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /^bad\/team\.ai-governance\.yaml\n/m);
    assert.match(bad.stdout, /unknown-item/);
  } finally {
    ws.cleanup();
  }
});
