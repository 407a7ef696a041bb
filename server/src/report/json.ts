/** The JSON report: the report document as it is (shape documented in the README, "Reports"). */
import { JsonSequence, jsonChunks } from '../jsonChunks';
import type { RecordReport, ReportDocument, ReportItem } from '../engine';

/**
 * The guideline's text is left out of the JSON (`citation` says where it is, the catalog holds it):
 * a machine does not need a thousand copies of the same quotes.
 */
const withoutText = (record: RecordReport): Omit<RecordReport, 'items'> & { items: Array<Omit<ReportItem, 'text'>> } => ({
  ...record,
  items: record.items.map(({ text: _text, ...item }) => item),
});

/** The JSON report a record at a time: the text of `JSON.stringify(document, null, 2)` without the quotes. */
export function* jsonReportChunks(document: ReportDocument): Generator<string> {
  yield* jsonChunks({ ...document, records: new JsonSequence(function* () {
      for (const record of document.records) yield withoutText(record);
    }) });
  yield '\n';
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
