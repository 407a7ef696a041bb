/** The Markdown tables of `npm run bench`: every figure beside its target, met or missed and by how much. */
import type { BenchResults } from './results';

function ms(value: number | null | undefined): string {
  if (typeof value !== 'number') return '—';
  return value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value).toLocaleString('en')} ms`;
}

function ratio(value: number | null | undefined): string {
  return typeof value === 'number' ? `${value.toFixed(2)}×` : '—';
}

/** "met" or "**missed** by N%", for a figure that should be at most `limit`. */
export function verdict(value: number | null | undefined, limit: number): string {
  if (typeof value !== 'number') return 'not measured';
  if (value <= limit) return 'met';
  return `**missed** by ${Math.round((value / limit - 1) * 100)} %`;
}

/** Which inputs a size target applies to: ~2,000 and ~20,000 lines. */
function sizeClass(lines: number): '2k' | '20k' | null {
  if (lines >= 1500 && lines <= 2500) return '2k';
  if (lines >= 15000) return '20k';
  return null;
}

export function table(r: Partial<BenchResults>): string {
  const { inputs = {}, machine, scans, storm, codeActionsTypical: actions, report } = r;
  const out: string[] = [`Machine: ${machine?.cpus} CPUs (${machine?.cpuModel}), Node ${machine?.node}.`, ''];
  out.push(
    '| input | lines | size | findings | yaml parse (floor) | engine check | engine keystroke (incremental) | open→diagnostics ours | peer | peer without its 200 ms delay | ours / peer (without delay) | target ≤ 0.5× |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const [name, s] of Object.entries(inputs)) {
    const target = sizeClass(s.lines) ? verdict(s.openVsPeer, 0.5) : '—';
    out.push(
      `| ${name} | ${s.lines.toLocaleString('en')} | ${Math.round(s.bytes / 1024).toLocaleString('en')} KB | ${s.findings.toLocaleString('en')} | ${ms(s.floorMs)} | ${ms(s.engineMs)} | ${ms(s.incrementalMs)} | ${ms(s.openMs)} | ${ms(s.peerOpenMs)} | ${ms(s.peerOpenNoDelayMs)} | ${ratio(s.openVsPeer)} (${ratio(s.openVsPeerNoDelay)}) | ${target} |`,
    );
  }
  out.push(
    '',
    '| input | edit inside an entry p50 / p95 | target p95 | add / remove an entry p50 / p95 | top-level edit p50 / p95 | hover / completion p95 while typing | target ≤ 5 ms | diagnostics JSON | server peak RSS | target |',
    '| --- | ---: | --- | ---: | ---: | ---: | --- | ---: | ---: | --- |',
  );
  for (const [name, s] of Object.entries(inputs)) {
    const size = sizeClass(s.lines);
    const editTarget = size === '2k' ? `≤ 30 ms: ${verdict(s.edits.inside.p95Ms, 30)}` : size === '20k' ? `≤ 50 ms: ${verdict(s.edits.inside.p95Ms, 50)}` : '—';
    const hover = verdict(Math.max(s.hoverWhileTypingP95Ms, s.completionWhileTypingP95Ms), 5);
    const rss = size === '20k' ? `≤ 150 MB: ${verdict(s.serverPeakRssMB, 150)}` : '—';
    out.push(
      `| ${name} | ${ms(s.edits.inside.p50Ms)} / ${ms(s.edits.inside.p95Ms)} | ${editTarget} | ${ms(s.edits.addRemove.p50Ms)} / ${ms(s.edits.addRemove.p95Ms)} | ${ms(s.edits.topLevel.p50Ms)} / ${ms(s.edits.topLevel.p95Ms)} | ${ms(s.hoverWhileTypingP95Ms)} / ${ms(s.completionWhileTypingP95Ms)} | ${hover} | ${s.diagnosticsJsonKB.toLocaleString('en')} KB | ${s.serverPeakRssMB ?? '—'} MB | ${rss} |`,
    );
  }
  out.push('', '| workspace | server scan → last diagnostics | target | server peak RSS | target | typing during the scan: edit / hover p95 | CLI `check -f json` | CLI peak RSS | target |', '| --- | ---: | --- | ---: | --- | ---: | ---: | ---: | --- |');
  for (const s of Object.values(scans ?? {})) {
    const [timeLimit, rssLimit] = s.files >= 5000 ? [10_000, 250] : [2_000, 200];
    out.push(
      `| ${s.files.toLocaleString('en')} records | ${ms(s.serverMs)} | ≤ ${timeLimit / 1000} s: ${verdict(s.serverMs, timeLimit)} | ${s.serverPeakRssMB ?? '—'} MB | ≤ ${rssLimit} MB: ${verdict(s.serverPeakRssMB, rssLimit)} | ${ms(s.editDuringScanP95Ms)} / ${ms(s.hoverDuringScanP95Ms)} | ${ms(s.cliMs)} | ${s.cliPeakRssMB ?? '—'} MB | ≤ 300 MB: ${verdict(s.cliPeakRssMB, 300)} |`,
    );
  }
  if (report) {
    out.push('', `| report of ${report.files.toLocaleString('en')} records (built CLI) | json | html | md | xlsx |`, '| --- | ---: | ---: | ---: | ---: |');
    const formats = ['json', 'html', 'md', 'xlsx'] as const;
    out.push(`| wall time | ${formats.map((f) => ms(report.ms[f])).join(' | ')} |`);
    out.push(`| target ≤ 5 s | ${formats.map((f) => verdict(report.ms[f], 5_000)).join(' | ')} |`);
    out.push(`| peak RSS | ${formats.map((f) => `${report.peakRssMB[f] ?? '—'} MB`).join(' | ')} |`);
  }
  out.push('');
  if (storm) out.push(`A storm of ${storm.changes.toLocaleString('en')} changes to findings-20k sent at once: the diagnostics of the last version (${storm.lastVersion}) after ${ms(storm.ms)}, ${storm.published} publications in all.`);
  if (actions) out.push(`Code actions p95, the light bulb on \`items:\` of the typical record (${actions.findings} findings): ${ms(actions.p95Ms)}.`);
  if (r.peerPeakRssMB !== undefined) out.push(`yaml-language-server peak RSS: ${r.peerPeakRssMB ?? '—'} MB.`);
  return out.join('\n');
}
