/**
 * The language server: documents, workspace scan, file events and settings. Every feature is a
 * call into the engine; the handlers only convert to and from LSP types.
 */
import { promises as fsp } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dirname, relative, resolve, sep } from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { checkDelay } from './checkDelay';
import { CheckPool } from './checkPool';
import { createEngine, type CheckedDocument } from './engine';
import { tooLargeDiagnostic } from './engine/check';
import { registerCodeActions, FIX_ALL_KIND } from './handlers/codeActions';
import { registerCompletion } from './handlers/completion';
import { toLspDiagnostic } from './handlers/convert';
import { registerHover } from './handlers/hover';
import { registerSymbols } from './handlers/symbols';
import { CoverageRequest, ItemTextRequest, RecheckWorkspaceRequest, SETTINGS_SECTION, WorkspaceCheckedNotification, type InitializationOptions, type RawSettings } from './protocol';
import { normaliseSettings, type ServerSettings } from './settings';
import { CachedFileSystem, GovernanceFileMatcher, scanFolder } from './workspace';

/** Scans of at least this many records run in worker threads; fewer are quicker on the main thread. */
const WORKER_SCAN_MIN_FILES = 20;

export interface ServerState {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  engine: ReturnType<typeof createEngine>;
  /** the last check of a document, for the version it was made for */
  checkedFor(uri: string): CheckedDocument | undefined;
  /** files of the workspace, relative to a record's folder, for evidence completion */
  evidenceCandidates(recordPath: string): string[];
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const fs = new CachedFileSystem();
  const engine = createEngine({ fs });
  let init: InitializationOptions = {};
  let folders: string[] = [];
  let canPullConfiguration = false;
  let canWatchFiles = false;
  let canTrackFolders = false;
  let settings: ServerSettings = normaliseSettings(undefined, init);
  let matcher = new GovernanceFileMatcher([]);
  /** uri → the last check, with the document version it belongs to (undefined: from disk) */
  const checked = new Map<string, { doc: CheckedDocument; version: number | undefined }>();
  /** governance files on disk (uris) */
  const onDisk = new Set<string>();
  /** evidence path → the records (uris) that point at it, so a file event re-checks just those */
  const evidenceUsers = new Map<string, Set<string>>();
  const allFiles = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const pool = CheckPool.create(__filename);
  connection.onExit(() => pool?.dispose());

  const pathOf = (uri: string) => URI.parse(uri).fsPath;
  const rootFor = (path: string) => folders.filter((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep)).sort((a, b) => b.length - a.length)[0] ?? dirname(path);

  /** Keeps a check and publishes it; `evidence` is given when the check ran in a worker (no parsed record here). */
  function remember(uri: string, doc: CheckedDocument, version: number | undefined, evidence = engine.links(doc).map((l) => l.target)): void {
    checked.set(uri, { doc, version });
    for (const users of evidenceUsers.values()) users.delete(uri);
    for (const target of evidence) {
      const users = evidenceUsers.get(target) ?? new Set<string>();
      users.add(uri);
      evidenceUsers.set(target, users);
    }
    void connection.sendDiagnostics({ uri, version, diagnostics: doc.diagnostics.map(toLspDiagnostic) });
  }

  /** uri → how long its last check took (ms), to pace re-checks while typing */
  const checkCost = new Map<string, number>();

  function checkText(uri: string, text: string, version: number | undefined): void {
    const path = pathOf(uri);
    const start = performance.now();
    const doc = engine.check({ path, text, workspaceRoot: rootFor(path) }, settings.check);
    checkCost.set(uri, performance.now() - start);
    remember(uri, doc, version);
  }

