/**
 * The workspace as the server sees it: which files are governance files, a scan of the folders
 * (the shared walker: node_modules and .git skipped, links not followed), and a cache of which
 * evidence paths exist, kept current by file events rather than re-read on every keystroke.
 */
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { FileSystemView } from './engine';
import { isGovernanceFileName } from './engine/vocabulary';
import { inSkippedFolder, listFiles } from './walk';

/** A workspace folder with more files than this is not walked further (files seen so far are still checked). */
const MAX_FILES = 500_000;

export class GovernanceFileMatcher {
  private readonly extra: Array<(path: string) => boolean>;

  constructor(extraGlobs: readonly string[]) {
    this.extra = extraGlobs.map((glob) => picomatch(glob, { dot: true }));
  }

  matches(absolutePath: string, folders: readonly string[]): boolean {
    if (inSkippedFolder(absolutePath)) return false;
    if (isGovernanceFileName(basename(absolutePath))) return true;
    if (this.extra.length === 0) return false;
    return folders.some((folder) => {
      const rel = relative(folder, absolutePath).split(sep).join('/');
      return !rel.startsWith('..') && this.extra.some((m) => m(rel));
    });
  }
}

export interface ScanResult {
  governanceFiles: string[];
  /** every file seen, for evidence completion */
  allFiles: string[];
  truncated: boolean;
}

export async function scanFolder(folder: string, matcher: GovernanceFileMatcher): Promise<ScanResult> {
  const { files, truncated } = await listFiles(folder, MAX_FILES);
  return { governanceFiles: files.filter((path) => matcher.matches(path, [folder])).sort(), allFiles: files, truncated };
}

/** Evidence existence, asked of the disk once per path and then answered from memory until an event says otherwise. */
export class CachedFileSystem implements FileSystemView {
  private readonly known = new Map<string, boolean>();
  private readonly real = new Map<string, string | null>();

  /** Follows symlinks (a stat per component: nothing is opened, so FIFOs and devices never block). */
  realpath(absolutePath: string): string | null {
    let value = this.real.get(absolutePath);
    if (value === undefined) {
      // Asking first whether anything is there spares 67,000 missing paths a thrown error each.
      try {
        value = this.exists(absolutePath) ? realpathSync.native(absolutePath) : null;
      } catch {
        value = null;
      }
      this.real.set(absolutePath, value);
    }
    return value;
  }

  exists(absolutePath: string): boolean {
    let value = this.known.get(absolutePath);
    if (value === undefined) {
      // Nothing is inside a folder known to be missing: 67,000 paths in one missing folder cost one stat.
      const parent = dirname(absolutePath);
      value = parent !== absolutePath && this.known.get(parent) === false ? false : existsSync(absolutePath);
      this.known.set(absolutePath, value);
    }
    return value;
  }

  /** A file was created or deleted: forget it (and, for a folder, everything below it, and the folders above it that were missing). */
  invalidate(absolutePath: string): void {
    this.known.delete(absolutePath);
    // A file created in a new folder may come with no event for the folder: it exists now.
    for (let folder = dirname(absolutePath); this.known.get(folder) === false; folder = dirname(folder)) {
      this.known.delete(folder);
      if (dirname(folder) === folder) break;
    }
    // A link may have changed where anything resolves: real paths are cheap to ask again.
    this.real.clear();
    const prefix = absolutePath.endsWith(sep) ? absolutePath : absolutePath + sep;
    for (const path of this.known.keys()) if (path.startsWith(prefix)) this.known.delete(path);
  }

  clear(): void {
    this.known.clear();
    this.real.clear();
  }
}
