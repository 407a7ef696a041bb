/**
 * `report --merge`: the JSON reports of many repositories (each made by its own CI job) rolled
 * into one portfolio view, per repository and per principle. Only the JSON reports are read.
 */
import { newWorkbook } from './excel';
import type { CoverageSummary, MessageLanguage, ReportDocument } from '../engine';
import { escapeHtml as e, htmlPage } from './html';
import { REPORT_TEXT, STATE_COLOURS } from './text';

export interface PortfolioRepository {
  /** the JSON report it comes from (its file name) */
  source: string;
  organization?: string;
  commit: string | null;
  generated: string;
  summary: CoverageSummary;
  records: Array<{ path: string; organization?: string; commit: string | null; summary: CoverageSummary; incomplete: boolean }>;
}

export interface Portfolio {
  tool: ReportDocument['tool'];
  generated: string;
  summary: CoverageSummary;
  repositories: PortfolioRepository[];
  principles: Array<{ id: string; title: string; titleEn: string; summary: CoverageSummary; repositories: number }>;
}

const ZERO: CoverageSummary = { required: 0, implemented: 0, partial: 0, planned: 0, notApplicable: 0, missing: 0, done: 0 };

function add(a: CoverageSummary, b: CoverageSummary): CoverageSummary {
  return {
    required: a.required + b.required,
    implemented: a.implemented + b.implemented,
    partial: a.partial + b.partial,
    planned: a.planned + b.planned,
    notApplicable: a.notApplicable + b.notApplicable,
    missing: a.missing + b.missing,
    done: a.done + b.done,
  };
}

export function buildPortfolio(sources: Array<{ name: string; document: ReportDocument }>, tool: ReportDocument['tool'], generated: string): Portfolio {
  const principles = new Map<string, Portfolio['principles'][number] & { seen: Set<string> }>();
  const repositories = sources.map(({ name, document }) => {
    let summary = { ...ZERO };
    for (const record of document.records) {
      summary = add(summary, record.summary);
      for (const p of record.principles) {
        const entry = principles.get(p.id) ?? { id: p.id, title: p.title, titleEn: p.titleEn, summary: { ...ZERO }, repositories: 0, seen: new Set<string>() };
        entry.summary = add(entry.summary, p.summary);
        entry.seen.add(name);
        entry.repositories = entry.seen.size;
        principles.set(p.id, entry);
      }
    }
    return {
      source: name,
      organization: document.records[0]?.cover.organization.name,
      commit: document.records[0]?.commit ?? null,
      generated: document.generated,
      summary,
      records: document.records.map((r) => ({ path: r.path, organization: r.cover.organization.name, commit: r.commit, summary: r.summary, incomplete: r.incomplete })),
    };
  });
  // Principles first in their own order (C-1 … C-10), then 行動目標, then the rest.
  const order = (id: string) => (id.startsWith('C-') ? Number(id.slice(2)) : id.startsWith('G-') ? 100 + Number(id.slice(2)) : 1000);
  return {
    tool,
    generated,
    summary: repositories.reduce((s, r) => add(s, r.summary), { ...ZERO }),
    repositories,
    principles: [...principles.values()].sort((a, b) => order(a.id) - order(b.id)).map(({ seen: _seen, ...p }) => p),
  };
}

const pct = (s: CoverageSummary) => (s.required === 0 ? '—' : `${Math.round((s.done / s.required) * 100)}%`);

