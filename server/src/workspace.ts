/**
 * The workspace as the server sees it: which files are governance files, a scan of the folders
 * (node_modules and .git skipped, links not followed), and a cache of which evidence paths exist,
 * kept current by file events rather than re-read on every keystroke.
 */
import { existsSync, promises as fsp, realpathSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { FileSystemView } from './engine';
import { isGovernanceFileName } from './engine/vocabulary';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/** A workspace bigger than this is not walked further (files seen so far are still checked). */
const MAX_ENTRIES = 500_000;

export class GovernanceFileMatcher {
  private readonly extra: Array<(path: string) => boolean>;

  constructor(extraGlobs: readonly string[]) {
    this.extra = extraGlobs.map((glob) => picomatch(glob, { dot: true }));
  }

  matches(absolutePath: string, folders: readonly string[]): boolean {
    if (absolutePath.split(/[\\/]/).some((part) => SKIPPED_FOLDERS.has(part))) return false;
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
  const governanceFiles: string[] = [];
  const allFiles: string[] = [];
  const stack = [folder];
  let seen = 0;
  while (stack.length) {
    const dir = stack.pop() as string;
    let entries;
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: skip, never fail the scan
    }
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) return { governanceFiles, allFiles, truncated: true };
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) stack.push(path);
      } else if (entry.isFile()) {
        allFiles.push(path);
        if (matcher.matches(path, [folder])) governanceFiles.push(path);
      }
    }
  }
  return { governanceFiles: governanceFiles.sort(), allFiles, truncated: false };
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
      value = existsSync(absolutePath);
      this.known.set(absolutePath, value);
    }
    return value;
  }

  /** A file was created or deleted: forget it (and, for a folder, everything below it). */
  invalidate(absolutePath: string): void {
    this.known.delete(absolutePath);
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
