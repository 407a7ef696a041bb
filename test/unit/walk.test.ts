/** The one folder walker of the server's scan and the CLI, and the governance file names. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { GOVERNANCE_FILE_PATTERNS, isGovernanceFileName } from '../../server/src/engine/vocabulary';
import { inSkippedFolder, listFiles } from '../../server/src/walk';

describe('listFiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'ai-governance-walk-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  for (const file of ['a.yaml', 'sub/b.yaml', 'sub/deeper/c.md', 'node_modules/pkg/ai-governance.yaml', '.git/ai-governance.yaml', 'sub/node_modules/x.yaml']) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), 'x');
  }
  const outside = mkdtempSync(join(tmpdir(), 'ai-governance-walk-outside-'));
  after(() => rmSync(outside, { recursive: true, force: true }));
  writeFileSync(join(outside, 'ai-governance.yaml'), 'x');
  symlinkSync(outside, join(root, 'linked-folder'));
  symlinkSync(join(root, 'a.yaml'), join(root, 'linked-file.yaml'));

  test('every file, node_modules and .git never entered, links not followed', async () => {
    const { files, truncated } = await listFiles(root);
    assert.equal(truncated, false);
    assert.deepEqual(files.map((f) => f.slice(root.length + 1)).sort(), ['a.yaml', 'sub/b.yaml', 'sub/deeper/c.md']);
  });

  test('stops at the cap and says so', async () => {
    const { files, truncated } = await listFiles(root, 2);
    assert.equal(files.length, 2);
    assert.equal(truncated, true);
  });

  test('a folder that does not exist has no files', async () => {
    assert.deepEqual((await listFiles(join(root, 'nowhere'))).files, []);
  });

  test('paths from file events inside skipped folders are recognised', () => {
    assert.equal(inSkippedFolder(join(root, 'node_modules', 'pkg', 'ai-governance.yaml')), true);
    assert.equal(inSkippedFolder(join(root, 'sub', 'ai-governance.yaml')), false);
  });
});

describe('governance file names', () => {
  test('the three patterns of DESIGN §2, and nothing else', () => {
    assert.deepEqual([...GOVERNANCE_FILE_PATTERNS], ['ai-governance.yaml', 'ai-governance.yml', '*.ai-governance.yaml']);
    for (const name of ['ai-governance.yaml', 'ai-governance.yml', 'team.ai-governance.yaml', 'a.b.ai-governance.yaml']) assert.equal(isGovernanceFileName(name), true, name);
    for (const name of ['.ai-governance.yaml', 'ai-governance.yaml.bak', 'team.ai-governance.yml', 'xai-governance.yaml', 'ai-governance.json']) assert.equal(isGovernanceFileName(name), false, name);
  });
});
