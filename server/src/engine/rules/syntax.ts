/** yaml-syntax, multiple-documents, unsupported-yaml: what the parser could not read. */
import type { Rule } from './context';

export const syntaxRule: Rule = ({ record, report }) => {
  for (const problem of record.parsed.problems) {
    const { start, end } = problem;
    switch (problem.kind) {
      case 'syntax':
        report({ code: 'yaml-syntax', start, end, params: { detail: problem.message }, data: {} });
        break;
      case 'binary':
        report({ code: 'yaml-syntax', start, end, params: { detail: 'binary content (NUL bytes) / バイナリ' }, data: {} });
        break;
      case 'multiple-documents':
        report({ code: 'multiple-documents', start, end, params: {}, data: {} });
        break;
      case 'too-deep':
        report({ code: 'unsupported-yaml', start, end, params: { detail: 'nesting too deep / 入れ子が深すぎます' }, data: {} });
        break;
      case 'unsupported':
        report({ code: 'unsupported-yaml', start, end, params: { detail: `${problem.message} / 複合キー` }, data: {} });
        break;
    }
  }
};
