/**
 * The coverage of every record of the workspace, as the server last checked it: what the status bar,
 * the overview tree and the dashboard show. It follows the server's diagnostics — when a record's
 * diagnostics change (a keystroke, a file event, a scan) the model asks the server for that record's
 * coverage again — so the views never read the disk and never parse anything themselves.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { WorkspaceCheckedNotification, WorkspaceCoverageRequest } from '../../server/src/protocol';
import { isGovernanceDocument } from './config';

export type CoverageRecord = WorkspaceCoverageRequest.Record;

/** Diagnostics that arrive within this window are asked about together. */
const BATCH_MS = 15;

export class CoverageModel implements vscode.Disposable {
  private readonly records = new Map<string, CoverageRecord>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private pendingUris = new Set<string>();
  private pendingAll = false;
  private timer: NodeJS.Timeout | undefined;
  private listening: LanguageClient | undefined;
  private loaded = false;
  /** when the diagnostics that led to the latest update arrived, and how long until the views had it (ms) */
  lastUpdateMs: number | undefined;
  private firstPendingAt: number | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.disposables.push(
      vscode.languages.onDidChangeDiagnostics((event) => {
        const uris = event.uris.filter((u) => u.scheme === 'file' && (this.records.has(u.toString()) || looksLikeRecord(u)));
        if (uris.length > 0) this.schedule(uris.map((u) => u.toString()));
      }),
      { dispose: () => clearTimeout(this.timer) },
    );
  }

  /** Called when the language client (re)starts: load everything, then follow its scans. */
  attach(client: LanguageClient): void {
    if (this.listening === client) return;
    this.listening = client;
    this.disposables.push(client.onNotification(WorkspaceCheckedNotification.method, () => this.schedule()));
    this.schedule();
  }

  all(): CoverageRecord[] {
    return [...this.records.values()].sort((a, b) => a.uri.localeCompare(b.uri));
  }

  get(uri: vscode.Uri | string): CoverageRecord | undefined {
    return this.records.get(typeof uri === 'string' ? uri : uri.toString());
  }

  /** True once the server answered at least once (the welcome view waits for it). */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Asks the server now (after the short batching window) about these records, or about all of them. */
  schedule(uris?: string[]): void {
    if (uris) uris.forEach((u) => this.pendingUris.add(u));
    else this.pendingAll = true;
    this.firstPendingAt ??= performance.now();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), BATCH_MS);
  }

  /** Resolves when every pending update has been asked and applied. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.pendingAll = true;
    await this.flush();
  }

  private async flush(): Promise<void> {
    const client = this.client();
    if (!client || client.state !== State.Running) return;
    const all = this.pendingAll;
    const uris = [...this.pendingUris];
    const since = this.firstPendingAt;
    this.pendingAll = false;
    this.pendingUris = new Set();
    this.firstPendingAt = undefined;
    if (!all && uris.length === 0) return;
    let result: WorkspaceCoverageRequest.Result;
    try {
      result = await client.sendRequest<WorkspaceCoverageRequest.Result>(WorkspaceCoverageRequest.method, (all ? {} : { uris }) satisfies WorkspaceCoverageRequest.Params);
    } catch {
      return; // the server stopped; the next start loads everything again
    }
    if (all) this.records.clear();
    // A record asked about but not answered is no longer a record (deleted, renamed, out of the globs).
    for (const uri of uris) this.records.delete(uri);
    for (const record of result.records) this.records.set(record.uri, record);
    this.loaded = true;
    if (since !== undefined) this.lastUpdateMs = performance.now() - since;
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** A uri that may be a governance file: decided by the same selector the client gives the server. */
function looksLikeRecord(uri: vscode.Uri): boolean {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return isGovernanceDocument(open);
  return /(^|\/)(ai-governance\.ya?ml|[^/]+\.ai-governance\.yaml)$/.test(uri.path) || vscode.languages.getDiagnostics(uri).some((d) => d.source === 'ai-governance');
}

/** The worst state among a set of items, for a node's icon: missing < planned < partial < not-applicable < implemented. */
export const STATE_ORDER = ['missing', 'planned', 'partial', 'not-applicable', 'implemented'] as const;
