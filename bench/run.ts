/**
 * npm run bench: how fast the checks are, beside the plain `yaml` parse of the same text (the
 * floor) and yaml-language-server validating the same files against our JSON Schema (the peer).
 * Prints a Markdown table and writes bench/results.json (keys documented in the README).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LineCounter, parseAllDocuments } from 'yaml';
import { createEngine } from '../server/src/engine';
import { CachedFileSystem } from '../server/src/workspace';
import { TestClient, uri } from '../test/support/lsp';
import { generateRecord, SIZES } from './inputs';
import { benchReport, type ReportBench } from './report';

const WARM_RUNS = 10;
const EDITS = 200;
const root = join(__dirname, '..');
const schemaPath = join(root, 'schemas', 'ai-governance.schema.json');
const YAML_LS = [process.execPath, join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'];

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
  for (let i = 0; i < 5; i++) fn(); // warm-up: let the JIT settle before measuring
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

interface SizeResult {
  lines: number;
  bytes: number;
  floorMs: number;
  engineMs: number;
  engineVsFloor: number;
  openMs: number;
  peerOpenMs: number | null;
  openVsPeer: number | null;
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
  }
  return median(samples);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'ai-gov-bench-'));
  mkdirSync(join(work, 'docs'));
  writeFileSync(join(work, 'docs', 'record.md'), '# 記録\n');
  const engine = createEngine({ fs: new CachedFileSystem() });
  const results: Record<string, unknown> = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', node: process.version, platform: process.platform },
    date: new Date().toISOString(),
    runs: WARM_RUNS,
  };
  const sizes: Record<string, SizeResult> = {};
  const texts = Object.fromEntries(Object.entries(SIZES).map(([k, shape]) => [k, generateRecord(shape)])) as Record<keyof typeof SIZES, string>;

  const ours = await TestClient.start({ folders: [work] });
  const peer = await TestClient.start({ folders: [work], command: YAML_LS, configuration: yamlLsConfiguration });
  try {
    for (const [name, text] of Object.entries(texts)) {
      const path = join(work, `${name}.ai-governance.yaml`);
      progress(`${name}: engine and floor`);
      const floorMs = time(() => parseAllDocuments(text, { lineCounter: new LineCounter() }));
      const engineMs = time(() => engine.check({ path, text, workspaceRoot: work }));
      const runs = name === 'huge' ? 5 : WARM_RUNS;
      progress(`${name}: open→diagnostics`);
      const openMs = await openToDiagnostics(ours, work, name, text, runs);
      let peerOpenMs: number | null = null;
      try {
        peerOpenMs = await openToDiagnostics(peer, work, `peer-${name}`, text, runs);
      } catch (error) {
        process.stderr.write(`yaml-language-server on ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      sizes[name] = {
        lines: text.split('\n').length - 1,
        bytes: Buffer.byteLength(text),
        floorMs,
        engineMs,
        engineVsFloor: engineMs / floorMs,
        openMs,
        peerOpenMs,
        openVsPeer: peerOpenMs ? openMs / peerOpenMs : null,
      };
    }
    results.sizes = sizes;

    progress('edits, hovers, completions on the large file');
    // Edits on the large file: typing in a note, changing a status, adding an item (G-6-1, which the
    // generated record lacks) and taking it out again.
    const large = texts.large;
    const path = join(work, 'edit.ai-governance.yaml');
    ours.open(path, large, 1);
    await ours.until(() => ours.diagnostics.get(uri(path)), 'large file open');
    let version = 1;
    const editMs: number[] = [];
    const lines = large.split('\n');
    const noteLine = lines.findIndex((l) => l.startsWith('      ') && !l.trim().startsWith('-'));
    const statusLine = lines.findIndex((l) => l.startsWith('    status: '));
    const added = ['  G-6-1: # 行動目標1-1～1-3の適時の再実施', '    status: planned', '    owner: AIガバナンス推進室'];
    const at = (line: number, character = 0) => ({ line, character });
    for (let i = 0; i < EDITS; i++) {
      version++;
      let change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
      if (i % 3 === 0) {
        change = { range: { start: at(noteLine, 6), end: at(noteLine, 6) }, text: 'あ' };
        lines[noteLine] = `      あ${lines[noteLine].slice(6)}`;
      } else if (i % 3 === 1) {
        const current = lines[statusLine].slice('    status: '.length);
        const next = current === 'planned' ? 'partial' : 'planned';
        lines[statusLine] = `    status: ${next}`;
        change = { range: { start: at(statusLine, 12), end: at(statusLine, 12 + current.length) }, text: next };
      } else {
        const end = lines.length - 1; // the empty string after the final newline
        if (lines[end - added.length] === added[0]) {
          change = { range: { start: at(end - added.length), end: at(end) }, text: '' };
          lines.splice(end - added.length, added.length);
        } else {
          change = { range: { start: at(end), end: at(end) }, text: added.join('\n') + '\n' };
          lines.splice(end, 0, ...added);
        }
      }
      const start = performance.now();
      void ours.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(path), version }, contentChanges: [change] });
      await ours.until(() => ours.diagnostics.get(uri(path))?.version === version, `edit ${i}`, 60_000);
      editMs.push(performance.now() - start);
    }
    const current = lines.join('\n');
    const broken = ours.diagnostics.get(uri(path))?.diagnostics.filter((d) => d.code === 'yaml-syntax') ?? [];
    if (broken.length) throw new Error(`the edits broke the YAML: ${broken.map((d) => d.message).join('; ')}`);
    results.editLarge = { edits: EDITS, p50Ms: percentile(editMs, 50), p95Ms: percentile(editMs, 95) };

    const itemLines = current.split('\n').flatMap((l, i) => (/^ {2}[CDPUHG]-/.test(l) ? [i] : []));
    const hoverMs: number[] = [];
    const completionMs: number[] = [];
    for (let i = 0; i < 200; i++) {
      const line = itemLines[i % itemLines.length];
      let start = performance.now();
      await ours.request('textDocument/hover', { textDocument: { uri: uri(path) }, position: { line, character: 3 } });
      hoverMs.push(performance.now() - start);
      start = performance.now();
      await ours.request('textDocument/completion', { textDocument: { uri: uri(path) }, position: { line, character: 2 } });
      completionMs.push(performance.now() - start);
    }
    results.hoverLarge = { p50Ms: percentile(hoverMs, 50), p95Ms: percentile(hoverMs, 95) };
    results.completionLarge = { p50Ms: percentile(completionMs, 50), p95Ms: percentile(completionMs, 95) };

    // The light bulb on items: of the typical record, which is asked about every missing item at once.
    const typicalPath = join(work, 'actions.ai-governance.yaml');
    ours.open(typicalPath, texts.typical, 1);
    const published = await ours.until(() => ours.diagnostics.get(uri(typicalPath)), 'typical file open');
    const itemsLine = texts.typical.split('\n').indexOf('items:');
    const onItems = published.diagnostics.filter((d) => d.range.start.line === itemsLine);
    const actionMs: number[] = [];
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      await ours.request('textDocument/codeAction', { textDocument: { uri: uri(typicalPath) }, range: onItems[0].range, context: { diagnostics: onItems } });
      actionMs.push(performance.now() - start);
    }
    results.codeActionsTypical = { findings: onItems.length, p50Ms: percentile(actionMs, 50), p95Ms: percentile(actionMs, 95) };
    results.serverPeakRssMB = peakRssMB(ours.process.pid);
    results.peerPeakRssMB = peakRssMB(peer.process.pid);
  } finally {
    await ours.stop();
    await peer.stop();
  }

  progress('workspace scan of 1,000 records');
  // Workspace scan: 1,000 unopened records, initialize → the last diagnostics.
  const ws = join(work, 'workspace');
  const record = texts.typical;
  for (let i = 0; i < 1000; i++) {
    const dir = join(ws, `team-${String(i).padStart(4, '0')}`);
    mkdirSync(join(dir, 'docs'), { recursive: true });
    writeFileSync(join(dir, 'docs', 'record.md'), '# 記録\n');
    writeFileSync(join(dir, 'ai-governance.yaml'), record);
  }
  const scanStart = performance.now();
  const scanner = await TestClient.start({ folders: [ws] });
  try {
    await scanner.until(() => scanner.diagnostics.size >= 1000, '1,000 records', 300_000);
    results.workspaceScan = { files: 1000, ms: performance.now() - scanStart, serverPeakRssMB: peakRssMB(scanner.process.pid) };
  } finally {
    await scanner.stop();
  }
  progress('report of 1,000 records');
  results.report = await benchReport(ws, 1000);
  rmSync(work, { recursive: true, force: true });

  writeFileSync(join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(table(results));
}

function ms(value: unknown): string {
  return typeof value === 'number' ? `${value.toFixed(value < 10 ? 2 : 0)} ms` : '—';
}

function ratio(value: unknown): string {
  return typeof value === 'number' ? `${value.toFixed(2)}×` : '—';
}

function table(r: Record<string, unknown>): string {
  const sizes = r.sizes as Record<string, SizeResult>;
  const machine = r.machine as { cpus: number; node: string; cpuModel: string };
  const edit = r.editLarge as { p50Ms: number; p95Ms: number };
  const hover = r.hoverLarge as { p95Ms: number };
  const completion = r.completionLarge as { p95Ms: number };
  const actions = r.codeActionsTypical as { findings: number; p95Ms: number };
  const scan = r.workspaceScan as { ms: number; serverPeakRssMB: number | null };
  const rows = Object.entries(sizes).map(
    ([name, s]) =>
      `| ${name} | ${s.lines} | ${(s.bytes / 1024).toFixed(0)} KB | ${ms(s.floorMs)} | ${ms(s.engineMs)} | ${ratio(s.engineVsFloor)} | ${ms(s.openMs)} | ${ms(s.peerOpenMs)} | ${ratio(s.openVsPeer)} |`,
  );
  return [
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}. Medians of ${r.runs} warm runs.`,
    '',
    '| input | lines | size | yaml parse (floor) | engine check | check / floor | open→diagnostics (ours) | open→diagnostics (yaml-language-server) | ours / peer |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    '| measure | value |',
    '| --- | ---: |',
    `| edit→diagnostics on the large file, p50 / p95 (200 edits, debounce included) | ${ms(edit.p50Ms)} / ${ms(edit.p95Ms)} |`,
    `| hover p95 (large file) | ${ms(hover.p95Ms)} |`,
    `| completion p95 (large file) | ${ms(completion.p95Ms)} |`,
    `| code actions p95, light bulb on items: of the typical record (${actions.findings} findings) | ${ms(actions.p95Ms)} |`,
    `| workspace scan, 1,000 unopened records → last diagnostics | ${ms(scan.ms)} |`,
    `| server peak RSS (editing session / 1,000-file scan) | ${r.serverPeakRssMB ?? '—'} MB / ${scan.serverPeakRssMB ?? '—'} MB |`,
    `| yaml-language-server peak RSS | ${r.peerPeakRssMB ?? '—'} MB |`,
    ...reportRows(r.report as ReportBench | undefined),
  ].join('\n');
}

function reportRows(report: ReportBench | undefined): string[] {
  if (!report) return [];
  return (Object.keys(report.ms) as Array<keyof ReportBench['ms']>).map((format) => `| \`report -f ${format}\` of ${report.files.toLocaleString('en')} records (read, check, report, write) | ${ms(report.ms[format])} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
