/**
 * The workspace beyond the open documents: the scan of every folder for governance files, file
 * events (a record or an evidence file created, changed or deleted), folders added and removed,
 * configuration changes, and the client's "check the workspace again" request.
 */
import { sep } from 'node:path';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { RecheckWorkspaceRequest, SETTINGS_SECTION, WorkspaceCheckedNotification } from '../protocol';
import type { ServerState } from '../state';
import { scanFolder } from '../workspace';
import { runSafeAsync } from './runSafe';

/** Scans of at least this many records run in worker threads; fewer are quicker on the main thread. */
const WORKER_SCAN_MIN_FILES = 20;

export function registerWorkspace(state: ServerState): void {
  const { connection, documents, store, checks, folders, settings, fs } = state;
  const openUris = () => store.uris().filter((uri) => documents.get(uri));

  /** Scans every folder and checks every governance file found; resolves to how many there were. */
  async function scan(): Promise<number> {
    const found: string[] = [];
    folders.allFiles.clear();
    const folderSettings = await settings.forMany(folders.paths.map((f) => URI.file(f).toString()));
    for (const [index, folder] of folders.paths.entries()) {
      folders.setExtraFiles(folder, folderSettings[index].extraFiles);
      const result = await scanFolder(folder, folders.matcherOf(folder));
      found.push(...result.governanceFiles);
      result.allFiles.forEach((f) => folders.allFiles.add(f));
      if (result.truncated) connection.console.warn(`workspace folder ${folder} is too large; only part of it was scanned`);
    }
    const foundUris = found.map((p) => URI.file(p).toString());
    const keep = new Set(foundUris);
    for (const uri of store.uris()) if (!keep.has(uri) && !documents.get(uri)) checks.forget(uri);
    // One configuration request for every file of the scan, each with its own scopeUri.
    const fileSettings = await settings.forMany(foundUris);
    const inWorker = found.length >= WORKER_SCAN_MIN_FILES;
    await Promise.all(found.map((path, index) => checks.checkFromDisk(path, { inWorker, settings: fileSettings[index] })));
    const problems = store.all().reduce((n, entry) => n + (entry.validation?.findings ?? 0), 0);
    void connection.sendNotification(WorkspaceCheckedNotification.method, { files: found.length, problems } satisfies WorkspaceCheckedNotification.Params);
    return found.length;
  }

  connection.onInitialized(() =>
    runSafeAsync(connection, 'initialized', undefined, undefined, async () => {
      if (state.client.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      if (state.client.watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
      if (state.client.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) =>
          runSafeAsync(connection, 'didChangeWorkspaceFolders', undefined, undefined, async () => {
            const removed = new Set(event.removed.map((f) => URI.parse(f.uri).fsPath));
            folders.set([...folders.paths.filter((f) => !removed.has(f)), ...event.added.map((f) => URI.parse(f.uri).fsPath)]);
            await scan();
          }),
        );
      }
      await scan();
    }),
  );

  connection.onDidChangeConfiguration(() =>
    runSafeAsync(connection, 'didChangeConfiguration', undefined, undefined, async () => {
      // Settings are cached per resource until the client says they changed: then every one is asked again.
      settings.clear();
      await checks.recheck(openUris());
      await scan();
    }),
  );

  connection.onDidChangeWatchedFiles(({ changes }) =>
    runSafeAsync(connection, 'didChangeWatchedFiles', undefined, undefined, async () => {
      const affected = new Set<string>();
      for (const change of changes) {
        const uri = URI.parse(change.uri);
        if (uri.scheme !== 'file') continue;
        const path = uri.fsPath;
        fs.invalidate(path);
        if (change.type === FileChangeType.Deleted) folders.removeFiles(path);
        else folders.allFiles.add(path);
        store.usersOf(path, sep).forEach((u) => affected.add(u));
        const key = uri.toString();
        if (!folders.isGovernance(key)) continue;
        if (change.type === FileChangeType.Deleted) {
          if (!documents.get(key)) checks.forget(key);
        } else {
          affected.delete(key);
          await checks.checkFromDisk(path);
        }
      }
      await checks.recheck(affected);
    }),
  );

  connection.onRequest(RecheckWorkspaceRequest.method, (_params: unknown, token) =>
    runSafeAsync<RecheckWorkspaceRequest.Result>(connection, RecheckWorkspaceRequest.method, { files: 0 }, token, async () => {
      fs.clear();
      const files = await scan();
      await checks.recheck(openUris());
      return { files };
    }),
  );
}
