/**
 * Evidence resolved for real (issue 16 §7): a path inside the workspace as written that a symlink
 * takes outside is evidence-outside-workspace, in the engine, the CLI, document links and the
 * skeleton fix; special files answer without blocking.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createEngine } from '../../server/src/engine';
import { CachedFileSystem } from '../../server/src/workspace';
import { runCli } from '../support/cli';
import { HEADER } from '../support/engine';

const record = (evidence: string[]) =>
  `${HEADER}roles: [developer]\nitems:\n  D-7 ii:\n    status: implemented\n    evidence:\n${evidence.map((e) => `      - ${e}\n`).join('')}`;

describe('symlinks are followed before the outside-the-workspace check', () => {
  let base: string;
  let root: string;
  before(() => {
    base = mkdtempSync(join(tmpdir(), 'ai-gov-links-'));
    root = join(base, 'ws');
    mkdirSync(join(root, 'docs'), { recursive: true });
    mkdirSync(join(base, 'outside'));
    writeFileSync(join(base, 'outside', 'secret.txt'), 'secret');
    writeFileSync(join(root, 'docs', 'real.md'), '# real');
    symlinkSync(join(base, 'outside', 'secret.txt'), join(root, 'passwd-link'));
    symlinkSync(join(base, 'outside'), join(root, 'out-dir'));
    symlinkSync(join(root, 'docs', 'real.md'), join(root, 'inside-link.md'));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  const check = (evidence: string[]) => {
    const engine = createEngine({ fs: new CachedFileSystem(), today: () => '2026-11-22' });
    const doc = engine.check({ path: join(root, 'ai-governance.yaml'), text: record(evidence), workspaceRoot: root });
    return { engine, doc, evidence: doc.diagnostics.filter((d) => d.code.startsWith('evidence-')).map((d) => `${d.code} ${d.data.evidence}`) };
  };

  test('a link to a file outside, or through a linked folder, is evidence-outside-workspace', () => {
    const { evidence } = check(['passwd-link', 'out-dir/secret.txt', 'out-dir/missing.md', 'docs/real.md', 'inside-link.md', 'docs/none.md']);
    assert.deepEqual(evidence, [
      'evidence-outside-workspace passwd-link',
      'evidence-outside-workspace out-dir/secret.txt',
      'evidence-outside-workspace out-dir/missing.md',
      'evidence-not-found docs/none.md',
    ]);
  });

  test('no document link leads outside', () => {
    const { engine, doc } = check(['passwd-link', 'out-dir/secret.txt', 'docs/real.md', 'inside-link.md']);
    assert.deepEqual(
      engine.links(doc).map((l) => l.target),
      [join(root, 'docs', 'real.md'), join(root, 'inside-link.md')],
    );
  });

  test('the skeleton fix is not offered where a linked folder would put it outside', () => {
    symlinkSync(join(base, 'outside'), join(root, 'ai-governance-docs'));
    try {
      const engine = createEngine({ fs: new CachedFileSystem(), today: () => '2026-11-22' });
      const text = `${HEADER}roles: [developer]\nitems:\n  D-7 ii:\n    status: implemented\n`;
      const doc = engine.check({ path: join(root, 'ai-governance.yaml'), text, workspaceRoot: root });
      const finding = doc.diagnostics.filter((d) => d.code === 'documentation-without-evidence');
      assert.equal(finding.length, 1);
      const fixes = engine.fixes(doc, finding).filter((f) => f.createFile || f.edits.some((e) => e.newText.includes('ai-governance-docs')));
      assert.deepEqual(fixes.map((f) => f.title), []);
    } finally {
      rmSync(join(root, 'ai-governance-docs'));
    }
  });

  test('the CLI reports the escaping link', async () => {
    writeFileSync(join(root, 'ai-governance.yaml'), record(['passwd-link']));
    try {
      const result = await runCli(['check', '--format', 'json'], { cwd: root });
      assert.match(result.stdout, /evidence-outside-workspace/);
    } finally {
      rmSync(join(root, 'ai-governance.yaml'));
    }
  });

  test('a FIFO, a device and a folder as evidence answer at once (nothing is opened)', { timeout: 10_000 }, () => {
    const fifo = join(root, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const start = performance.now();
    const { evidence } = check(['pipe', '../../../../../../dev/zero', 'docs']);
    assert.ok(performance.now() - start < 2000);
    assert.deepEqual(evidence, ['evidence-outside-workspace ../../../../../../dev/zero']);
  });
});
