/**
 * What the server's handlers share: the connection, the open documents, the engine, the document
 * store and how documents get into it, the workspace folders and the settings per resource. Built
 * once by server.ts and handed to every `register…` function of handlers/, which import only this.
 */
import { TextDocuments, type Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createCheckPool } from './checkWorker';
import { DocumentChecks } from './documentChecks';
import { DocumentStore } from './documentStore';
import type { PublicationEncoder } from './publication';
import { createEngine, type Engine } from './engine';
import { WorkspaceFolders } from './folders';
import { GitDates } from './gitDates';
import { SETTINGS_SECTION } from './protocol';
import { ResourceSettings } from './resourceSettings';
import { ChangeLog, IncrementalChecks } from './incrementalSync';
import { CachedFileSystem } from './workspace';

/** What the client said it can do, in `initialize`. */
export interface ClientCapabilities {
  configuration: boolean;
  watchFiles: boolean;
  workspaceFolders: boolean;
  /** the client links each diagnostic to its rule's documentation itself (InitializationOptions.ruleLinksOnClient) */
  ruleLinksOnClient: boolean;
}

export interface ServerState {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  engine: Engine;
  /** evidence existence, cached until a file event says otherwise */
  fs: CachedFileSystem;
  store: DocumentStore;
  checks: DocumentChecks;
  folders: WorkspaceFolders;
  settings: ResourceSettings;
  client: ClientCapabilities;
  /** set when the server writes its own messages (stdio): open records' diagnostics are published from kept bytes */
  publication: PublicationEncoder | undefined;
}

/**
 * @param workerScript the bundle a scan's worker threads run (dist/checkWorker.js; none from the sources: the scan then stays on this thread)
 * @param publication the encoder of the connection's message writer, when the server made the writer (stdio)
 */
export function createServerState(connection: Connection, workerScript: string, publication?: PublicationEncoder): ServerState {
  // Incremental sync: the change log notes each change as offsets for the incremental check.
  const changeLog = new ChangeLog();
  const documents = new TextDocuments<TextDocument>(changeLog.configuration);
  const fs = new CachedFileSystem();
  const engine = createEngine({ fs });
  const store = new DocumentStore();
  const folders = new WorkspaceFolders();
  const client: ClientCapabilities = { configuration: false, watchFiles: false, workspaceFolders: false, ruleLinksOnClient: false };
  const settings = new ResourceSettings((scopeUris) =>
    client.configuration ? connection.workspace.getConfiguration(scopeUris.map((scopeUri) => (scopeUri ? { scopeUri, section: SETTINGS_SECTION } : { section: SETTINGS_SECTION }))) : Promise.resolve(scopeUris.map(() => undefined)),
  );
  const pool = createCheckPool(workerScript);
  connection.onExit(() => pool?.dispose());
  const log = (message: string) => connection.console.warn(message);
  let verify = false;
  const incremental = new IncrementalChecks({ log: changeLog, verify: () => verify, warn: log });
  const checks = new DocumentChecks({ store, engine, fs, documents, settings, folders, pool, incremental, gitDates: new GitDates(), log, verifyIncremental: (on) => (verify = on) });
  return { connection, documents, engine, fs, store, checks, folders, settings, client, publication };
}
