/**
 * The HTML report: one self-contained file (inline CSS and SVG, no script, no remote resource),
 * print-ready on A4 (a page break before each record, table headers repeated on every page, page
 * numbers from @page) and readable on screen. Every value is escaped; evidence is shown as text,
 * only https:// evidence becomes a link, and no evidence file is ever read or embedded.
 */
import type { CoverageSummary, ItemState, MessageLanguage, RecordReport, ReportDocument, ReportItem } from '../engine';
import { ITEM_STATES } from '../engine';
import { REPORT_TEXT, STATE_COLOURS, type ReportText } from './text';

export function escapeHtml(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const e = escapeHtml;

const FONT_STACK = `"Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic UI", "Yu Gothic", YuGothic, Meiryo, "Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "IPAexGothic", "IPAPGothic", "IPAGothic", "Segoe UI", system-ui, sans-serif`;

function css(T: ReportText): string {
  return `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; font-size: 10pt; line-height: 1.55; color: #1a1a1a; background: #eef0f3; }
body { margin: 0; padding: 24px; }
main { max-width: 1120px; margin: 0 auto; }
.record, .portfolio { background: #fff; padding: 28px 32px; margin: 0 0 28px; border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
h1 { font-size: 19pt; margin: 0 0 2px; letter-spacing: .02em; }
h1 small { display: block; font-size: 10.5pt; font-weight: normal; color: #555; margin-top: 4px; }
h2 { font-size: 13pt; border-left: 5px solid #1f4e79; padding-left: 8px; margin: 24px 0 8px; break-after: avoid; }
h3 { font-size: 11pt; margin: 16px 0 6px; break-after: avoid; }
p.note { color: #555; font-size: 9pt; margin: 2px 0 8px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; font-size: 8.8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #c8ccd2; padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #e8edf3; font-weight: bold; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.facts { width: auto; min-width: 60%; font-size: 9.5pt; }
table.facts th { width: 10em; }
code, .mono { font-family: "SFMono-Regular", Consolas, "Liberation Mono", "IPAGothic", monospace; font-size: 8.4pt; overflow-wrap: anywhere; }
.quote { margin: 4px 0 0; padding: 3px 0 3px 8px; border-left: 3px solid #b7c4d4; color: #333; font-size: 8.4pt; }
.quote p { margin: 0 0 2px; }
.quote li { margin: 0; }
.quote ul { margin: 0; padding-left: 1.2em; }
.cite { display: block; color: #666; font-size: 7.6pt; margin-top: 2px; }
.badge { display: inline-block; max-width: 100%; padding: 1px 4px; border-radius: 9px; color: #fff; font-size: 7.2pt; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
${ITEM_STATES.map((s) => `.s-${s} { background: ${STATE_COLOURS[s]}; }`).join('\n')}
.s-partial { color: #1a1a1a; }
.warn { color: #b71c1c; }
.box { border: 1px solid #e0a800; background: #fff8e1; padding: 8px 12px; border-radius: 4px; margin: 10px 0; }
.box.error { border-color: #c62828; background: #ffebee; }
.summary { display: flex; gap: 24px; align-items: center; flex-wrap: wrap; break-inside: avoid; }
.legend { display: flex; gap: 12px; flex-wrap: wrap; font-size: 8.6pt; }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: -1px; }
svg.bar { width: 100%; height: 12px; display: block; }
td.chart { width: 34%; vertical-align: middle; }
.id { font-weight: bold; white-space: nowrap; }
.title-en { color: #555; font-size: 8pt; }
.small { font-size: 8pt; color: #444; }
.signoff { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0; margin-top: 8px; break-inside: avoid; }
.signoff div { border: 1px solid #777; height: 72px; padding: 4px 6px; font-size: 9pt; }
.signoff div + div { border-left: none; }
footer.tool { color: #666; font-size: 8pt; margin-top: 16px; }
table.checklist { table-layout: fixed; }
table.checklist th { white-space: normal; }
col.c-id { width: 6.5%; } col.c-item { width: 34.5%; } col.c-word { width: 8.5%; } col.c-state { width: 11%; }
col.c-owner { width: 10.5%; } col.c-evidence { width: 12%; } col.c-notes { width: 17%; }
@page { size: A4; margin: 14mm 11mm 16mm 11mm;
  @bottom-left { content: "${T.title.replace(/"/g, '')}"; font-size: 8pt; color: #666; }
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #666; } }
@media print {
  html { background: #fff; font-size: 9.5pt; }
  body { padding: 0; }
  main { max-width: none; }
  .record, .portfolio { box-shadow: none; border-radius: 0; padding: 0; margin: 0; }
  .record + .record, .portfolio + .record { break-before: page; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
}
`;
}

function bar(s: CoverageSummary): string {
  const total = s.required;
  if (total === 0) return '<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="0"><rect width="100" height="10" fill="#eceff1"/></svg>';
  const parts: Array<[ItemState, number]> = [
    ['implemented', s.implemented],
    ['not-applicable', s.notApplicable],
    ['partial', s.partial],
    ['planned', s.planned],
    ['missing', s.missing],
  ];
  let x = 0;
  const rects = parts
    .filter(([, n]) => n > 0)
    .map(([state, n]) => {
      const w = (n / total) * 100;
      const rect = `<rect x="${x.toFixed(3)}" width="${w.toFixed(3)}" height="10" fill="${STATE_COLOURS[state]}"/>`;
      x += w;
      return rect;
    });
  return `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${s.done}/${s.required}">${rects.join('')}</svg>`;
}

function donut(s: CoverageSummary, T: ReportText): string {
  const r = 42;
  const circumference = 2 * Math.PI * r;
  const share = s.required === 0 ? 0 : s.done / s.required;
  const dash = (share * circumference).toFixed(2);
  return `<svg width="130" height="130" viewBox="0 0 120 120" role="img" aria-label="${e(T.done)} ${s.done}/${s.required}">
<circle cx="60" cy="60" r="${r}" fill="none" stroke="#eceff1" stroke-width="16"/>
<circle cx="60" cy="60" r="${r}" fill="none" stroke="${STATE_COLOURS.implemented}" stroke-width="16" stroke-dasharray="${dash} ${circumference.toFixed(2)}" transform="rotate(-90 60 60)"/>
<text x="60" y="58" text-anchor="middle" font-size="20" font-weight="bold" fill="#1a1a1a">${e(T.percent(s.done, s.required))}</text>
<text x="60" y="76" text-anchor="middle" font-size="9" fill="#555">${e(T.done)} ${s.done}/${s.required}</text>
</svg>`;
}

function legend(T: ReportText): string {
  return `<div class="legend">${ITEM_STATES.map((s) => `<span><i style="background:${STATE_COLOURS[s]}"></i>${e(T.states[s])}</span>`).join('')}</div>`;
}

function summaryTable(T: ReportText, first: string, rows: Array<{ label: string; summary: CoverageSummary }>): string {
  const head = `<tr><th>${e(first)}</th><th class="num">${e(T.required)}</th><th class="num">${e(T.done)}</th><th class="num">${e(T.inProgress)}</th><th class="num">${e(T.states.missing)}</th><th class="num">%</th><th>${e(T.summary)}</th></tr>`;
  const body = rows
    .map(
      ({ label, summary: s }) =>
        `<tr><td>${e(label)}</td><td class="num">${s.required}</td><td class="num">${s.done}</td><td class="num">${s.required - s.done - s.missing}</td><td class="num">${s.missing}</td><td class="num">${e(T.percent(s.done, s.required))}</td><td class="chart">${bar(s)}</td></tr>`,
    )
    .join('');
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function badge(state: ItemState, T: ReportText): string {
  return `<span class="badge s-${state}">${e(T.states[state])}</span>`;
}

function quote(lines: readonly string[]): string {
  const out: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) out.push(`<ul>${list.join('')}</ul>`);
    list = [];
  };
  for (const line of lines) {
    if (line.startsWith('  ')) list.push(`<li>${e(line.trim())}</li>`);
    else {
      flush();
      out.push(`<p>${e(line)}</p>`);
    }
  }
  flush();
  return out.join('');
}