  /** Checks a file as it is on disk; `inWorker` for scans of many files (see WORKER_SCAN_MIN_FILES). */
  async function checkFromDisk(path: string, inWorker = false): Promise<void> {
    const uri = URI.file(path).toString();
    if (documents.get(uri)) return; // the editor's text wins over the disk's
    const workspaceRoot = rootFor(path);
    if (pool && inWorker) {
      const result = await pool.check({ path, workspaceRoot, settings: settings.check });
      if (documents.get(uri)) return;
      if (result.ok) {
        onDisk.add(uri);
        const input = { path, text: result.text, workspaceRoot };
        remember(uri, { input, settings: settings.check, record: null, diagnostics: result.diagnostics }, undefined, result.evidence);
        return;
      }
      // The worker could not do it (unreadable file, a lost worker): the main thread tries and reports.
    }
    try {
      const stat = await fsp.stat(path);
      onDisk.add(uri);
      if (stat.size > settings.check.maxFileSizeBytes) {
        const input = { path, text: '', workspaceRoot };
        remember(uri, { input, settings: settings.check, record: null, diagnostics: [tooLargeDiagnostic(stat.size, settings.check)] }, undefined);
        return;
      }
      const text = await fsp.readFile(path, 'utf8');
      if (!documents.get(uri)) checkText(uri, text, undefined);
    } catch (error) {
      connection.console.warn(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
      forget(uri);
    }
  }

  function forget(uri: string): void {
    onDisk.delete(uri);
    checked.delete(uri);
    checkCost.delete(uri);
    for (const users of evidenceUsers.values()) users.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  async function scanWorkspace(): Promise<number> {
    const found: string[] = [];
    allFiles.clear();
    for (const folder of folders) {
      const result = await scanFolder(folder, matcher);
      found.push(...result.governanceFiles);
      result.allFiles.forEach((f) => allFiles.add(f));
      if (result.truncated) connection.console.warn(`workspace folder ${folder} is too large; only part of it was scanned`);
    }
    const foundUris = new Set(found.map((p) => URI.file(p).toString()));
    for (const uri of [...onDisk]) if (!foundUris.has(uri) && !documents.get(uri)) forget(uri);
    const inWorker = found.length >= WORKER_SCAN_MIN_FILES;
    await Promise.all(found.map((path) => checkFromDisk(path, inWorker)));
    const problems = [...checked.values()].reduce((n, c) => n + c.doc.diagnostics.length, 0);
    void connection.sendNotification(WorkspaceCheckedNotification.method, { files: found.length, problems } satisfies WorkspaceCheckedNotification.Params);
    return found.length;
  }

  /** Re-checks every known record with the text it was last checked with (settings changed, evidence appeared…). */
  function recheck(uris: Iterable<string>): void {
    for (const uri of uris) {
      const open = documents.get(uri);
      if (open) checkText(uri, open.getText(), open.version);
      else {
        const last = checked.get(uri);
        if (last?.doc.record) checkText(uri, last.doc.input.text, undefined);
        else if (last) void checkFromDisk(pathOf(uri));
      }
    }
  }

  async function loadSettings(): Promise<void> {
    let raw: RawSettings | undefined;
    if (canPullConfiguration) {
      try {
        raw = (await connection.workspace.getConfiguration(SETTINGS_SECTION)) as RawSettings;
      } catch {
        raw = undefined; // a client that cannot answer still gets the defaults
      }
    }
    settings = normaliseSettings(raw, init);
    matcher = new GovernanceFileMatcher(settings.extraFiles);
  }

  const isGovernance = (uri: string) => {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? matcher.matches(parsed.fsPath, folders) : /(^|\/)(ai-governance\.ya?ml|[^/]+\.ai-governance\.yaml)$/.test(parsed.path);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    init = (params.initializationOptions ?? {}) as InitializationOptions;
    folders = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (folders.length === 0 && params.rootUri) folders = [URI.parse(params.rootUri).fsPath];
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    canWatchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    canTrackFolders = Boolean(params.capabilities.workspace?.workspaceFolders);
    settings = normaliseSettings(undefined, init);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':', '-', '[', ',', '/'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ai-governance-language-server' },
    };
  });

