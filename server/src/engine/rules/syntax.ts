/**
 * yaml-syntax, multiple-documents, unsupported-yaml: what the parser could not read (messages of the
 * yaml library stay English), and an alias expansion too large to validate.
 */
import { plainData } from '../plainData';
import { clipParam, PARAM_LIMIT, type RuleModule } from './context';

type Code = 'yaml-syntax' | 'multiple-documents' | 'unsupported-yaml';

const HEAD = 'apiVersion: ai-governance/v1\n';

const UNREAD: readonly string[] = ['yaml-syntax', 'unsupported-yaml'] satisfies Code[];

/** True for the codes that say part of a record could not be read (the overview marks it incomplete and says why). */
export function isUnreadPart(code: string): boolean {
  return UNREAD.includes(code);
}

export const syntaxRule: RuleModule<Code> = {
  name: 'syntax',
  codes: {
    'yaml-syntax': {
      severity: 'error',
      verdict: { ja: 'YAML の構文エラー', en: 'YAML syntax error' },
      message: { ja: (p) => `YAML の構文エラー: ${p.detail}`, en: (p) => `YAML syntax error: ${p.detailEn ?? p.detail}` },
      docs: {
        title: { ja: 'YAML の構文エラー', en: 'YAML syntax error' },
        summary: { ja: 'YAML として読めない（またはバイナリ）', en: 'the file is not valid YAML (or is binary)' },
        description: {
          ja: 'ファイルを YAML として読めません。読めない部分以降は検査されません。YAML 仕様どおりに厳密に読みます（コメントの # の前には空白が必要、暗黙のキーは 1,024 文字まで など）。同じマッピングに同じキーが 2 回ある場合と、バイナリ（NUL バイトを含む）もここで報告します。',
          en: 'The file cannot be read as YAML; what follows the error is not checked. It is read strictly, as the YAML spec says (a `#` comment needs a space before it, an implicit key is at most 1,024 characters, …), as other YAML tools read it. The same key twice in one mapping, and binary content (NUL bytes), are reported here too.',
        },
        fix: {
          ja: 'インデント、コロンの後の空白、引用符の閉じ忘れを確認してください。重複したキーは意図する方を残します。',
          en: 'Check indentation, the space after each colon, and unclosed quotes; of a repeated key keep the one you mean.',
        },
        example: {
          yaml: `${HEAD}roles: [developer   # ← missing ]\nitems:\n  D-7 ii:\n    status: planned\n`,
          fixed: `${HEAD}roles: [developer]\nitems:\n  D-7 ii:\n    status: planned\n`,
        },
      },
    },
    'multiple-documents': {
      severity: 'error',
      verdict: { ja: 'YAML ドキュメントが複数あります', en: 'Extra YAML document' },
      message: {
        ja: () => 'YAML ドキュメントが複数あります: 2 つ目の --- 以降は検査されません（1 ファイルに 1 ドキュメント）',
        en: () => 'Extra YAML document: everything after the second --- is not checked (one document per file)',
      },
      docs: {
        title: { ja: '複数の YAML ドキュメント', en: 'More than one YAML document' },
        summary: { ja: 'YAML ドキュメントが複数ある', en: 'more than one YAML document' },
        description: {
          ja: 'ガバナンスファイルは YAML ドキュメントを 1 つだけ持ちます。2 つ目の --- 以降は検査されません。',
          en: 'A governance file holds one YAML document; everything after the second --- is ignored.',
        },
        fix: {
          ja: '余分な --- を削除するか、別のファイル（*.ai-governance.yaml）に分けてください。',
          en: 'Remove the extra ---, or move the second document to its own *.ai-governance.yaml file.',
        },
        example: { yaml: `${HEAD}roles: [developer]\n---   # ← a second document\n${HEAD}`, fixed: `${HEAD}roles: [developer]\n` },
      },
    },
    'unsupported-yaml': {
      severity: 'error',
      verdict: { ja: '扱えない YAML です', en: 'Unsupported YAML' },
      message: { ja: (p) => `扱えない YAML です: ${p.detail}`, en: (p) => `Unsupported YAML: ${p.detailEn ?? p.detail}` },
      docs: {
        title: { ja: '扱えない YAML', en: 'Unsupported YAML' },
        summary: { ja: '深すぎる入れ子、大きすぎるエイリアス展開、複合キー', en: 'nesting too deep, alias expansion too large, complex keys' },
        description: {
          ja: '複合キー、深すぎる入れ子（64 段超）、展開が大きすぎるエイリアスなど、ガバナンスファイルとして扱えない YAML です。',
          en: 'YAML the checker does not accept in a governance file: complex keys, nesting deeper than 64 levels, aliases that expand too far.',
        },
        fix: { ja: '単純なキーと値で書き直してください。', en: 'Write plain keys and values.' },
        example: {
          yaml: `${HEAD}roles: [developer]\n? [a, b]   # ← a complex (non-scalar) key\n: complex key\n`,
          fixed: `${HEAD}roles: [developer]\nx-note: plain key\n`,
        },
      },
    },
  },
  check({ record, report }) {
    for (const problem of record.parsed.problems) {
      const { start, end } = problem;
      switch (problem.kind) {
        case 'syntax':
          report({ code: 'yaml-syntax', start, end, params: { detail: problem.message }, data: {} });
          break;
        case 'binary':
          report({ code: 'yaml-syntax', start, end, params: { detail: 'バイナリ（NUL バイトを含む）です', detailEn: 'binary content (NUL bytes)' }, data: {} });
          break;
        case 'duplicate-key': {
          // the detail around the key is a parameter too: the key leaves it room within PARAM_LIMIT
          const key = clipParam(problem.key ?? '', PARAM_LIMIT - 50);
          report({ code: 'yaml-syntax', start, end, params: { detail: `キー「${key}」が同じマッピングに 2 回あります`, detailEn: `the key "${key}" appears twice in the same mapping` }, data: {} });
          break;
        }
        case 'extra-document':
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
    const root = record.parsed.root;
    if (root && plainData(record)?.ok === false) {
      report({ code: 'unsupported-yaml', start: root.start, end: root.start + 1, params: { detail: 'エイリアスの展開が大きすぎます', detailEn: 'alias expansion too large' }, data: {} });
    }
  },
};