function evidenceHtml(paths: readonly string[]): string {
  return paths.map((p) => (/^https:\/\/[^\s"'<>]+$/.test(p) ? `<a href="${e(p)}"><code>${e(p)}</code></a>` : `<code>${e(p)}</code>`)).join('<br>');
}

function checklistRow(i: ReportItem, T: ReportText, language: MessageLanguage): string {
  const title = `<strong>${e(i.title)}</strong>${language === 'en' ? `<br><span class="title-en">${e(i.titleEn)} (${e(T.unofficial)})</span>` : ''}`;
  const sub = [i.coveredBy ? `${e(T.coveredBy)}: ${e(i.coveredBy.join(', '))}` : '', i.missingSubItems ? `<span class="warn">${e(T.missingSubItems)}: ${e(i.missingSubItems.join(', '))}</span>` : ''].filter(Boolean).join('<br>');
  const notes = [
    i.justification ? `<div><strong>${e(T.justification)}:</strong> ${e(i.justification)}</div>` : '',
    i.approvedBy || i.until ? `<div class="small">${i.approvedBy ? `${e(T.approvedBy)}: ${e(i.approvedBy)} ` : ''}${i.until ? `${e(T.until)}: ${e(i.until)}` : ''}</div>` : '',
    i.note ? `<div><strong>${e(T.note)}:</strong> ${e(i.note)}</div>` : '',
    i.findings.length ? `<div class="small warn">${i.findings.map((f) => `${e(T.line)} ${f.line}: ${e(f.message)} <code>${e(f.code)}</code>`).join('<br>')}</div>` : '',
  ].join('');
  const reviewed = i.reviewed ? `<div class="small">${e(T.reviewed)}: ${e(i.reviewed)}${i.review !== 'fresh' ? ` <span class="warn">(${e(T.reviews[i.review])})</span>` : ''}</div>` : '';
  return `<tr id="item-${e(i.id.replace(/\s+/g, '-'))}">
<td class="id">${e(i.id)}</td>
<td>${title}<div class="quote">${quote(i.text)}<span class="cite">${e(i.citation)}</span></div></td>
<td>${e(i.word)}<br><span class="small">${e(T.requirements[i.requirement])}</span></td>
<td>${badge(i.state, T)}${sub ? `<div class="small">${sub}</div>` : ''}</td>
<td>${e(i.owner ?? '')}${reviewed}</td>
<td>${evidenceHtml(i.evidence.paths)}${i.evidence.state === 'broken' ? ' <span class="warn">⚠</span>' : ''}</td>
<td>${notes}</td>
</tr>`;
}

function factsTable(rows: Array<[string, string]>): string {
  return `<table class="facts"><tbody>${rows.map(([k, v]) => `<tr><th>${e(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

function recordHtml(record: RecordReport, document: ReportDocument, T: ReportText, language: MessageLanguage): string {
  const org = record.cover.organization;
  const or = (v: string | undefined) => (v ? e(v) : `<span class="small">${e(T.notStated)}</span>`);
  const parts: string[] = [];
  parts.push(`<h1>${e(T.title)}<small>${or(org.name)} — <code>${e(record.path)}</code></small></h1>`);
  parts.push(`<h2>${e(T.cover)}</h2>`);
  parts.push(
    factsTable([
      [T.organization, or(org.name)],
      [T.accountable, or(org.accountable)],
      [T.contact, or(org.contact)],
      [T.roles, record.cover.roles.length ? e(record.cover.roles.map((r) => T.role(r)).join('、')) : or(undefined)],
      [T.advancedAI, e(record.cover.advancedAI ? T.yes : T.no)],
      [T.edition, or(record.cover.edition ?? undefined)],
      [T.generated, e(document.generated)],
      [T.tool, e(`${document.tool.name} ${document.tool.version}`)],
      [T.catalog, e(`${document.tool.catalog.edition} / ${document.tool.catalog.update}`)],
      [T.record, `<code>${e(record.path)}</code>`],
      [T.commit, record.commit ? `<code>${e(record.commit)}</code>` : e(T.none)],
      [T.sha256, `<code>${e(record.sha256)}</code>`],
    ]),
  );
  if (record.unreadable.length) {
    parts.push(
      `<div class="box error"><strong>⚠ ${e(T.unreadable)}</strong><p class="note">${e(T.unreadableNote)}</p><ul>${record.unreadable.map((f) => `<li>${e(T.line)} ${f.line}: ${e(f.message)} <code>${e(f.code)}</code></li>`).join('')}</ul></div>`,
    );
  }
  parts.push(`<h2>${e(T.summary)}</h2>`);
  const s = record.summary;
  parts.push(
    `<div class="summary">${donut(s, T)}<div>${factsTable([
      [T.required, String(s.required)],
      [T.done, `${s.done}（${e(T.states.implemented)} ${s.implemented} + ${e(T.states['not-applicable'])} ${s.done - s.implemented}）`],
      [T.states.partial, String(s.partial)],
      [T.states.planned, String(s.planned)],
      [T.states.missing, String(s.missing)],
    ])}${legend(T)}</div></div>`,
  );
  const counted = record.principles.filter((p) => p.summary.required > 0);
  if (counted.length) parts.push(`<h3>${e(T.byPrinciple)}</h3>`, summaryTable(T, T.group, counted.map((p) => ({ label: `${p.id} ${language === 'ja' ? p.title : p.titleEn}`, summary: p.summary }))));
  if (record.roles.length) parts.push(`<h3>${e(T.byRole)}</h3>`, summaryTable(T, T.roles, record.roles.map((r) => ({ label: T.role(r.role), summary: r.summary }))));
  if (record.systems.length) parts.push(`<h3>${e(T.bySystem)}</h3>`, summaryTable(T, T.system, record.systems.map((x) => ({ label: x.name ? `${x.id}（${x.name}）` : x.id, summary: x.summary }))));

  parts.push(`<h2>${e(T.checklist)}</h2><p class="note">${e(T.checklistNote)}</p>`);
  parts.push(
    `<table class="checklist"><colgroup><col class="c-id"><col class="c-item"><col class="c-word"><col class="c-state"><col class="c-owner"><col class="c-evidence"><col class="c-notes"></colgroup><thead><tr><th>${e(T.id)}</th><th>${e(T.item)} / ${e(T.text)}</th><th>${e(T.requirement)}</th><th>${e(T.state)}</th><th>${e(T.owner)} / ${e(T.reviewed)}</th><th>${e(T.evidence)}</th><th>${e(T.justification)} / ${e(T.note)} / ${e(T.findings)}</th></tr></thead><tbody>${record.items.map((i) => checklistRow(i, T, language)).join('')}</tbody></table>`,
  );

  parts.push(`<h2>${e(T.waivers)}</h2>`);
  parts.push(
    record.waivers.length
      ? `<table><thead><tr><th>${e(T.id)}</th><th>${e(T.item)}</th><th>${e(T.justification)}</th><th>${e(T.approvedBy)}</th><th>${e(T.until)}</th></tr></thead><tbody>${record.waivers.map((w) => `<tr><td class="id">${e(w.id)}</td><td>${e(w.title)}</td><td>${w.justification ? e(w.justification) : `<span class="warn">${e(T.notStated)}</span>`}</td><td>${e(w.approvedBy ?? '')}</td><td>${e(w.until ?? '')}</td></tr>`).join('')}</tbody></table>`
      : `<p class="note">${e(T.nothing)}</p>`,
  );
  parts.push(`<h2>${e(T.staleReviews)}</h2>`);
  parts.push(
    record.staleReviews.length
      ? `<table><thead><tr><th>${e(T.id)}</th><th>${e(T.item)}</th><th>${e(T.reviewed)}</th><th>${e(T.state)}</th></tr></thead><tbody>${record.staleReviews.map((x) => `<tr><td class="id">${e(x.id)}</td><td>${e(x.title)}</td><td>${e(x.reviewed ?? '')}</td><td class="warn">${e(T.reviews[x.review])}</td></tr>`).join('')}</tbody></table>`
      : `<p class="note">${e(T.nothing)}</p>`,
  );
  parts.push(`<h2>${e(T.brokenEvidence)}</h2>`);
  parts.push(
    record.brokenEvidence.length
      ? `<table><thead><tr><th>${e(T.id)}</th><th>${e(T.evidence)}</th><th>${e(T.findings)}</th></tr></thead><tbody>${record.brokenEvidence.map((b) => `<tr><td class="id">${e(b.id)}</td><td>${b.paths.map((p) => `<code>${e(p)}</code>`).join('<br>')}</td><td class="warn">${b.findings.map((f) => e(f.message)).join('<br>')}</td></tr>`).join('')}</tbody></table>`
      : `<p class="note">${e(T.nothing)}</p>`,
  );
  if (record.systems.length) {
    parts.push(`<h2>${e(T.systems)}</h2>`);
    parts.push(
      `<table><thead><tr><th>${e(T.id)}</th><th>${e(T.name)}</th><th>${e(T.roles)}</th><th>${e(T.kinds)}</th><th>${e(T.safeguards)}</th><th>${e(T.missingSafeguards)}</th></tr></thead><tbody>${record.systems
        .map(
          (x) =>
            `<tr><td class="id">${e(x.id)}</td><td>${e(x.name ?? '')}</td><td>${e(x.roles.map((r) => (r in { developer: 1, provider: 1, 'business-user': 1 } ? T.role(r as 'developer') : r)).join('、'))}</td><td>${e(x.kinds.map((k) => T.kind(k)).join('、'))}</td><td>${x.safeguards.map((g) => `<code>${e(g)}</code>`).join(' ')}</td><td class="warn">${x.missingSafeguards.map((g) => `<code>${e(g)}</code>`).join(' ')}</td></tr>`,
        )
        .join('')}</tbody></table>`,
    );
  }
  if (record.advancedChecks) {
    parts.push(`<h2>${e(T.advancedChecks)}</h2><p class="note">${e(T.advancedChecksNote)}</p>`);
    parts.push(
      `<table class="advanced"><thead><tr><th></th><th>${e(T.question)}</th><th>${e(T.state)}</th><th>${e(T.owner)}</th><th>${e(T.answer)}</th><th>${e(T.evidence)}</th></tr></thead><tbody>${record.advancedChecks
        .map(
          (c) =>
            `<tr><td class="id">${e(c.number)}<br><span class="small">${e(c.id)}</span></td><td>${e(c.question)}<span class="cite">${e(c.citation)}</span></td><td>${badge(c.state, T)}</td><td>${e(c.owner ?? '')}</td><td>${e(c.answer ?? '')}</td><td>${evidenceHtml(c.evidence)}</td></tr>`,
        )
        .join('')}</tbody></table>`,
    );
  }
  if (record.otherFindings.length) {
    parts.push(`<h2>${e(T.otherFindings)}</h2>`);
    parts.push(`<table><thead><tr><th class="num">${e(T.line)}</th><th>${e(T.findings)}</th></tr></thead><tbody>${record.otherFindings.map((f) => `<tr><td class="num">${f.line}</td><td>${e(f.message)} <code>${e(f.code)}</code></td></tr>`).join('')}</tbody></table>`);
  }
  parts.push(`<h2>${e(T.signOff)}</h2><div class="signoff"><div>${e(T.preparedBy)}</div><div>${e(T.checkedBy)}</div><div>${e(T.approvedBySign)}</div><div>${e(T.date)}</div></div>`);
  parts.push(`<footer class="tool">${e(document.tool.name)} ${e(document.tool.version)} · ${e(T.generated)} ${e(document.generated)} · SHA-256 <code>${e(record.sha256)}</code></footer>`);
  return `<section class="record">${parts.join('\n')}</section>`;
}

/** The page around report sections: head, CSS, nothing loaded from anywhere. */
function pageStart(title: string, language: MessageLanguage): string {
  const T = REPORT_TEXT[language];
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title>
<style>${css(T)}</style>
</head>
<body>
<main>
`;
}

const PAGE_END = `
</main>
</body>
</html>
`;

export function htmlPage(title: string, body: string, language: MessageLanguage): string {
  return pageStart(title, language) + body + PAGE_END;
}

/** The report page a record at a time, so a report of thousands of records is never one string. */
export function* htmlChunks(document: ReportDocument, language: MessageLanguage): Generator<string> {
  const T = REPORT_TEXT[language];
  const first = document.records[0]?.cover.organization.name;
  yield pageStart(first ? `${T.title} — ${first}` : T.title, language);
  for (const [index, record] of document.records.entries()) yield (index ? '\n' : '') + recordHtml(record, document, T, language);
  yield PAGE_END;
}

