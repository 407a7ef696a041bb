/** Human output in ESLint's "stylish" layout: a block per file, `line:col severity message code`, a summary. */
import type { Severity } from '../../engine';
import type { Paint } from '../io';
import type { Counts, Report } from '../report';
import { TEXT } from '../text';

export interface StylishOptions {
  paint: Paint;
  /** only errors */
  quiet: boolean;
}

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

export function formatStylish(report: Report, { paint, quiet }: StylishOptions): string {
  const text = TEXT[report.language];
  const colour: Record<Severity, (s: string) => string> = { error: paint.red, warning: paint.yellow, information: paint.blue, hint: paint.dim };
  const out: string[] = [];
  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const file of report.files) {
    const diagnostics = file.diagnostics.filter((d) => !quiet || d.severity === 'error');
    if (diagnostics.length === 0) continue;
    for (const d of diagnostics) counts[d.severity]++;
    const rows = diagnostics.map((d) => ({ d, position: `${d.range.start.line + 1}:${d.range.start.character + 1}` }));
    const width = Math.max(...rows.map((r) => r.position.length));
    out.push(paint.underline(file.path));
    for (const { d, position } of rows) {
      const severity = colour[d.severity](LABEL[d.severity].padEnd(7));
      out.push(`  ${paint.dim(position.padEnd(width))}  ${severity}  ${d.message.replace(/\r?\n/g, ' ')}  ${paint.dim(d.code)}`);
    }
    out.push('');
  }
  const shown = counts.error + counts.warning + counts.information + counts.hint;
  if (shown > 0) {
    const mark = counts.error > 0 ? paint.red('✖') : counts.warning > 0 ? paint.yellow('⚠') : paint.blue('ℹ');
    out.push(paint.bold(`${mark} ${text.problems(shown, counts)}`));
  } else if (!quiet) {
    out.push(`${paint.green('✔')} ${text.clean(report.files.length)}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}
