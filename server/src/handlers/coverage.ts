/**
 * The overview's requests: the coverage of one record, of every record of the workspace, and the
 * starter text of a new record. Coverage is built from the check the diagnostics came from (never a
 * second parse) and kept per check, so the status bar, the tree and the dashboard asking about the
 * same version cost one computation.
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { initRecord } from '../cli/init';
import { ROLES } from '../engine/catalog';
import { isTooLarge } from '../engine/rules/fileSize';
import { isUnreadPart } from '../engine/rules/syntax';
import { summarise, type CheckedDocument, type Engine, type RecordCoverage } from '../engine';
import { CoverageRequest, StarterRecordRequest, WorkspaceCoverageRequest } from '../protocol';
import { runSafe } from './runSafe';

/** What the coverage requests need of the server: the records it knows and their last checks. */
export interface CoverageSource {
  connection: Connection;
  engine: Engine;
  /** every governance file the server knows, opened or only on disk */
  recordUris(): string[];
  /** the check of a record for the text the editor holds now (unsaved edits included) */
  checkedFor(uri: string): CheckedDocument | undefined;
  /** the language of messages for a record (the starter's header comment follows it) */
  language(): 'ja' | 'en';
}

/** Coverage of a record with nothing read: zero counts, nothing listed. */
function emptyCoverage(): RecordCoverage {
  return { summary: summarise([]), items: [], principles: [], roles: [], systems: [], owners: [], incomplete: true };
}

export class CoverageCache {
  private readonly byCheck = new WeakMap<CheckedDocument, RecordCoverage | null>();

  constructor(private readonly engine: Engine) {}

  of(document: CheckedDocument): RecordCoverage | null {
    if (this.byCheck.has(document)) return this.byCheck.get(document) ?? null;
    const coverage = this.engine.coverage(document);
    this.byCheck.set(document, coverage);
    return coverage;
  }

  /** One record of the workspace: its coverage, or why there is none (over the size limit…). */
  record(uri: string, document: CheckedDocument): WorkspaceCoverageRequest.Record {
    const coverage = this.of(document);
    if (!coverage) {
      const why = document.diagnostics.find((d) => isTooLarge(d.code)) ?? document.diagnostics[0];
      return { uri, state: 'not-parsed', ...emptyCoverage(), ...(why ? { reason: { code: why.code, message: why.message } } : {}) };
    }
    const syntax = coverage.incomplete ? document.diagnostics.find((d) => isUnreadPart(d.code)) : undefined;
    return {
      uri,
      state: coverage.incomplete ? 'incomplete' : 'complete',
      ...coverage,
      ...(syntax ? { reason: { code: syntax.code, message: syntax.message } } : {}),
    };
  }
}

export function registerCoverage(source: CoverageSource): CoverageCache {
  const { connection, engine } = source;
  const cache = new CoverageCache(engine);

  connection.onRequest(CoverageRequest.method, (params: CoverageRequest.Params, token: CancellationToken) =>
    runSafe<CoverageRequest.Result>(connection, CoverageRequest.method, null, token, () => {
      const document = params?.uri ? source.checkedFor(params.uri) : undefined;
      return document ? cache.of(document) : null;
    }),
  );

  connection.onRequest(WorkspaceCoverageRequest.method, (params: WorkspaceCoverageRequest.Params | undefined, token: CancellationToken) =>
    runSafe<WorkspaceCoverageRequest.Result>(connection, WorkspaceCoverageRequest.method, { records: [] }, token, () => {
      const known = new Set(source.recordUris());
      const asked = Array.isArray(params?.uris) ? params.uris.filter((u): u is string => typeof u === 'string' && known.has(u)) : [...known];
      const records: WorkspaceCoverageRequest.Record[] = [];
      for (const uri of asked.sort()) {
        if (token?.isCancellationRequested) break;
        const document = source.checkedFor(uri);
        if (document) records.push(cache.record(uri, document));
      }
      return { records };
    }),
  );

  connection.onRequest(StarterRecordRequest.method, (params: StarterRecordRequest.Params, token: CancellationToken) =>
    runSafe<StarterRecordRequest.Result | null>(connection, StarterRecordRequest.method, null, token, () => {
      const asked = Array.isArray(params?.roles) ? params.roles : [];
      const roles = ROLES.filter((r) => asked.includes(r));
      if (roles.length === 0) return null;
      return { text: initRecord(engine.catalog, { roles, advancedAI: params.advancedAI === true, language: source.language() }).text };
    }),
  );
  return cache;
}
