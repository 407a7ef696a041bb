/** The JSON report: the report document as it is (shape documented in the README, "Reports"). */
import type { ReportDocument } from '../engine';

/**
 * The guideline's text is left out of the JSON (`citation` says where it is, the catalog holds it):
 * a machine does not need a thousand copies of the same quotes.
 */
export function renderJson(document: ReportDocument): string {
  return JSON.stringify(document, (key, value: unknown) => (key === 'text' && Array.isArray(value) ? undefined : value), 2) + '\n';
}

/** Reads a JSON report back (for `--merge`); throws with the reason when it is not one. */
export function parseJsonReport(text: string, name: string): ReportDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${name} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const doc = value as Partial<ReportDocument> | null;
  if (!doc || typeof doc !== 'object' || !doc.tool || typeof doc.generated !== 'string' || !Array.isArray(doc.records)) {
    throw new Error(`${name} is not an ai-governance JSON report ({tool, generated, records})`);
  }
  for (const [index, record] of doc.records.entries()) {
    if (!record || typeof record.path !== 'string' || !record.summary || !Array.isArray(record.items) || !Array.isArray(record.principles)) {
      throw new Error(`${name}: records[${index}] is not a record report (path, summary, principles, items)`);
    }
  }
  return doc as ReportDocument;
}
