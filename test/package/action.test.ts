/**
 * action.yml, run here as the runner would: its metadata parsed with `yaml`, every `run` step
 * executed with bash as GitHub runs composite steps (`bash --noprofile --norc -eo pipefail`),
 * inputs and step outputs substituted into `env` and `if`, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY /
 * RUNNER_TEMP pointing at temporary files. The one `uses` step (the SARIF upload) cannot run
 * here: its condition and inputs are evaluated and the file it would upload is validated.
 * The CLI is this repository's npm package, built once into packages/cli.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { REPO } from '../support/cli';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface ActionYml {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as ActionYml;

/** The expression contexts this action uses: inputs.*, steps.<id>.outputs.*, github.action_path, and !cancelled(). */
interface Context {
  inputs: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
}

function lookup(path: string, ctx: Context): string {
  const [head, ...rest] = path.split('.');
  if (head === 'inputs' && rest.length === 1) {
    assert.ok(rest[0] in action.inputs, `undeclared input ${rest[0]}`);
    return ctx.inputs[rest[0]] ?? '';
  }
  if (head === 'steps' && rest.length === 3 && rest[1] === 'outputs') return ctx.steps[rest[0]]?.outputs[rest[2]] ?? '';
  if (path === 'github.action_path') return REPO;
  throw new Error(`expression not understood by this test: ${path}`);
}

/** An `if:`: terms joined by &&, each !cancelled(), `a == 'x'` or `a != 'x'`. */
function condition(expression: string, ctx: Context): boolean {
  const body = expression.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  return body.split('&&').every((raw) => {
    const term = raw.trim();
    if (term === '!cancelled()') return true;
    const match = /^([\w.-]+) (==|!=) '([^']*)'$/.exec(term);
    assert.ok(match, `condition term not understood by this test: ${term}`);
    const equal = lookup(match[1], ctx) === match[3];
    return match[2] === '==' ? equal : !equal;
  });
}

const substitute = (value: string, ctx: Context) => value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, path: string) => lookup(path, ctx));

function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  if (!existsSync(file)) return outputs;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

interface StepRun {
  step: Step;
  ran: boolean;
  code?: number;
  stdout?: string;
  stderr?: string;
  with?: Record<string, string>;
}
interface ActionRun {
  steps: StepRun[];
  summary: string;
  outputs: Record<string, string>;
  /** the job's verdict: the first failing step's code, else 0 */
  code: number;
}

/** The bundle of the npm package, run directly (npm exec costs seconds a run; one scenario goes through it). */
const BUNDLE = join(REPO, 'packages/cli/dist/cli.js');

let scratch: string;
before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ai-governance-action-'));
  const build = spawnSync(process.execPath, [join(REPO, 'scripts/build-cli-package.mjs')], { encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
});
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the action's steps in `workspace` with `with` as the caller's inputs; steps after a failure are skipped unless their `if` says otherwise. */
function runAction(name: string, files: Record<string, string>, given: Record<string, string>): ActionRun {
  const root = join(scratch, name);
  const workspace = join(root, 'workspace');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  }
  const runnerTemp = join(root, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  const summaryFile = join(root, 'step-summary.md');
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? '']));
  const ctx: Context = { inputs: { ...inputs, cli: BUNDLE, ...given }, steps: {} };
  const runs: StepRun[] = [];
  let failed = 0;
  for (const [index, step] of action.runs.steps.entries()) {
    const wanted = step.if ? condition(step.if, ctx) : failed === 0;
    if (!wanted) {
      runs.push({ step, ran: false });
      continue;
    }
    if (step.uses) {
      runs.push({ step, ran: true, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(v, ctx)])) });
      continue;
    }
    assert.equal(step.shell, 'bash');
    assert.ok(step.run);
    const outputFile = join(root, `output-${index}`);
    const script = join(root, `step-${index}.sh`);
    writeFileSync(script, step.run);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? root,
      npm_config_offline: 'true',
      npm_config_cache: join(scratch, 'npm-cache'),
      npm_config_update_notifier: 'false',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: REPO,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: runnerTemp,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(v, ctx)])),
    };
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 });
    const code = result.status ?? -1;
    if (step.id) ctx.steps[step.id] = { outputs: readOutputs(outputFile) };
    runs.push({ step, ran: true, code, stdout: result.stdout, stderr: result.stderr });
    if (code !== 0 && failed === 0) failed = code;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, substitute(v.value, ctx)]));
  return { steps: runs, summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '', outputs, code: failed };
}

const PROBLEMS = 'apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n  D-7 iii: {status: planned}\n';
const CLEAN = 'apiVersion: ai-governance/v1\nroles: []\n';
const stepNamed = (run: ActionRun, text: string) => {
  const found = run.steps.find((s) => (s.step.name ?? '').includes(text));
  assert.ok(found, text);
  return found;
};

