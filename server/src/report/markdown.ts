/** The Markdown report: GitHub-flavoured tables, for pull requests and wikis. */
import type { CoverageSummary, MessageLanguage, RecordReport, ReportDocument } from '../engine';
import { REPORT_TEXT, type ReportText } from './text';

/** A table cell: pipes escaped, line breaks as <br>, HTML kept as text. */
function cell(value: string | undefined | null): string {
  if (value === undefined || value === null || value === '') return '';
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function summaryRow(T: ReportText, label: string, s: CoverageSummary): string[] {
  return [cell(label), String(s.required), String(s.done), T.percent(s.done, s.required), String(s.implemented), String(s.partial), String(s.planned), String(s.notApplicable), String(s.missing)];
}

function summaryHead(T: ReportText, first: string): string[] {
  return [first, T.required, T.done, '%', T.states.implemented, T.states.partial, T.states.planned, T.states['not-applicable'], T.states.missing];
}

function quote(lines: readonly string[]): string {
  return lines.map((l) => (l.startsWith('  ') ? `・${l.trim()}` : l)).join('\n');
}

function recordMarkdown(record: RecordReport, T: ReportText, language: MessageLanguage): string {
  const out: string[] = [];
  const org = record.cover.organization;
  out.push(`## ${cell(org.name ?? record.path)} — ${cell(record.path)}`);
  out.push(
    table(
      ['', ''],
      [
        [T.organization, cell(org.name ?? T.notStated)],
        [T.accountable, cell(org.accountable ?? T.notStated)],
        [T.contact, cell(org.contact ?? T.notStated)],
        [T.roles, record.cover.roles.map((r) => T.role(r)).join('、') || T.notStated],
        [T.advancedAI, record.cover.advancedAI ? T.yes : T.no],
        [T.edition, cell(record.cover.edition ?? T.notStated)],
        [T.record, `\`${cell(record.path)}\``],
        [T.commit, record.commit ? `\`${record.commit}\`` : T.none],
        [T.sha256, `\`${record.sha256}\``],
      ],
    ),
  );
  if (record.unreadable.length) {
    out.push(`### ⚠ ${T.unreadable}`, T.unreadableNote, table([T.line, T.findings], record.unreadable.map((f) => [String(f.line), cell(f.message)])));
  }
  out.push(`### ${T.summary}`, table(summaryHead(T, ''), [summaryRow(T, T.required, record.summary)]));
  if (record.principles.length) out.push(`#### ${T.byPrinciple}`, table(summaryHead(T, T.group), record.principles.map((p) => summaryRow(T, `${p.id} ${language === 'ja' ? p.title : p.titleEn}`, p.summary))));
  if (record.roles.length) out.push(`#### ${T.byRole}`, table(summaryHead(T, T.roles), record.roles.map((r) => summaryRow(T, T.role(r.role), r.summary))));
  if (record.systems.length) out.push(`#### ${T.bySystem}`, table(summaryHead(T, T.system), record.systems.map((s) => summaryRow(T, s.id, s.summary))));

  out.push(`### ${T.checklist}`, T.checklistNote);
  out.push(
    table(
      [T.id, T.item, T.text, T.word, T.state, T.owner, T.evidence, T.reviewed, T.justification, T.note, T.findings],
      record.items.map((i) => [
        `**${i.id}**`,
        cell(language === 'ja' ? i.title : `${i.title}<br>${i.titleEn}`),
        `${cell(quote(i.text))}<br><sub>${cell(i.citation)}</sub>`,
        `${cell(i.word)} (${T.requirements[i.requirement]})`,
        `${i.done ? '✅ ' : i.state === 'missing' ? '❌ ' : ''}${T.states[i.state]}${i.coveredBy ? `<br>${T.coveredBy}: ${i.coveredBy.join(', ')}` : ''}${i.missingSubItems ? `<br>${T.missingSubItems}: ${i.missingSubItems.join(', ')}` : ''}`,
        cell(i.owner),
        i.evidence.paths.map((p) => (/^https:\/\//.test(p) ? `<${cell(p)}>` : `\`${cell(p)}\``)).join('<br>') + (i.evidence.state === 'broken' ? ' ⚠' : ''),
        cell(i.reviewed) + (i.review !== 'fresh' && i.review !== 'never' ? ` (${T.reviews[i.review]})` : ''),
        cell(i.justification),
        cell(i.note),
        i.findings.map((f) => cell(`${f.severity}: ${f.message} [${f.code}]`)).join('<br>'),
      ]),
    ),
  );
  out.push(`### ${T.waivers}`, record.waivers.length ? table([T.id, T.item, T.justification, T.approvedBy, T.until], record.waivers.map((w) => [w.id, cell(w.title), cell(w.justification ?? T.notStated), cell(w.approvedBy), cell(w.until)])) : T.nothing);
  out.push(`### ${T.staleReviews}`, record.staleReviews.length ? table([T.id, T.item, T.reviewed, T.state], record.staleReviews.map((s) => [s.id, cell(s.title), cell(s.reviewed), T.reviews[s.review]])) : T.nothing);
  out.push(`### ${T.brokenEvidence}`, record.brokenEvidence.length ? table([T.id, T.evidence, T.findings], record.brokenEvidence.map((b) => [b.id, b.paths.map((p) => `\`${cell(p)}\``).join('<br>'), b.findings.map((f) => cell(f.message)).join('<br>')])) : T.nothing);
  if (record.systems.length) {
    out.push(
      `### ${T.systems}`,
      table(
        [T.id, T.name, T.roles, T.kinds, T.safeguards, T.missingSafeguards],
        record.systems.map((s) => [s.id, cell(s.name), s.roles.join(', '), s.kinds.map((k) => T.kind(k)).join('、'), s.safeguards.join(', '), s.missingSafeguards.join(', ')]),
      ),
    );
  }
  if (record.advancedChecks) {
    out.push(
      `### ${T.advancedChecks}`,
      T.advancedChecksNote,
      table(
        ['', T.id, T.question, T.state, T.owner, T.answer, T.evidence],
        record.advancedChecks.map((c) => [c.number, c.id, `${cell(c.question)}<br><sub>${cell(c.citation)}</sub>`, T.states[c.state], cell(c.owner), cell(c.answer), c.evidence.map((p) => `\`${cell(p)}\``).join('<br>')]),
      ),
    );
  }
  if (record.otherFindings.length) out.push(`### ${T.otherFindings}`, table([T.line, T.findings], record.otherFindings.map((f) => [String(f.line), cell(`${f.severity}: ${f.message} [${f.code}]`)])));
  out.push(`### ${T.signOff}`, table([T.preparedBy, T.checkedBy, T.approvedBySign, T.date], [['　', '　', '　', '　']]));
  return out.join('\n\n');
}

/** The Markdown report a record at a time (see htmlChunks). */
export function* markdownChunks(document: ReportDocument, language: MessageLanguage): Generator<string> {
  const T = REPORT_TEXT[language];
  yield `# ${T.title}\n\n`;
  yield `${T.generated}: ${document.generated} · ${T.tool}: ${document.tool.name} ${document.tool.version} · ${T.catalog}: ${document.tool.catalog.edition} / ${document.tool.catalog.update}`;
  for (const record of document.records) yield '\n\n' + recordMarkdown(record, T, language);
  yield '\n';
}

