/** Progress on stderr: only on a TTY, only for long runs, never beside a machine-readable report on stdout. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createProgress, PROGRESS_THRESHOLD } from '../../server/src/cli/progress';
import { CLEAN_RECORD, runCli, workspace } from '../support/cli';

const many = PROGRESS_THRESHOLD + 10;

describe('progress', () => {
  let ws: ReturnType<typeof workspace>;
  before(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < many; i++) files[`team-${String(i).padStart(3, '0')}/ai-governance.yaml`] = CLEAN_RECORD;
    files['small/ai-governance.yaml'] = CLEAN_RECORD;
    ws = workspace(files);
  });
  after(() => ws.cleanup());

  test(`a TTY sees "checked n/total" for more than ${PROGRESS_THRESHOLD} files, cleared at the end`, async () => {
    const result = await runCli(['check'], { cwd: ws.root, stderrTTY: true });
    assert.equal(result.code, 0);
    assert.match(result.stderr, new RegExp(`\\rchecked ${many + 1}/${many + 1}\\u001b\\[K`));
    assert.ok(result.stderr.endsWith('\r\u001b[K'));
    assert.doesNotMatch(result.stdout, /checked \d+\//);
  });

  test('in Japanese with --lang ja', async () => {
    const result = await runCli(['check', '--lang', 'ja'], { cwd: ws.root, stderrTTY: true });
    assert.match(result.stderr, new RegExp(`検査中 ${many + 1}/${many + 1}`));
  });

  test('no progress when stderr is not a TTY, for short runs, or with a machine format on stdout', async () => {
    assert.equal((await runCli(['check'], { cwd: ws.root, stderrTTY: false })).stderr, '');
    assert.equal((await runCli(['check', 'small'], { cwd: ws.root, stderrTTY: true })).stderr, '');
    for (const format of ['json', 'sarif', 'github', 'junit']) {
      assert.equal((await runCli(['check', '-f', format], { cwd: ws.root, stderrTTY: true, stdoutTTY: true })).stderr, '', format);
    }
    const toFile = await runCli(['check', '-f', 'sarif', '-o', 'out.sarif'], { cwd: ws.root, stderrTTY: true });
    assert.match(toFile.stderr, /checked/);
  });

  test('updates at most every 100 ms, and always at the last file', () => {
    let written = '';
    let clock = 0;
    const progress = createProgress({ write: (s: string) => (written += s), isTTY: true }, 100, true, (d, t) => `${d}/${t}`, () => clock);
    for (let done = 1; done <= 100; done++) {
      clock += 10;
      progress.tick(done);
    }
    progress.done();
    const shown = [...written.matchAll(/\r(\d+)\/100/g)].map((m) => Number(m[1]));
    assert.deepEqual(shown, [1, 11, 21, 31, 41, 51, 61, 71, 81, 91, 100]);
  });
});
