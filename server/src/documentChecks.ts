/**
 * How documents get into the store and get checked: the editor's text of an open document (read
 * once per version, checked once per version, whatever asks first), a file on disk (read and checked
 * on this thread or in a scan's worker), and the re-checks that settings and file events call for.
 * Who publishes the results listens with `onDidCheck` / `onDidForget` (handlers/diagnostics.ts).
 */
import { promises as fsp } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { checkDelay } from './checkDelay';
import type { CheckPool } from './checkWorker';
import { DocumentStore, scannedValidation, validation, type DocumentEntry, type NewEntry, type TextSource } from './documentStore';
import { localToday, type EngineDiagnostic, type Engine, type FileSystemView, type ParsedRecord } from './engine';
import type { GitDates } from './gitDates';
import type { IncrementalChecks } from './incrementalSync';
import { FindingHeads } from './packedFindings';
import type { WorkspaceFolders } from './folders';
import { readAndCheck, readRecordText } from './readAndCheck';
import type { ResourceSettings } from './resourceSettings';
import type { ServerSettings } from './settings';

export interface DocumentChecksOptions {
  store: DocumentStore;
  engine: Engine;
  documents: TextDocuments<TextDocument>;
  settings: ResourceSettings;
  folders: WorkspaceFolders;
  pool: CheckPool | undefined;
  /** evidence files' last commit dates (evidence-changed-after-review); read off the typing path */
  gitDates?: GitDates;
  /** evidence existence, as the engine sees it (the incremental check runs the rules itself) */
  fs: FileSystemView;
  /** open documents are checked from their previous version when only an entry changed */
  incremental: IncrementalChecks;
  /** the debug setting aiGovernance.debug.verifyIncremental, as the last settings said */
  verifyIncremental(on: boolean): void;
  log(message: string): void;
}

const pathOf = (uri: string) => URI.parse(uri).fsPath;

function entryOf(document: ParsedRecord, base: Omit<NewEntry, 'state' | 'document' | 'path' | 'workspaceRoot' | 'text'>): NewEntry {
  return document.state === 'parsed' ? { ...base, state: 'parsed', document } : { ...base, state: 'too-large', document };
}

export class DocumentChecks {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** closed documents whose file on disk is being read to take their place */
  private readonly diskReads = new Map<string, Promise<void>>();
  /** the findings made with an entry's parse (incremental check), published by validate() */
  private readonly found = new WeakMap<DocumentEntry, EngineDiagnostic[]>();
  /** uri → how long reading and checking its last version took (ms), to pace re-checks while typing */
  private readonly cost = new Map<string, number>();
  /** uri → how long parsing its current editor version took (ms), a part of `cost` */
  private readonly parseCost = new Map<string, number>();
  private readonly checkedListeners: Array<(entry: DocumentEntry) => void> = [];
  private readonly forgetListeners: Array<(uri: string) => void> = [];
  /** one copy of each finding head of the scan (code, message, data: the same in many records) */
  private readonly scanHeads = new FindingHeads();

  constructor(private readonly o: DocumentChecksOptions) {}

  /** Called once per check: the entry's `validation` is what to publish. */
  onDidCheck(listener: (entry: DocumentEntry) => void): void {
    this.checkedListeners.push(listener);
  }

  /** Called when a document is gone (deleted, closed and not on disk, out of the workspace). */
  onDidForget(listener: (uri: string) => void): void {
    this.forgetListeners.push(listener);
  }

  /**
   * The entry of a document's current text, parsed once for its version (a file checked in a worker
   * is parsed here the first time a feature asks). Never runs the rules, never publishes.
   */
  async read(uri: string): Promise<DocumentEntry | undefined> {
    for (;;) {
      const open = this.o.documents.get(uri);
      if (!open) {
        // Just closed: a request answers from the file on disk once it is read, not from nothing.
        await this.diskReads.get(uri);
        return await this.parsedFromDisk(uri);
      }
      if (!this.o.folders.isGovernance(uri)) return undefined;
      const { version } = open;
      const generation = this.o.settings.generation;
      const settings = await this.o.settings.for(uri);
      const now = this.o.documents.get(uri);
      // The text or the settings moved on while the settings were asked for: read what is current now.
      if (now?.version !== version || this.o.settings.generation !== generation) continue;
      const entry = this.o.store.get(uri);
      if (entry && entry.source.from === 'editor' && entry.source.version === version && entry.settings === settings) return entry;
      return this.parseOpen(uri, now, settings);
    }
  }

  /** The entry of a document's current text with its check: the check runs now if it has not yet (once per version). */
  async checked(uri: string): Promise<DocumentEntry | undefined> {
    const entry = await this.read(uri);
    if (entry && !entry.validation) this.validate(entry);
    return entry;
  }

