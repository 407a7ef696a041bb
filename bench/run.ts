/**
 * npm run bench: how fast the checks are, beside the plain `yaml` parse of the same text (the
 * floor) and yaml-language-server validating the same files against our JSON Schema (the peer).
 * Prints Markdown tables (each figure beside its target) and writes bench/results.json (keys
 * documented in the README). `npm run bench -- --quick` skips the 5,000-record workspace.
 */
import '../scripts/lib/plainEnvironment';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { createEngine } from '../server/src/engine';
import type { CheckEnvironment } from '../server/src/engine/check';
import { fullIncremental, updateIncremental } from '../server/src/engine/incremental';
import { DEFAULT_SETTINGS } from '../server/src/engine/types';
import { CachedFileSystem } from '../server/src/workspace';
import { TestClient, uri } from '../test/support/lsp';
import { generateManyFindings, generateManySystems, generateRecord, SIZES } from './inputs';
import { table } from './table';
import { benchReport, timeCli } from './report';
import type { BenchResults, EditKind, InputResult, ScanResult } from './results';

const WARM_RUNS = 10;
const root = join(__dirname, '..');
const schemaPath = join(root, 'schemas', 'ai-governance.schema.json');
const YAML_LS = [process.execPath, join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'];
const CLI = join(root, 'dist', 'cli.js');
/** yaml-language-server waits this long after a change before it validates (`validationDelayMs`). */
const PEER_DELAY_MS = 200;
const QUICK = process.argv.includes('--quick');
const PARTS = ['inputs', 'storm', 'actions', 'scans'] as const;
/** `--only scans,storm`: just those parts (printed, results.json left as it is). */
const ONLY = process.argv.includes('--only') ? new Set(process.argv[process.argv.indexOf('--only') + 1]?.split(',')) : null;
if (ONLY && ![...ONLY].every((part) => (PARTS as readonly string[]).includes(part))) throw new Error(`--only takes a comma-separated list of ${PARTS.join(', ')}`);
const wanted = (part: (typeof PARTS)[number]) => !ONLY || ONLY.has(part);

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/**
 * Median of `runs` samples, each the mean of enough calls to last at least 20 ms, so a 4 ms parse is
 * not measured with the timer's and the garbage collector's noise.
 */
function time(fn: () => void, runs = WARM_RUNS): number {
  for (let i = 0; i < 3; i++) fn(); // warm-up: let the JIT settle before measuring
  const once = performance.now();
  fn();
  const calls = Math.max(1, Math.ceil(20 / Math.max(performance.now() - once, 0.01)));
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    for (let c = 0; c < calls; c++) fn();
    samples.push((performance.now() - start) / calls);
  }
  return median(samples);
}

/** Peak resident set size of a process (Linux), in MB. */
function peakRssMB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

function yamlLsConfiguration(section: string | undefined): unknown {
  const yaml = { validate: true, hover: true, completion: true, schemas: { [uri(schemaPath)]: ['*.yaml', '*.yml'] }, schemaStore: { enable: false }, maxItemsComputed: 5000 };
  if (section === 'yaml') return yaml;
  if (section === undefined) return { yaml };
  return null;
}

/** didOpen → the first publishDiagnostics for that document, median over runs (a new uri each run). */
async function openToDiagnostics(client: TestClient, dir: string, name: string, text: string, runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const path = join(dir, `${name}-${i}.ai-governance.yaml`);
    const start = performance.now();
    client.open(path, text, 1);
    await client.until(() => client.diagnostics.get(uri(path)), `diagnostics of ${name}`, 120_000);
    if (i > 0) samples.push(performance.now() - start); // run 0 warms the server up
    client.close(path);
    client.diagnostics.delete(uri(path));
  }
  return median(samples);
}

