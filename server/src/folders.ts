/**
 * The workspace folders as the server sees them: which folder a file belongs to (evidence may not
 * leave it), which files are governance files there (each folder has its own `aiGovernance.files`),
 * and every file seen by the last scan, for evidence completion.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { URI } from 'vscode-uri';
import { isGovernanceFileName } from './engine/vocabulary';
import { GovernanceFileMatcher } from './workspace';

const NO_EXTRA_FILES = new GovernanceFileMatcher([]);
/** Evidence completion lists at most this many paths. */
const MAX_CANDIDATES = 2000;

export class WorkspaceFolders {
  private folders: string[] = [];
  private readonly matchers = new Map<string, GovernanceFileMatcher>();
  /** every file of the last scans, kept current by file events */
  readonly allFiles = new Set<string>();

  get paths(): readonly string[] {
    return this.folders;
  }

  set(paths: readonly string[]): void {
    this.folders = [...paths];
    for (const folder of [...this.matchers.keys()]) if (!this.folders.includes(folder)) this.matchers.delete(folder);
  }

  /** The folder's governance-file patterns (its resolved `aiGovernance.files`). */
  setExtraFiles(folder: string, globs: readonly string[]): void {
    this.matchers.set(folder, new GovernanceFileMatcher(globs));
  }

  matcherOf(folder: string): GovernanceFileMatcher {
    return this.matchers.get(folder) ?? NO_EXTRA_FILES;
  }

  /** The innermost workspace folder holding `path`, or undefined when it is in none. */
  folderOf(path: string): string | undefined {
    return this.folders.filter((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep)).sort((a, b) => b.length - a.length)[0];
  }

  /** The root evidence of `path` may not leave: its workspace folder, else its own folder. */
  rootFor(path: string): string {
    return this.folderOf(path) ?? dirname(path);
  }

  isGovernance(uri: string): boolean {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return isGovernanceFileName(parsed.path.split('/').pop() ?? '');
    const path = parsed.fsPath;
    const folder = this.folderOf(path);
    return (folder ? this.matcherOf(folder) : NO_EXTRA_FILES).matches(path, folder ? [folder] : []);
  }

  /** Files of the workspace, relative to a record's folder, for evidence completion. */
  evidenceCandidates(recordPath: string): string[] {
    const base = dirname(recordPath);
    const root = this.rootFor(recordPath);
    const out: string[] = [];
    for (const file of this.allFiles) {
      if (file === recordPath || !resolve(file).startsWith(root)) continue;
      out.push(relative(base, file).split(sep).join('/'));
      if (out.length >= MAX_CANDIDATES) break;
    }
    return out.sort();
  }

  /** A file or folder was deleted: forget it and everything below it. */
  removeFiles(path: string): void {
    this.allFiles.delete(path);
    for (const file of [...this.allFiles]) if (file.startsWith(path + sep)) this.allFiles.delete(file);
  }
}