  /** A document was opened: checked at once (a check already made for this version is not repeated). */
  opened(uri: string): void {
    this.cancelTimer(uri);
    void this.checked(uri);
  }

  /** A document was edited: checked once the edits that arrive together are applied (see checkDelay). */
  changed(uri: string): void {
    if (!this.o.folders.isGovernance(uri)) return;
    this.cancelTimer(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        // Requests that came with the edit (a hover, a completion) are answered first: they need the
        // parse, which they make themselves, not the publication, which follows right after them.
        setImmediate(() => {
          if (this.o.documents.get(uri)) void this.checked(uri);
        });
      }, checkDelay(this.cost.get(uri))),
    );
  }

  /** A document was closed: its file on disk takes its place, or it is forgotten. */
  closed(uri: string): void {
    this.cancelTimer(uri);
    this.o.incremental.forget(uri);
    this.cost.delete(uri);
    this.parseCost.delete(uri);
    if (URI.parse(uri).scheme !== 'file' || !this.o.folders.isGovernance(uri)) return this.forget(uri);
    const path = pathOf(uri);
    this.o.store.delete(uri);
    const read: Promise<void> = fsp
      .access(path)
      .then(
        () => this.checkFromDisk(path),
        () => this.forget(uri),
      )
      .catch((error: unknown) => this.o.log(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        if (this.diskReads.get(uri) === read) this.diskReads.delete(uri);
      });
    this.diskReads.set(uri, read);
  }

  /** Re-checks documents whose world changed (settings, evidence appearing…): open ones with the editor's text, others with the text last read. */
  async recheck(uris: Iterable<string>): Promise<void> {
    await Promise.all([...uris].map((uri) => this.recheckOne(uri)));
  }

  /** Reads and checks a file on disk, unless the editor has it open (the editor's text wins). */
  async checkFromDisk(path: string, options: { inWorker?: boolean; settings?: ServerSettings } = {}): Promise<void> {
    const uri = URI.file(path).toString();
    if (this.o.documents.get(uri)) return;
    const settings = options.settings ?? (await this.o.settings.for(uri));
    const workspaceRoot = this.o.folders.rootFor(path);
    const source: TextSource = { from: 'disk' };
    if (this.o.pool && options.inWorker) {
      const result = await this.o.pool.run({ path, workspaceRoot, settings: settings.check });
      if (this.o.documents.get(uri)) return;
      if (result.ok) {
        const base = { uri, source, settings, validation: scannedValidation(settings.check, this.scanHeads.compact(result.findings), result.evidence) };
        const entry =
          result.size !== undefined
            ? this.o.store.put({ ...base, state: 'too-large', document: { state: 'too-large', input: { path, text: '', workspaceRoot }, size: result.size } })
            : this.o.store.put({ ...base, source: { from: 'disk' }, state: 'checked-in-worker', path, workspaceRoot });
        this.emitChecked(entry);
        this.askGitDates(entry, settings, result.evidence);
        return;
      }
      // The worker could not do it (unreadable file, a lost worker): this thread tries and reports.
    }
    const result = await readAndCheck(this.o.engine, path, workspaceRoot, settings.check);
    if (this.o.documents.get(uri)) return;
    if (!result.ok) {
      this.o.log(`cannot read ${path}: ${result.error}`);
      this.forget(uri);
      return;
    }
    const { document } = result;
    const checked = validation(document.settings, document.diagnostics, this.o.engine.evidenceTargets(document));
    const entry = this.o.store.put(entryOf(document, { uri, source, settings, validation: checked }));
    this.emitChecked(entry);
    this.askGitDates(entry, settings, checked.evidence);
  }

  forget(uri: string): void {
    this.cancelTimer(uri);
    this.o.incremental.forget(uri);
    this.cost.delete(uri);
    this.parseCost.delete(uri);
    this.o.store.delete(uri);
    for (const listener of this.forgetListeners) listener(uri);
  }

  private async recheckOne(uri: string): Promise<void> {
    if (this.o.documents.get(uri)) {
      // Something outside the text changed (evidence on disk, settings, git dates): the incremental
      // state's findings of unchanged entries may be stale, so the next edit starts from a full check.
      this.o.incremental.forget(uri);
      const entry = await this.read(uri);
      if (entry) this.validate(entry);
      return;
    }
    const last = this.o.store.get(uri);
    // Checked in a worker (no text kept: in a worker again) or over the size limit: read and checked again.
    if (last?.state !== 'parsed') {
      if (last) await this.checkFromDisk(pathOf(uri), { inWorker: last.state === 'checked-in-worker' });
      return;
    }
    const settings = await this.o.settings.for(uri);
    const current = this.o.store.get(uri);
    if (current !== last || this.o.documents.get(uri)) return; // replaced meanwhile: that one is current
    const entry =
      last.settings === settings ? last : this.o.store.put(entryOf(this.o.engine.parse(last.document.input, settings.check), { uri, source: last.source, settings, validation: undefined }));
    this.validate(entry);
  }

  /**
   * A closed document's entry, read again and parsed on this thread if it was checked in a worker;
   * undefined when the file cannot be read any more (its file event will say what became of it).
   */
  private async parsedFromDisk(uri: string): Promise<DocumentEntry | undefined> {
    for (;;) {
      const entry = this.o.store.get(uri);
      if (entry?.state !== 'checked-in-worker') return entry;
      let text: string;
      try {
        text = await readRecordText(entry.path);
      } catch {
        return undefined;
      }
      // Replaced while the file was read (a file event, the editor): start again from the new entry.
      if (this.o.store.get(uri) !== entry) continue;
      const document = this.o.engine.parse({ path: entry.path, text, workspaceRoot: entry.workspaceRoot }, entry.validation.settings);
      return this.o.store.put(entryOf(document, { uri, source: entry.source, settings: entry.settings, validation: entry.validation }));
    }
  }

  /**
   * An open document's version, parsed and checked together: from the previous version's state when
   * only one entry changed (the rules' findings come with it and validate() publishes them), in full
   * otherwise. One parse per version either way.
   */
  private parseOpen(uri: string, open: TextDocument, settings: ServerSettings): DocumentEntry {
    const path = pathOf(uri);
    const start = performance.now();
    const input = { path, text: open.getText(), workspaceRoot: this.o.folders.rootFor(path) };
    this.o.verifyIncremental(settings.verifyIncremental);
    const env = { catalog: this.o.engine.catalog, fs: this.o.fs, today: localToday(), settings: settings.check };
    let document: ParsedRecord;
    let diagnostics: EngineDiagnostic[] | undefined;
    try {
      const { state } = this.o.incremental.check(uri, open.version, input, env);
      document = state.record ? { state: 'parsed', input: state.input, record: state.record } : { state: 'too-large', input: state.input, size: state.bytes };
      diagnostics = state.diagnostics;
    } catch (error) {
      // Never worse than without it: the plain parse, and the rules run by validate().
      this.o.incremental.forget(uri);
      this.o.log(`incremental check of ${uri} failed, checked in full: ${error instanceof Error ? error.message : String(error)}`);
      document = this.o.engine.parse(input, settings.check);
    }
    this.parseCost.set(uri, performance.now() - start);
    const entry = this.o.store.put(entryOf(document, { uri, source: { from: 'editor', version: open.version }, settings, validation: undefined }));
    if (diagnostics) this.found.set(entry, diagnostics);
    return entry;
  }

  /** Runs the rules over an entry's parse (the one check of its version) and tells the listeners. */
  private validate(entry: DocumentEntry): void {
    if (entry.state === 'checked-in-worker') return; // checked already, in the worker
    const start = performance.now();
    const evidence = this.o.engine.evidenceTargets(entry.document);
    // What git dates are known already (never a read of .git here); new ones re-check when ready.
    const known = entry.settings.gitEvidenceDates && this.o.gitDates && evidence.length ? this.o.gitDates.known(evidence) : undefined;
    const document = known && Object.keys(known).length && entry.document.state === 'parsed' ? { ...entry.document, input: { ...entry.document.input, evidenceDates: known } } : entry.document;
    // The incremental check ran the rules already, unless git dates have to be taken into account.
    // They hold for the entry's first validation only: a re-check (a file event) runs the rules afresh.
    const incremental = document === entry.document ? this.found.get(entry) : undefined;
    this.found.delete(entry);
    const diagnostics = incremental ?? this.o.engine.validate(document, entry.settings.check);
    const parsing = entry.source.from === 'editor' ? (this.parseCost.get(entry.uri) ?? 0) : 0;
    this.cost.set(entry.uri, parsing + performance.now() - start);
    if (this.o.store.validated(entry, validation(entry.settings.check, diagnostics, evidence))) this.emitChecked(entry);
    this.askGitDates(entry, entry.settings, evidence);
  }

  /** Brings the evidence dates up to date with the repository's HEAD, asynchronously; re-checks when they changed. */
  private askGitDates(entry: DocumentEntry, settings: ServerSettings, evidence: readonly string[]): void {
    const gitDates = this.o.gitDates;
    if (!gitDates || !settings.gitEvidenceDates || evidence.length === 0) return;
    void gitDates.refresh(evidence).then((changed) => {
      if (changed && this.o.store.get(entry.uri) === entry) void this.recheck([entry.uri]);
    });
  }

  private emitChecked(entry: DocumentEntry): void {
    for (const listener of this.checkedListeners) listener(entry);
  }

  private cancelTimer(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }
}