interface Change {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/** A text kept line by line, so the bench knows where its edits go and the server gets ranges. */
class EditedText {
  readonly lines: string[];
  constructor(text: string) {
    this.lines = text.split('\n');
  }
  get text(): string {
    return this.lines.join('\n');
  }
  /** The line matching `pattern` closest to the middle, skipping the last `tail` matches (the last entry is checked in full). */
  middle(pattern: RegExp, tail = 1): number {
    const found = this.lines.flatMap((l, i) => (pattern.test(l) ? [i] : [])).slice(0, -tail || undefined);
    if (found.length === 0) throw new Error(`no line matches ${pattern}`);
    const mid = this.lines.length / 2;
    return found.reduce((best, i) => (Math.abs(i - mid) < Math.abs(best - mid) ? i : best), found[0]);
  }
  insert(line: number, character: number, text: string): Change {
    const at = { line, character };
    const added = text.split('\n');
    const current = this.lines[line];
    const head = current.slice(0, character);
    const rest = current.slice(character);
    added[0] = head + added[0];
    added[added.length - 1] += rest;
    this.lines.splice(line, 1, ...added);
    return { range: { start: at, end: at }, text };
  }
  deleteLines(line: number, count: number): Change {
    this.lines.splice(line, count);
    return { range: { start: { line, character: 0 }, end: { line: line + count, character: 0 } }, text: '' };
  }
  replace(line: number, from: number, to: number, text: string): Change {
    const current = this.lines[line];
    this.lines[line] = current.slice(0, from) + text + current.slice(to);
    return { range: { start: { line, character: from }, end: { line, character: to } }, text };
  }
}

/** The next edit of a kind, alternating so the text returns to where it started. */
function editMaker(doc: EditedText): Record<EditKind, (i: number) => Change> {
  const inside = doc.middle(/^ {4}(x-owner|owner|name): /);
  const insideAt = doc.lines[inside].indexOf(': ') + 2;
  const systemLine = doc.middle(/^ {2}- id: /);
  const block = '  - id: bench-added\n    name: 追加システム\n    kinds: [generative]\n';
  const top = doc.lines.findIndex((l) => l.startsWith('guideline: '));
  return {
    inside: (i) => (i % 2 === 0 ? doc.insert(inside, insideAt, 'あ') : doc.replace(inside, insideAt, insideAt + 1, '')),
    addRemove: (i) => (i % 2 === 0 ? doc.insert(systemLine, 0, block) : doc.deleteLines(systemLine, 3)),
    topLevel: (i) => doc.replace(top, 'guideline: '.length, doc.lines[top].length, i % 2 === 0 ? '"1.1"' : '"1.0"'),
  };
}

/** The initialisation options our VS Code client sends (client/src/client.ts) that change what the server publishes. */
const AS_OUR_EXTENSION = { ruleLinksOnClient: true };

const engineEnv = (engine: ReturnType<typeof createEngine>): CheckEnvironment => ({ catalog: engine.catalog, fs: new CachedFileSystem(), today: '2026-11-22', settings: DEFAULT_SETTINGS });

function incrementalKeystroke(engine: ReturnType<typeof createEngine>, path: string, text: string, work: string): number {
  const env = engineEnv(engine);
  const doc = new EditedText(text);
  const line = doc.middle(/^ {4}(x-owner|owner|name): /);
  const offset = doc.lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + doc.lines[line].indexOf(': ') + 2;
  let state = fullIncremental({ path, text, workspaceRoot: work }, env);
  let typed = false;
  return time(() => {
    const change = typed ? { start: offset, end: offset + 1, text: '' } : { start: offset, end: offset, text: 'あ' };
    const result = updateIncremental(state, [change], env);
    if (result.fallback) throw new Error(`keystroke fell back to a full check: ${result.fallback}`);
    state = result.state;
    typed = !typed;
  });
}

async function measureInput(name: string, text: string, work: string, peer: TestClient): Promise<InputResult> {
  const engine = createEngine({ fs: new CachedFileSystem() });
  const path = join(work, `${name}.ai-governance.yaml`);
  const big = text.length > 500_000;
  progress(`${name}: engine and floor`);
  // The floor: yaml's plain parse with the options the engine uses (no duplicate-key check of its own).
  const floorMs = time(() => parseAllDocuments(text, { uniqueKeys: false }), big ? 5 : WARM_RUNS);
  const engineMs = time(() => engine.check({ path, text, workspaceRoot: work }), big ? 5 : WARM_RUNS);
  const findings = engine.check({ path, text, workspaceRoot: work }).diagnostics.length;
  const incrementalMs = incrementalKeystroke(engine, path, text, work);

  const runs = big ? 3 : 5;
  const ours = await TestClient.start({ folders: [work], initializationOptions: AS_OUR_EXTENSION });
  try {
    progress(`${name}: open→diagnostics`);
    const openMs = await openToDiagnostics(ours, work, name, text, runs);
    let peerOpenMs: number | null = null;
    try {
      peerOpenMs = await openToDiagnostics(peer, work, `peer-${name}`, text, runs);
    } catch (error) {
      process.stderr.write(`yaml-language-server on ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    }

    progress(`${name}: edits`);
    const doc = new EditedText(text);
    const editPath = join(work, `edit-${name}.ai-governance.yaml`);
    ours.open(editPath, text, 1);
    await ours.until(() => ours.diagnostics.get(uri(editPath)), `${name} open`, 120_000);
    let version = 1;
    const make = editMaker(doc);
    const perKind = big ? 20 : 40;
    const edits = {} as InputResult['edits'];
    for (const kind of ['inside', 'addRemove', 'topLevel'] as const) {
      const samples: number[] = [];
      for (let i = 0; i < perKind; i++) {
        const change = make[kind](i);
        version++;
        const start = performance.now();
        void ours.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(editPath), version }, contentChanges: [change] });
        const expected = version;
        await ours.until(() => ours.diagnostics.get(uri(editPath))?.version === expected, `${name} ${kind} edit ${i}`, 120_000);
        samples.push(performance.now() - start);
      }
      edits[kind] = { edits: perKind, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95) };
    }
    const last = ours.diagnostics.get(uri(editPath));
    const broken = last?.diagnostics.filter((d) => d.code === 'yaml-syntax') ?? [];
    if (broken.length) throw new Error(`the edits broke the YAML of ${name}: ${broken.map((d) => d.message).join('; ')}`);
    const diagnosticsJsonKB = Math.round(Buffer.byteLength(JSON.stringify(last)) / 1024);

    progress(`${name}: hover and completion while typing`);
    const make2 = editMaker(doc);
    const keyLine = doc.middle(/^ {2}(- id: |[CDPUHG]-)/);
    const hoverMs: number[] = [];
    const completionMs: number[] = [];
    for (let i = 0; i < 40; i++) {
      version++;
      void ours.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(editPath), version }, contentChanges: [make2.inside(i)] });
      let start = performance.now();
      await ours.request('textDocument/hover', { textDocument: { uri: uri(editPath) }, position: { line: keyLine, character: 5 } });
      hoverMs.push(performance.now() - start);
      start = performance.now();
      await ours.request('textDocument/completion', { textDocument: { uri: uri(editPath) }, position: { line: keyLine + 1, character: 4 } });
      completionMs.push(performance.now() - start);
      const expected = version;
      await ours.until(() => ours.diagnostics.get(uri(editPath))?.version === expected, `${name} typing ${i}`, 120_000);
    }
    return {
      lines: text.split('\n').length - 1,
      bytes: Buffer.byteLength(text),
      findings,
      floorMs,
      engineMs,
      incrementalMs,
      openMs,
      peerOpenMs,
      peerOpenNoDelayMs: peerOpenMs === null ? null : peerOpenMs - PEER_DELAY_MS,
      openVsPeer: peerOpenMs ? openMs / peerOpenMs : null,
      openVsPeerNoDelay: peerOpenMs && peerOpenMs > PEER_DELAY_MS ? openMs / (peerOpenMs - PEER_DELAY_MS) : null,
      edits,
      hoverWhileTypingP95Ms: percentile(hoverMs, 95),
      completionWhileTypingP95Ms: percentile(completionMs, 95),
      diagnosticsJsonKB,
      serverPeakRssMB: peakRssMB(ours.process.pid),
    };
  } finally {
    await ours.stop();
  }
}

/** 1,000 keystrokes sent at once: how long until the diagnostics of the last version, and how many versions were published. */
async function storm(text: string, work: string): Promise<{ changes: number; ms: number; published: number; lastVersion: number }> {
  const client = await TestClient.start({ folders: [work], initializationOptions: AS_OUR_EXTENSION });
  try {
    const path = join(work, 'storm.ai-governance.yaml');
    client.open(path, text, 1);
    await client.until(() => client.diagnostics.get(uri(path)), 'storm open', 120_000);
    const doc = new EditedText(text);
    const make = editMaker(doc);
    let published = 0;
    client.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
      if (p.uri === uri(path)) published++;
      client.diagnostics.set(p.uri, p as never);
    });
    const start = performance.now();
    for (let i = 0; i < 1000; i++) void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(path), version: i + 2 }, contentChanges: [make.inside(i)] });
    await client.until(() => client.diagnostics.get(uri(path))?.version === 1001, 'storm end', 300_000);
    return { changes: 1000, ms: performance.now() - start, published, lastVersion: client.diagnostics.get(uri(path))?.version ?? 0 };
  } finally {
    await client.stop();
  }
}

function makeWorkspace(dir: string, files: number, record: string): void {
  for (let i = 0; i < files; i++) {
    const team = join(dir, `team-${String(i).padStart(4, '0')}`);
    mkdirSync(join(team, 'docs'), { recursive: true });
    writeFileSync(join(team, 'docs', 'record.md'), '# 記録\n');
    writeFileSync(join(team, 'ai-governance.yaml'), record);
  }
}

async function scan(ws: string, files: number, typing: string, outside: string): Promise<Omit<ScanResult, 'cliMs' | 'cliPeakRssMB' | 'cliFormat'>> {
  const start = performance.now();
  const scanner = await TestClient.start({ folders: [ws], initializationOptions: AS_OUR_EXTENSION });
  try {
    // Typing in an open record while the scan runs.
    const path = join(outside, `typing-${files}.ai-governance.yaml`);
    const doc = new EditedText(typing);
    const make = editMaker(doc);
    const editMs: number[] = [];
    const hoverMs: number[] = [];
    scanner.open(path, typing, 1);
    let version = 1;
    while (scanner.diagnostics.size < files + 1 && editMs.length < 200) {
      version++;
      const t = performance.now();
      void scanner.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(path), version }, contentChanges: [make.inside(version)] });
      const expected = version;
      await scanner.until(() => scanner.diagnostics.get(uri(path))?.version === expected, 'edit during scan', 60_000);
      editMs.push(performance.now() - t);
      const h = performance.now();
      await scanner.request('textDocument/hover', { textDocument: { uri: uri(path) }, position: { line: doc.middle(/^ {2}[CDPUHG]-/), character: 3 } });
      hoverMs.push(performance.now() - h);
      await new Promise((r) => setTimeout(r, 50));
    }
    await scanner.until(() => scanner.diagnostics.size >= files + 1, `${files} records`, 600_000);
    return {
      files,
      serverMs: performance.now() - start,
      serverPeakRssMB: peakRssMB(scanner.process.pid),
      editDuringScanP95Ms: editMs.length ? percentile(editMs, 95) : null,
      hoverDuringScanP95Ms: hoverMs.length ? percentile(hoverMs, 95) : null,
    };
  } finally {
    await scanner.stop();
  }
}

/** The CLI's check over a workspace: wall time and peak RSS (reported by the process itself on exit). */
const cliRun = (ws: string, format: string, out: string, preload: string) => timeCli(CLI, ['check', '-f', format, '-o', out, '-q'], ws, preload);

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'ai-gov-bench-'));
  mkdirSync(join(work, 'docs'));
  writeFileSync(join(work, 'docs', 'record.md'), '# 記録\n');
  const results: Partial<BenchResults> = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', node: process.version, platform: process.platform },
    date: new Date().toISOString(),
    runs: WARM_RUNS,
  };
  const texts: Record<string, string> = {
    typical: generateRecord(SIZES.typical),
    large: generateRecord(SIZES.large),
    huge: generateRecord(SIZES.huge),
    'findings-2k': generateManyFindings(2000),
    'findings-20k': generateManyFindings(20000),
    'systems-2k': generateManySystems(2000),
  };

  if (wanted('inputs')) await measureInputs(texts, work, results);
  if (wanted('storm')) {
    progress('a storm of 1,000 changes on findings-20k');
    results.storm = await storm(texts['findings-20k'], work);
  }
  if (wanted('actions')) results.codeActionsTypical = await codeActions(texts.typical, work);
  if (wanted('scans')) results.scans = await scans(texts, work, results);
  rmSync(work, { recursive: true, force: true });

  if (!ONLY) writeFileSync(join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(table(results));
}

async function measureInputs(texts: Record<string, string>, work: string, results: Partial<BenchResults>): Promise<void> {
  const inputs: Record<string, InputResult> = {};
  const peer = await TestClient.start({ folders: [work], command: YAML_LS, configuration: yamlLsConfiguration });
  try {
    for (const [name, text] of Object.entries(texts)) inputs[name] = await measureInput(name, text, work, peer);
    results.peerPeakRssMB = peakRssMB(peer.process.pid);
  } finally {
    await peer.stop();
  }
  results.inputs = inputs;
}

async function codeActions(typical: string, work: string): Promise<BenchResults['codeActionsTypical']> {
  // The light bulb on items: of the typical record, which is asked about every missing item at once.
  const actions = await TestClient.start({ folders: [work], initializationOptions: AS_OUR_EXTENSION });
  try {
    const typicalPath = join(work, 'actions.ai-governance.yaml');
    actions.open(typicalPath, typical, 1);
    const published = await actions.until(() => actions.diagnostics.get(uri(typicalPath)), 'typical file open');
    const itemsLine = typical.split('\n').indexOf('items:');
    const onItems = published.diagnostics.filter((d) => d.range.start.line === itemsLine);
    const actionMs: number[] = [];
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      await actions.request('textDocument/codeAction', { textDocument: { uri: uri(typicalPath) }, range: onItems[0].range, context: { diagnostics: onItems } });
      actionMs.push(performance.now() - start);
    }
    return { findings: onItems.length, p50Ms: percentile(actionMs, 50), p95Ms: percentile(actionMs, 95) };
  } finally {
    await actions.stop();
  }
}

async function scans(texts: Record<string, string>, work: string, results: Partial<BenchResults>): Promise<Record<string, ScanResult>> {
  const preload = join(work, 'maxrss.cjs');
  writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(2, `\\nmaxrss_mb=${Math.round(process.resourceUsage().maxRSS / 1024)}\\n`));\n");
  const scanned: Record<string, ScanResult> = {};
  for (const files of QUICK ? [1000] : [1000, 5000]) {
    progress(`workspace of ${files} records: server scan`);
    const ws = join(work, `workspace-${files}`);
    makeWorkspace(ws, files, texts.typical);
    const server = await scan(ws, files, texts.large, work);
    progress(`workspace of ${files} records: CLI`);
    const cli = await cliRun(ws, 'json', join(work, `out-${files}.json`), preload);
    if (files === 1000) {
      progress('report of 1,000 records');
      results.report = await benchReport(CLI, ws, files, preload);
    }
    scanned[String(files)] = { ...server, cliMs: cli.ms, cliPeakRssMB: cli.peakRssMB, cliFormat: 'json' };
    rmSync(ws, { recursive: true, force: true });
  }
  return scanned;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