  connection.onInitialized(async () => {
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    if (canTrackFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => URI.parse(f.uri).fsPath));
        folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => URI.parse(f.uri).fsPath)];
        void scanWorkspace();
      });
    }
    await loadSettings();
    await scanWorkspace();
  });

  connection.onDidChangeConfiguration(async () => {
    await loadSettings();
    recheck([...checked.keys()].filter((uri) => documents.get(uri)));
    await scanWorkspace();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    const affected = new Set<string>();
    for (const change of changes) {
      const uri = URI.parse(change.uri);
      if (uri.scheme !== 'file') continue;
      const path = uri.fsPath;
      fs.invalidate(path);
      if (change.type === FileChangeType.Deleted) {
        allFiles.delete(path);
        for (const file of [...allFiles]) if (file.startsWith(path + sep)) allFiles.delete(file);
      } else allFiles.add(path);
      for (const [target, users] of evidenceUsers) {
        if (target === path || target.startsWith(path + sep)) users.forEach((u) => affected.add(u));
      }
      const key = uri.toString();
      if (!isGovernance(key)) continue;
      if (change.type === FileChangeType.Deleted) {
        if (!documents.get(key)) forget(key);
        else onDisk.delete(key);
      } else {
        affected.delete(key);
        await checkFromDisk(path);
      }
    }
    recheck(affected);
  });

  documents.onDidOpen(({ document }) => {
    if (isGovernance(document.uri)) checkText(document.uri, document.getText(), document.version);
  });

  documents.onDidChangeContent(({ document }) => {
    if (!isGovernance(document.uri)) return;
    // Edits that arrive before the timer fires are checked together, once.
    clearTimeout(timers.get(document.uri));
    const delay = checkDelay(checkCost.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        const current = documents.get(document.uri);
        if (current) checkText(current.uri, current.getText(), current.version);
      }, delay),
    );
  });

  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    checkCost.delete(document.uri);
    const path = pathOf(document.uri);
    if (URI.parse(document.uri).scheme === 'file' && isGovernance(document.uri)) {
      checked.delete(document.uri);
      void fsp.access(path).then(
        () => checkFromDisk(path),
        () => forget(document.uri),
      );
    } else forget(document.uri);
  });

  connection.onRequest(ItemTextRequest.method, (params: ItemTextRequest.Params): ItemTextRequest.Result => {
    const markdown = engine.itemText(String(params?.id ?? ''), settings.check.language);
    return markdown ? { markdown } : null;
  });

  connection.onRequest(CoverageRequest.method, (params: CoverageRequest.Params): CoverageRequest.Result => {
    const doc = params?.uri ? state.checkedFor(params.uri) : undefined;
    return doc ? engine.coverage(doc) : null;
  });

  connection.onRequest(RecheckWorkspaceRequest.method, async (): Promise<RecheckWorkspaceRequest.Result> => {
    fs.clear();
    const files = await scanWorkspace();
    recheck([...checked.keys()].filter((uri) => documents.get(uri)));
    return { files };
  });

  const state: ServerState = {
    connection,
    documents,
    engine,
    checkedFor(uri) {
      const open = documents.get(uri);
      const last = checked.get(uri);
      if (open && (!last || last.version !== open.version || !last.doc.record)) {
        // A request arrived before the debounced check: check now, once, for this version.
        clearTimeout(timers.get(uri));
        timers.delete(uri);
        checkText(uri, open.getText(), open.version);
        return checked.get(uri)?.doc;
      }
      if (!open && last && !last.doc.record && last.doc.input.text) {
        // Checked in a worker (no parsed record on this thread): parse it here when a feature needs it.
        checkText(uri, last.doc.input.text, undefined);
        return checked.get(uri)?.doc;
      }
      return last?.doc;
    },
    evidenceCandidates(recordPath) {
      const base = dirname(recordPath);
      const root = rootFor(recordPath);
      const out: string[] = [];
      for (const file of allFiles) {
        if (file === recordPath || !resolve(file).startsWith(root)) continue;
        out.push(relative(base, file).split(sep).join('/'));
        if (out.length >= 2000) break;
      }
      return out.sort();
    },
  };
  registerHover(state);
  registerCompletion(state);
  registerCodeActions(state);
  registerSymbols(state);

  documents.listen(connection);
  connection.listen();
}
