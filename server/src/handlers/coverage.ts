/**
 * The overview's requests: the coverage of one record, of every record of the workspace, and the
 * starter text of a new record. Coverage is built from the document store's entry — the parse and
 * the one check its diagnostics came from, never a second parse — and kept per check, so the status
 * bar, the tree and the dashboard asking about the same version cost one computation.
 */
import { URI } from 'vscode-uri';
import { initRecord } from '../cli/init';
import { checkedOf, type DocumentEntry, type Validation } from '../documentStore';
import { ROLES } from '../engine/catalog';
import { summarise, type Engine, type RecordCoverage } from '../engine';
import { isTooLarge } from '../engine/rules/fileSize';
import { isUnreadPart } from '../engine/rules/syntax';
import { CoverageRequest, StarterRecordRequest, WorkspaceCoverageRequest } from '../protocol';
import type { ServerState } from '../state';
import { runSafeAsync } from './runSafe';

/** Coverage of a record with nothing read: zero counts, nothing listed. */
function emptyCoverage(): RecordCoverage {
  return { summary: summarise([]), items: [], principles: [], roles: [], systems: [], owners: [], incomplete: true };
}

/** Coverage per check: the same validation object answers every view until the record changes. */
export class CoverageCache {
  private readonly byCheck = new WeakMap<Validation, RecordCoverage | null>();

  constructor(private readonly engine: Engine) {}

  of(entry: DocumentEntry): RecordCoverage | null {
    const validation = entry.validation;
    const document = checkedOf(entry);
    if (!validation || !document) return null;
    if (this.byCheck.has(validation)) return this.byCheck.get(validation) ?? null;
    const coverage = this.engine.coverage(document);
    this.byCheck.set(validation, coverage);
    return coverage;
  }

  /** One record of the workspace: its coverage, or why there is none (over the size limit…). */
  record(entry: DocumentEntry): WorkspaceCoverageRequest.Record {
    const diagnostics = entry.validation?.diagnostics ?? [];
    const coverage = this.of(entry);
    if (!coverage) {
      const why = diagnostics.find((d) => isTooLarge(d.code)) ?? diagnostics[0];
      return { uri: entry.uri, state: 'not-parsed', ...emptyCoverage(), ...(why ? { reason: { code: why.code, message: why.message } } : {}) };
    }
    const unread = coverage.incomplete ? diagnostics.find((d) => isUnreadPart(d.code)) : undefined;
    return {
      uri: entry.uri,
      state: coverage.incomplete ? 'incomplete' : 'complete',
      ...coverage,
      ...(unread ? { reason: { code: unread.code, message: unread.message } } : {}),
    };
  }
}

export function registerCoverage({ connection, engine, store, checks, settings, folders }: ServerState): CoverageCache {
  const cache = new CoverageCache(engine);

  connection.onRequest(CoverageRequest.method, (params: CoverageRequest.Params, token) =>
    runSafeAsync<CoverageRequest.Result>(connection, CoverageRequest.method, null, token, async () => {
      // checked(): the text the editor holds now, checked at once if its debounced check has not run yet.
      const entry = params?.uri ? await checks.checked(params.uri) : undefined;
      return entry ? cache.of(entry) : null;
    }),
  );

  connection.onRequest(WorkspaceCoverageRequest.method, (params: WorkspaceCoverageRequest.Params | undefined, token) =>
    runSafeAsync<WorkspaceCoverageRequest.Result>(connection, WorkspaceCoverageRequest.method, { records: [] }, token, async () => {
      const known = new Set(store.uris());
      const asked = Array.isArray(params?.uris) ? params.uris.filter((u): u is string => typeof u === 'string' && known.has(u)) : [...known];
      const records: WorkspaceCoverageRequest.Record[] = [];
      for (const uri of asked.sort()) {
        if (token?.isCancellationRequested) break;
        const entry = await checks.checked(uri);
        if (entry) records.push(cache.record(entry));
      }
      return { records };
    }),
  );

  connection.onRequest(StarterRecordRequest.method, (params: StarterRecordRequest.Params, token) =>
    runSafeAsync<StarterRecordRequest.Result | null>(connection, StarterRecordRequest.method, null, token, async () => {
      const asked = Array.isArray(params?.roles) ? params.roles : [];
      const roles = ROLES.filter((r) => asked.includes(r));
      if (roles.length === 0) return null;
      // messageLanguage is a window setting: any resource answers it (the header comment follows it).
      const { check } = await settings.for(folders.paths.length ? URI.file(folders.paths[0]).toString() : '');
      return { text: initRecord(engine.catalog, { roles, advancedAI: params.advancedAI === true, language: check.language }).text };
    }),
  );
  return cache;
}
