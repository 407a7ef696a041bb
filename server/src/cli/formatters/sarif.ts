/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: rule metadata (title, what it
 * means, how to fix it, a link to the README), one result per finding with its exact region,
 * and, for findings about a guideline item, the item's title, verbatim text and citation.
 */
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, Result } from 'sarif';
import { RULE_CODES, type EngineDiagnostic, type RuleCode, type Severity } from '../../engine';
import { citationLine } from '../../engine/citation';
import { ruleSummaries } from '../rules';
import type { FileResult, ReportContext, ToolFailure } from '../report';
import type { StreamingFormatter } from './index';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_URI = 'https://github.com/ai-governance/ai-governance-vscode';
const BASE_ID = 'SRCROOT';

type Level = NonNullable<Result['level']>;
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
/** GitHub code scanning's severity scale for non-security rules. */
const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'recommendation', hint: 'recommendation' };

/** A path as a SARIF URI: relative to the working folder (SRCROOT) when it is inside it, else a file: URL. */
function artifactLocation(path: string): ArtifactLocation {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: BASE_ID };
}

function folderUri(path: string): string {
  const href = pathToFileURL(path).href;
  return href.endsWith('/') ? href : href + '/';
}

/** A fingerprint that survives edits elsewhere in the file: file, rule, what the finding is about, and its occurrence. */
function fingerprint(file: FileResult, d: EngineDiagnostic, seen: Map<string, number>): string {
  const subject = JSON.stringify([file.path, d.code, d.data.itemId ?? '', d.data.itemKey ?? '', d.data.evidence ?? '', d.data.safeguard ?? '', d.data.missingSubItems ?? []]);
  const occurrence = (seen.get(subject) ?? 0) + 1;
  seen.set(subject, occurrence);
  return `${createHash('sha256').update(subject).digest('hex').slice(0, 32)}:${occurrence}`;
}

/** The results of one file (fingerprint occurrences count within the file). */
function fileResults(file: FileResult, context: ReportContext): Result[] {
  const ruleIndex = RULE_INDEX;
  const results: Result[] = [];
  const seen = new Map<string, number>();
  for (const d of file.diagnostics) {
    const item = d.data.itemId ? context.catalog.get(d.data.itemId) : undefined;
    const properties: Record<string, unknown> = { severity: d.severity, data: d.data };
    let text = d.message;
    if (item) {
      const citation = citationLine(item);
      const quote = item.text.map((line) => line.trim());
      text += `\n\n${item.id}　${item.title}\n${quote.join('\n')}\n${citation}`;
      Object.assign(properties, { itemId: item.id, itemTitle: item.title, itemTitleEn: item.titleEn, guidelineText: quote, citation });
    }
    results.push({
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code) ?? -1,
      level: LEVEL[d.severity],
      message: { text },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(file.path),
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
      partialFingerprints: { 'aiGovernanceFinding/v1': fingerprint(file, d, seen) },
      properties,
    });
  }
  return results;
}

const RULE_INDEX = new Map<RuleCode, number>(RULE_CODES.map((code, index) => [code, index]));

/** The log without its results and invocations, which are written into it as the run goes. */
function skeleton(context: ReportContext, results: unknown, invocations: unknown): Log {
  const rules = ruleSummaries(context.language);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ai-governance',
            fullName: 'AI Governance (AI事業者ガイドライン) checker',
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            informationUri: TOOL_URI,
            language: context.language === 'ja' ? 'ja-JP' : 'en-US',
            rules: rules.map((rule) => ({
              id: rule.code,
              name: rule.name,
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              help: {
                text: `${rule.description}\n\n${rule.fix}\n\n${rule.helpUri}`,
                markdown: `**${rule.title}** (\`${rule.code}\`)\n\n${rule.description}\n\n${rule.fix}\n\n[${rule.code}](${rule.helpUri})`,
              },
              helpUri: rule.helpUri,
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
              properties: { tags: ['ai-governance', 'compliance'], precision: 'very-high', 'problem.severity': PROBLEM_SEVERITY[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { [BASE_ID]: { uri: folderUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: results as Result[],
        invocations: invocations as NonNullable<Log['runs'][number]['invocations']>,
      },
    ],
  };
}

function invocationsOf(failures: readonly ToolFailure[]): NonNullable<Log['runs'][number]['invocations']> {
  return [
    {
      executionSuccessful: failures.length === 0,
      toolExecutionNotifications: failures.map((failure) => ({
        level: 'error' as const,
        message: { text: failure.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(failure.path) } }],
      })),
    },
  ];
}

const RESULTS = '@@ai-governance-results@@';
const INVOCATIONS = '@@ai-governance-invocations@@';

/** The SARIF log, written file by file: the skeleton's text is cut where the results go. */
export function sarifFormatter(context: ReportContext): StreamingFormatter {
  const text = JSON.stringify(skeleton(context, [RESULTS], INVOCATIONS), null, 2) + '\n';
  const marker = text.indexOf(`"${RESULTS}"`);
  const lineStart = text.lastIndexOf('\n', marker) + 1;
  const indent = marker - lineStart;
  const head = text.slice(0, lineStart - 1);
  const [between, after] = text.slice(marker + RESULTS.length + 2).split(`"${INVOCATIONS}"`);
  let count = 0;
  const nested = (value: unknown) => JSON.stringify(value, null, 2).replace(/\n/g, '\n' + ' '.repeat(indent));
  return {
    head: () => head,
    file: (file) => fileResults(file, context).map((r) => `${count++ ? ',' : ''}\n${' '.repeat(indent)}${nested(r)}`).join(''),
    tail: (failures) => {
      const close = count ? `\n${' '.repeat(indent - 2)}` : '';
      return close + between.replace(/^\n\s*/, '') + JSON.stringify(invocationsOf(failures), null, 2).replace(/\n/g, '\n' + ' '.repeat(indent - 2)) + after;
    },
  };
}
