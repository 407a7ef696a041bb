/**
 * GitHub-flavoured Markdown for job summaries ($GITHUB_STEP_SUMMARY) and pull-request comments:
 * a verdict line, a table with one row per file (required items done and missing, counts by
 * severity), then the findings of each file. Every value from a record is escaped, so a key such
 * as `a|b` or `<script>` cannot break the table or inject HTML. Long runs are cut at
 * MAX_FINDINGS rows (a PR comment holds 65,536 characters); the counts always cover everything.
 */
import type { MessageLanguage, Severity } from '../../engine';
import { RULE_DOCS, ruleHelpUri } from '../rules';
import { countBySeverity, countsFail, findingCounts, type Counts, type CoverageTotals, type Report } from '../report';
import { TEXT } from '../text';

export const MAX_FINDINGS = 200;

interface MarkdownText {
  heading: string;
  clean(files: number): string;
  failing(severity: Severity): string;
  file: string;
  done: string;
  missing: string;
  incomplete: string;
  severityColumn: string;
  severity: Record<Severity, string>;
  noRecord: string;
  line: string;
  rule: string;
  message: string;
  notChecked: string;
  cut(shown: number, total: number): string;
}

const TEXTS: Record<MessageLanguage, MarkdownText> = {
  en: {
    heading: 'AI governance check',
    clean: (files) => `${files} ${files === 1 ? 'file' : 'files'} checked, no problems`,
    failing: (severity) => `the check fails (findings at or above ${severity})`,
    file: 'File',
    done: 'Required items done',
    missing: 'Missing',
    incomplete: 'partly read',
    severityColumn: 'Severity',
    severity: { error: 'Error', warning: 'Warning', information: 'Information', hint: 'Hint' },
    noRecord: 'not checked',
    line: 'Line',
    rule: 'Rule',
    message: 'Message',
    notChecked: 'Files that could not be checked',
    cut: (shown, total) => `Showing the first ${shown} of ${total} findings; the JSON or SARIF report has them all.`,
  },
  ja: {
    heading: 'AI ガバナンス検査',
    clean: (files) => `${files} ファイルを検査しました。問題はありません`,
    failing: (severity) => `検査は失敗です（${TEXTS.ja.severity[severity]}以上の指摘があります）`,
    file: 'ファイル',
    done: '必要な項目の対応済み',
    missing: '未記載',
    incomplete: '一部のみ読めました',
    severityColumn: '重大度',
    severity: { error: 'エラー', warning: '警告', information: '情報', hint: 'ヒント' },
    noRecord: '未検査',
    line: '行',
    rule: 'ルール',
    message: 'メッセージ',
    notChecked: '検査できなかったファイル',
    cut: (shown, total) => `${total} 件のうち最初の ${shown} 件を表示しています。すべての指摘は JSON または SARIF の出力にあります。`,
  },
};

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', information: 'ℹ️', hint: '💡' };
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/**
 * Text inside a table cell: HTML-special characters as entities, Markdown punctuation
 * backslash-escaped (GFM lets any ASCII punctuation be escaped), `|` escaped so it does not end
 * the cell, line breaks as <br>.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, '<br>');
}

/** A path as inline code; a code span cannot hold a backtick run of its own length, so the fence grows. */
function code(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = value.startsWith('`') || value.endsWith('`') ? ` ${value} ` : value;
  // `|` ends a table cell even inside a code span in GFM, so it is escaped there too.
  return `${fence}${padded.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}${fence}`;
}

/** done (implemented, or not-applicable with a justification) over required, as DESIGN §9 counts it. */
function coverageCells(coverage: CoverageTotals | null, text: MarkdownText): string {
  if (!coverage) return `${text.noRecord} | —`;
  const { done, required, missing } = coverage.summary;
  const share = required === 0 ? '—' : `${done} / ${required} (${Math.floor((done / required) * 100)}%)`;
  return `${share}${coverage.incomplete ? ` (${text.incomplete})` : ''} | ${missing}`;
}

function counts(c: Counts): string {
  return SEVERITIES.map((s) => String(c[s])).join(' | ');
}

export function formatMarkdown(report: Report): string {
  const text = TEXTS[report.language];
  const { problems, ...total } = findingCounts(report);
  const failing = countsFail(total, report.failSeverity) || report.failures.length > 0;
  const out: string[] = [];

  const verdict = problems === 0 ? `✅ ${text.clean(report.files.length)}` : `${failing ? '❌' : '⚠️'} ${TEXT[report.language].problems(problems, total)}`;
  out.push(`### ${text.heading}: ${verdict}`, '');
  if (failing && problems > 0) out.push(text.failing(report.failSeverity), '');

  if (report.files.length > 0) {
    out.push(`| ${text.file} | ${text.done} | ${text.missing} | ${SEVERITIES.map((s) => text.severity[s]).join(' | ')} |`);
    out.push(`| --- | ---: | ---: | ${SEVERITIES.map(() => '---:').join(' | ')} |`);
    for (const file of report.files) out.push(`| ${code(file.path)} | ${coverageCells(file.coverage, text)} | ${counts(countBySeverity(file.diagnostics))} |`);
    out.push('');
  }

  let shown = 0;
  for (const file of report.files) {
    if (file.diagnostics.length === 0 || shown >= MAX_FINDINGS) continue;
    out.push(`#### ${code(file.path)}`, '');
    out.push(`| ${text.line} | ${text.severityColumn} | ${text.rule} | ${text.message} |`);
    out.push('| ---: | --- | --- | --- |');
    for (const d of file.diagnostics) {
      if (shown >= MAX_FINDINGS) break;
      shown++;
      const title = RULE_DOCS[d.code]?.title[report.language] ?? d.code;
      const rule = `[${escapeMarkdown(title)}](${ruleHelpUri(d.code)}) ${code(d.code)}`;
      out.push(`| ${d.range.start.line + 1}:${d.range.start.character + 1} | ${ICON[d.severity]} ${text.severity[d.severity]} | ${rule} | ${escapeMarkdown(d.message)} |`);
    }
    out.push('');
  }
  if (shown < problems) out.push(`_${escapeMarkdown(text.cut(shown, problems))}_`, '');

  if (report.failures.length > 0) {
    out.push(`#### ${text.notChecked}`, '');
    for (const failure of report.failures) out.push(`- ${code(failure.path)}: ${escapeMarkdown(failure.message)}`);
    out.push('');
  }
  return out.join('\n');
}
