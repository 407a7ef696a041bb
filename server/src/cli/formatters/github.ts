/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's
 * diff (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`).
 */
import type { Severity } from '../../engine';
import { RULE_DOCS } from '../rules';
import type { ReportContext } from '../report';
import type { StreamingFormatter } from './index';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escaping of the message part (github/actions toolkit `escapeData`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value (`escapeProperty`): also `:` and `,`, which separate properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubFormatter(context: ReportContext): StreamingFormatter {
  return {
    head: () => '',
    file(file) {
      const lines: string[] = [];
      for (const d of file.diagnostics) {
        const title = `${RULE_DOCS[d.code]?.title[context.language] ?? d.code} (${d.code})`;
        const properties = [
          `file=${escapeProperty(file.path)}`,
          `line=${d.range.start.line + 1}`,
          `col=${d.range.start.character + 1}`,
          `endLine=${d.range.end.line + 1}`,
          `endColumn=${d.range.end.character + 1}`,
          `title=${escapeProperty(title)}`,
        ];
        lines.push(`::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(d.message)}\n`);
      }
      return lines.join('');
    },
    tail: () => '',
  };
}
