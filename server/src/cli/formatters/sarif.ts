/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: rule metadata (title, what it
 * means, how to fix it, a link to the README), one result per finding with its exact region,
 * and, for findings about a guideline item, the item's title, verbatim text and citation.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, Result } from 'sarif';
import { RULE_CODES, type RuleCode, type Severity } from '../../engine';
import { citationLine } from '../../engine/citation';
import { ruleSummaries } from '../rules';
import type { Report } from '../report';
import { Fingerprints } from './fingerprint';
import { jsonChunks, JsonSequence } from '../../jsonChunks';

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

const ruleIndex = new Map<RuleCode, number>(RULE_CODES.map((code, index) => [code, index]));

/** Every finding as a SARIF result, then (with a baseline) the known findings that are gone. */
function* sarifResults(report: Report): Generator<Result> {
  for (const file of report.files) {
    const fingerprints = new Fingerprints(file.path);
    for (const [index, d] of file.diagnostics.entries()) {
      const item = d.data.itemId ? report.catalog.get(d.data.itemId) : undefined;
      const properties: Record<string, unknown> = { severity: d.severity, data: d.data };
      let text = d.message;
      if (item) {
        const citation = citationLine(item);
        const quote = item.text.map((line) => line.trim());
        text += `\n\n${item.id}　${item.title}\n${quote.join('\n')}\n${citation}`;
        Object.assign(properties, { itemId: item.id, itemTitle: item.title, itemTitleEn: item.titleEn, guidelineText: quote, citation });
      }
      yield {
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
        partialFingerprints: { 'aiGovernanceFinding/v1': fingerprints.next(d) },
        properties,
        ...(report.baseline ? { baselineState: file.baselineStates?.[index] ?? 'new' } : {}),
      };
    }
  }
  for (const gone of report.baseline?.absent ?? []) {
    const code = (RULE_CODES as readonly string[]).includes(gone.code) ? (gone.code as RuleCode) : undefined;
    yield {
      ruleId: code ?? (gone.code as RuleCode),
      ruleIndex: code ? (ruleIndex.get(code) ?? -1) : -1,
      level: LEVEL[(['error', 'warning', 'information', 'hint'] as const).find((s) => s === gone.severity) ?? 'warning'],
      message: { text: gone.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(gone.path),
            region: { startLine: gone.line, startColumn: gone.column, endLine: gone.endLine, endColumn: gone.endColumn },
          },
        },
      ],
      partialFingerprints: {},
      properties: { severity: gone.severity },
      baselineState: 'absent',
    };
  }
}

function sarifLog(report: Report, results: Result[]): Log {
  const rules = ruleSummaries(report.language);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ai-governance',
            fullName: 'AI Governance (AI事業者ガイドライン) checker',
            version: report.toolVersion,
            semanticVersion: report.toolVersion,
            informationUri: TOOL_URI,
            language: report.language === 'ja' ? 'ja-JP' : 'en-US',
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
        invocations: [
          {
            executionSuccessful: report.failures.length === 0,
            toolExecutionNotifications: report.failures.map((failure) => ({
              level: 'error',
              message: { text: failure.message },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(failure.path) } }],
            })),
          },
        ],
        originalUriBaseIds: { [BASE_ID]: { uri: folderUri(report.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function toSarif(report: Report): Log {
  return sarifLog(report, [...sarifResults(report)]);
}

/** The same text as JSON.stringify(toSarif(report), null, 2), a result at a time. */
export function* formatSarif(report: Report): Generator<string> {
  // The log's shape with its results left to be made while they are written.
  const results = new JsonSequence(() => sarifResults(report)) as unknown as Result[];
  yield* jsonChunks(sarifLog(report, results));
  yield '\n';
}
