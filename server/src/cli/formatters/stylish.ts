/** Human output in ESLint's "stylish" layout: a block per file, `line:col severity message code`, a summary. */
import type { Severity } from '../../engine';
import type { Paint } from '../io';
import { countBySeverity, type ReportContext } from '../report';
import type { StreamingFormatter } from './index';
import { TEXT } from '../text';

export interface StylishOptions {
  paint: Paint;
  /** only errors */
  quiet: boolean;
}

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

export function stylishFormatter(context: ReportContext, { paint, quiet }: StylishOptions): StreamingFormatter {
  const text = TEXT[context.language];
  const colour: Record<Severity, (s: string) => string> = { error: paint.red, warning: paint.yellow, information: paint.blue, hint: paint.dim };
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  let shownCount = 0;
  let files = 0;
  return {
    head: () => '',
    file(file) {
      files++;
      const diagnostics = file.diagnostics.filter((d) => !quiet || d.severity === 'error');
      if (diagnostics.length === 0) return '';
      const fileCounts = countBySeverity(diagnostics);
      for (const severity of Object.keys(counts) as Severity[]) counts[severity] += fileCounts[severity];
      shownCount += diagnostics.length;
      const rows = diagnostics.map((d) => ({ d, position: `${d.range.start.line + 1}:${d.range.start.character + 1}` }));
      const width = Math.max(...rows.map((r) => r.position.length));
      const out = [paint.underline(file.path)];
      for (const { d, position } of rows) {
        const severity = colour[d.severity](LABEL[d.severity].padEnd(7));
        out.push(`  ${paint.dim(position.padEnd(width))}  ${severity}  ${d.message.replace(/\r?\n/g, ' ')}  ${paint.dim(d.code)}`);
      }
      return out.join('\n') + '\n\n';
    },
    tail() {
      if (shownCount > 0) {
        const mark = counts.error > 0 ? paint.red('✖') : counts.warning > 0 ? paint.yellow('⚠') : paint.blue('ℹ');
        return paint.bold(`${mark} ${text.problems(shownCount, counts)}`) + '\n';
      }
      return quiet ? '' : `${paint.green('✔')} ${text.clean(files)}\n`;
    },
  };
}
