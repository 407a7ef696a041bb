/** yaml-syntax, multiple-documents, unsupported-yaml: what the parser could not read (messages of the yaml library stay English). */
import type { Rule } from './context';

export const syntaxRule: Rule = ({ record, report }) => {
  for (const problem of record.parsed.problems) {
    const { start, end } = problem;
    switch (problem.kind) {
      case 'syntax':
        report({ code: 'yaml-syntax', start, end, params: { detail: problem.message }, data: {} });
        break;
      case 'binary':
        report({ code: 'yaml-syntax', start, end, params: { detail: 'バイナリ（NUL バイトを含む）です', detailEn: 'binary content (NUL bytes)' }, data: {} });
        break;
      case 'duplicate-key':
        report({ code: 'yaml-syntax', start, end, params: { detail: `キー「${problem.key}」が同じマッピングに 2 回あります`, detailEn: `the key "${problem.key}" appears twice in the same mapping` }, data: {} });
        break;
      case 'multiple-documents':
        report({ code: 'multiple-documents', start, end, params: {}, data: {} });
        break;
      case 'too-deep':
        report({ code: 'unsupported-yaml', start, end, params: { detail: '入れ子が深すぎます', detailEn: 'nesting too deep' }, data: {} });
        break;
      case 'unsupported':
        report({ code: 'unsupported-yaml', start, end, params: { detail: '複合キー（スカラー以外のキー）は使えません', detailEn: 'complex (non-scalar) keys are not supported' }, data: {} });
        break;
    }
  }
};