describe('action.yml', () => {
  test('metadata: a composite action with the documented inputs; inputs reach scripts only through env', () => {
    assert.equal(action.runs.using, 'composite');
    for (const input of ['paths', 'formats', 'fail-severity', 'baseline', 'language', 'upload-sarif', 'summary']) {
      assert.ok(action.inputs[input], input);
      assert.ok(action.inputs[input].description.length > 10, `${input} is described`);
    }
    assert.equal(action.inputs['upload-sarif'].default, 'false', 'uploading needs a permission the caller must grant');
    for (const step of action.runs.steps) if (step.run) assert.doesNotMatch(step.run, /\$\{\{/, `no expression spliced into a script (${step.name})`);
    const upload = action.runs.steps.find((s) => s.uses);
    assert.match(upload?.uses ?? '', /^github\/codeql-action\/upload-sarif@v\d+$/);
    const version = JSON.parse(readFileSync(join(REPO, 'packages/cli/package.json'), 'utf8')).version as string;
    assert.equal(version, JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version, 'the default CLI is the one released with the action');
  });

  test('findings: annotations in the log, the summary on the job page, SARIF for the upload, the job fails', () => {
    // Through npm exec, as the default spec runs: the package folder stands in for the registry.
    const run = runAction('problems', { 'team/ai-governance.yaml': PROBLEMS }, { 'upload-sarif': 'true', cli: join(REPO, 'packages/cli') });
    const check = stepNamed(run, 'Check');
    assert.equal(check.code, 0, `${check.stdout}\n${check.stderr}`);
    assert.match(check.stdout ?? '', /^ai-governance \(\/.*packages\/cli\) check -f sarif -f markdown -f github -o /m);
    assert.match(check.stdout ?? '', /^::error file=team\/ai-governance\.yaml,line=4,col=3,.*\(unknown-item\)::/m);
    assert.match(run.summary, /^### AI ガバナンス検査: ❌ \d+ 件の問題/);
    assert.match(run.summary, /\| `team\/ai-governance\.yaml` \| 0 \/ 18 \(0%\) \| 18 \|/);
    assert.equal(run.outputs['exit-code'], '1');
    const upload = stepNamed(run, 'Upload');
    assert.ok(upload.ran);
    assert.equal(upload.with?.sarif_file, run.outputs['sarif-file']);
    assert.equal(upload.with?.category, 'ai-governance');
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8')) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'unknown-item'));
    const result = stepNamed(run, 'Result');
    assert.equal(result.code, 1);
    assert.match(result.stdout ?? '', /::error title=ai-governance::error 以上の指摘があります/, 'in the default language, Japanese');
    assert.equal(run.code, 1);
  });

  test('a clean record passes; without upload-sarif nothing is uploaded; summary off leaves the job page alone', () => {
    const run = runAction('clean', { 'ai-governance.yaml': CLEAN, 'docs/team.ai-governance.yaml': CLEAN }, { summary: 'false', language: 'en', formats: 'stylish' });
    assert.equal(run.code, 0);
    assert.equal(run.outputs['exit-code'], '0');
    assert.match(stepNamed(run, 'Check').stdout ?? '', /2 files checked, no problems/);
    assert.equal(stepNamed(run, 'Upload').ran, false);
    assert.equal(run.summary, '');
    assert.match(readFileSync(run.outputs['summary-file'], 'utf8'), /^### AI governance check: ✅ 2 files checked, no problems/);
    assert.doesNotMatch(stepNamed(run, 'Check').stdout ?? '', /--baseline/, 'no baseline unless one is given');
  });

  test('paths (globs and new lines), formats separated by commas, fail-severity and language reach the CLI', () => {
    const files = { 'a/ai-governance.yaml': PROBLEMS, 'b/ai-governance.yaml': CLEAN, 'c/ai-governance.yaml': CLEAN };
    const run = runAction('inputs', files, { paths: 'b/*.yaml\n c', formats: 'json, github', 'fail-severity': 'hint', language: 'en' });
    assert.equal(run.outputs['exit-code'], '0', 'a/ with its problems is not among the paths');
    const check = stepNamed(run, 'Check');
    const json = JSON.parse((check.stdout ?? '').slice((check.stdout ?? '').indexOf('{'))) as { failSeverity: string; files: Array<{ path: string }> };
    assert.equal(json.failSeverity, 'hint');
    assert.deepEqual(json.files.map((f) => f.path).sort(), ['b/ai-governance.yaml', 'c/ai-governance.yaml']);
    assert.match(run.summary, /^### AI governance check: ✅/);
  });

  test('baseline is passed through when set; a check that cannot run fails with exit 2', () => {
    const withBaseline = runAction('baseline', { 'ai-governance.yaml': CLEAN, 'baseline.json': '{}' }, { baseline: 'baseline.json' });
    const check = stepNamed(withBaseline, 'Check');
    assert.match(check.stdout ?? '', /^ai-governance \(.+\) check .* --baseline baseline\.json/m);
    const broken = runAction('broken', { 'ai-governance.yaml': CLEAN }, { paths: 'no/such/folder', language: 'en' });
    assert.equal(stepNamed(broken, 'Check').code, 2);
    assert.equal(broken.outputs['exit-code'], '2');
    assert.match(stepNamed(broken, 'Check').stdout ?? '', /::error title=ai-governance::the check could not run \(exit 2\)/);
    assert.equal(stepNamed(broken, 'Result').ran, false);
    assert.equal(broken.code, 2);
  });
});
