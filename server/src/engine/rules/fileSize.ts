/**
 * file-too-large: a file over the size limit is reported on its first line and never parsed, so
 * this finding is made before any rule runs (by `tooLargeDiagnostic`, for the server, the scan
 * worker and the CLI alike); the module's check has nothing to look at.
 */
import type { CheckSettings, EngineDiagnostic } from '../types';
import type { RuleModule } from './context';

type Code = 'file-too-large';

export const fileSizeRule: RuleModule<Code> = {
  name: 'file size',
  codes: {
    'file-too-large': {
      severity: 'error',
      verdict: { ja: 'ファイルが大きすぎます', en: 'File too large' },
      message: {
        ja: (p) => `ファイルが大きすぎます: ${p.size} バイト（上限 ${p.limit} バイト、設定 aiGovernance.maxFileSizeKB）のため検査しません`,
        en: (p) => `File too large to check: ${p.size} bytes (limit ${p.limit} bytes; setting aiGovernance.maxFileSizeKB)`,
      },
      docs: {
        title: { ja: 'ファイルが大きすぎる', en: 'File too large' },
        summary: { ja: 'aiGovernance.maxFileSizeKB を超えるため解析しない', en: 'over `aiGovernance.maxFileSizeKB`; not parsed' },
        description: {
          ja: 'ファイルがサイズ上限（既定 2048 KB）を超えているため、先頭行で報告し、解析も検査もしません。',
          en: 'The file is over the size limit (2048 KB by default): it is reported on its first line and neither parsed nor checked.',
        },
        fix: {
          ja: '記録を複数の *.ai-governance.yaml に分けるか、上限（設定 aiGovernance.maxFileSizeKB、CLI の --max-file-size-kb）を上げてください。',
          en: 'Split the record into several *.ai-governance.yaml files, or raise the limit (setting aiGovernance.maxFileSizeKB, CLI --max-file-size-kb).',
        },
        example: {
          yaml: 'apiVersion: ai-governance/v1\nroles: [developer]\nx-note: a record over the limit (here the limit is set to 40 bytes)\n',
          fixed: 'apiVersion: ai-governance/v1\n',
          settings: { maxFileSizeBytes: 40 },
        },
      },
    },
  },
  check() {},
};

/** The finding for a file over the size limit; it cannot be turned off, since nothing else is checked. */
export function tooLargeDiagnostic(size: number, settings: CheckSettings): EngineDiagnostic {
  const code: Code = 'file-too-large';
  const configured = settings.severity[code];
  return {
    code,
    severity: configured && configured !== 'off' ? configured : fileSizeRule.codes[code].severity,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: fileSizeRule.codes[code].message[settings.language]({ size, limit: settings.maxFileSizeBytes }),
    data: {},
  };
}