function bar(s: CoverageSummary): string {
  if (s.required === 0) return '';
  let x = 0;
  const rects = (
    [
      ['implemented', s.implemented],
      ['not-applicable', s.notApplicable],
      ['partial', s.partial],
      ['planned', s.planned],
      ['missing', s.missing],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([state, n]) => {
      const w = (n / s.required) * 100;
      const r = `<rect x="${x.toFixed(3)}" width="${w.toFixed(3)}" height="10" fill="${STATE_COLOURS[state]}"/>`;
      x += w;
      return r;
    });
  return `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${s.done}/${s.required}">${rects.join('')}</svg>`;
}

function cells(s: CoverageSummary): string {
  return `<td class="num">${s.required}</td><td class="num">${s.done}</td><td class="num">${s.missing}</td><td class="num">${pct(s)}</td><td class="chart">${bar(s)}</td>`;
}

export function portfolioHtml(portfolio: Portfolio, language: MessageLanguage): string {
  const T = REPORT_TEXT[language];
  const head = (first: string) => `<thead><tr><th>${e(first)}</th><th class="num">${e(T.required)}</th><th class="num">${e(T.done)}</th><th class="num">${e(T.states.missing)}</th><th class="num">%</th><th>${e(T.summary)}</th></tr></thead>`;
  const body = [
    `<h1>${e(T.portfolioTitle)}<small>${e(T.generated)} ${e(portfolio.generated)} · ${e(portfolio.tool.name)} ${e(portfolio.tool.version)}</small></h1>`,
    `<h2>${e(T.summary)}</h2><table>${head('')}<tbody><tr><td>${e(T.required)}</td>${cells(portfolio.summary)}</tr></tbody></table>`,
    `<h2>${e(T.repository)}</h2><table>${head(T.repository)}<tbody>${portfolio.repositories
      .map((r) => `<tr><td><strong>${e(r.organization ?? r.source)}</strong><br><code>${e(r.source)}</code>${r.commit ? `<br><code>${e(r.commit.slice(0, 12))}</code>` : ''}<br><span class="small">${e(T.records)}: ${r.records.length}</span></td>${cells(r.summary)}</tr>`)
      .join('')}</tbody></table>`,
    `<h2>${e(T.byPrinciple)}</h2><table>${head(T.group)}<tbody>${portfolio.principles.map((p) => `<tr><td>${e(p.id)} ${e(language === 'ja' ? p.title : p.titleEn)}</td>${cells(p.summary)}</tr>`).join('')}</tbody></table>`,
    `<h2>${e(T.records)}</h2><table><thead><tr><th>${e(T.repository)}</th><th>${e(T.record)}</th><th class="num">${e(T.required)}</th><th class="num">${e(T.done)}</th><th class="num">${e(T.states.missing)}</th><th class="num">%</th><th>${e(T.summary)}</th></tr></thead><tbody>${portfolio.repositories
      .flatMap((r) => r.records.map((x) => `<tr><td><code>${e(r.source)}</code></td><td><code>${e(x.path)}</code>${x.incomplete ? ` <span class="warn">⚠ ${e(T.unreadable)}</span>` : ''}</td>${cells(x.summary)}</tr>`))
      .join('')}</tbody></table>`,
  ];
  return htmlPage(T.portfolioTitle, `<section class="portfolio">${body.join('\n')}</section>`, language);
}

export function portfolioMarkdown(portfolio: Portfolio, language: MessageLanguage): string {
  const T = REPORT_TEXT[language];
  const c = (v: string) => v.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const row = (label: string, s: CoverageSummary) => `| ${c(label)} | ${s.required} | ${s.done} | ${s.missing} | ${pct(s)} |`;
  const head = (first: string) => [`| ${first} | ${T.required} | ${T.done} | ${T.states.missing} | % |`, '| --- | --- | --- | --- | --- |'];
  return (
    [
      `# ${T.portfolioTitle}`,
      `${T.generated}: ${portfolio.generated} · ${portfolio.tool.name} ${portfolio.tool.version}`,
      `## ${T.repository}`,
      [...head(T.repository), row(T.required, portfolio.summary), ...portfolio.repositories.map((r) => row(`${r.organization ?? ''} (${r.source})`, r.summary))].join('\n'),
      `## ${T.byPrinciple}`,
      [...head(T.group), ...portfolio.principles.map((p) => row(`${p.id} ${language === 'ja' ? p.title : p.titleEn}`, p.summary))].join('\n'),
    ].join('\n\n') + '\n'
  );
}

export async function portfolioXlsx(portfolio: Portfolio, language: MessageLanguage): Promise<Uint8Array> {
  const T = REPORT_TEXT[language];
  const workbook = await newWorkbook();
  const head = [T.required, T.done, T.states.implemented, T.states.partial, T.states.planned, T.states['not-applicable'], T.states.missing];
  const values = (s: CoverageSummary) => [s.required, s.done, s.implemented, s.partial, s.planned, s.notApplicable, s.missing];
  const repos = workbook.addWorksheet(language === 'ja' ? 'リポジトリ別' : 'By repository', { views: [{ state: 'frozen', ySplit: 1 }] });
  repos.addRow([T.repository, T.organization, T.commit, T.records, ...head]).font = { bold: true };
  for (const r of portfolio.repositories) repos.addRow([r.source, r.organization ?? '', r.commit ?? '', r.records.length, ...values(r.summary)]);
  repos.columns.forEach((col, i) => (col.width = i < 3 ? 28 : 11));
  repos.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + portfolio.repositories.length, column: 4 + head.length } };
  const principles = workbook.addWorksheet(language === 'ja' ? '原則別' : 'By principle', { views: [{ state: 'frozen', ySplit: 1 }] });
  principles.addRow([T.group, T.item, T.repository, ...head]).font = { bold: true };
  for (const p of portfolio.principles) principles.addRow([p.id, language === 'ja' ? p.title : p.titleEn, p.repositories, ...values(p.summary)]);
  principles.columns.forEach((col, i) => (col.width = i === 1 ? 30 : 11));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
