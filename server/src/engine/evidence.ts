/** Where an evidence entry points: a URL, or a path resolved against the record and kept inside the workspace. */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileSystemView } from './types';

export type EvidenceTarget =
  | { kind: 'url'; url: string }
  | { kind: 'file'; absolutePath: string }
  | { kind: 'outside'; absolutePath: string };

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;
const WINDOWS_ABSOLUTE = /^[a-zA-Z]:[\\/]|^\\\\/;

export function resolveEvidence(raw: string, recordPath: string, workspaceRoot: string): EvidenceTarget {
  return resolveFrom(raw, dirname(recordPath), resolve(workspaceRoot));
}

/** resolveEvidence with the record's folder and the resolved root computed once for all of a record's entries. */
function resolveFrom(raw: string, recordFolder: string, resolvedRoot: string): EvidenceTarget {
  const value = raw.trim();
  if (URL_PATTERN.test(value)) return { kind: 'url', url: value };
  // Records are shared across machines: `docs\a.md` means `docs/a.md`; `#anchor` is not part of the file.
  const path = value.replace(/\\/g, '/').replace(/#.*$/, '');
  if (WINDOWS_ABSOLUTE.test(value) || isAbsolute(path)) return { kind: 'outside', absolutePath: path };
  const absolutePath = resolve(recordFolder, path);
  const fromRoot = relative(resolvedRoot, absolutePath);
  if (fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) return { kind: 'outside', absolutePath };
  return { kind: 'file', absolutePath };
}

/** Where an evidence entry leads once symlinks are followed: `missing` is inside the workspace as written but not there. */
export type EvidenceLocation = EvidenceTarget | { kind: 'missing'; absolutePath: string };

function isInside(path: string, root: string): boolean {
  const fromRoot = relative(root, path);
  return !(fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot));
}

/**
 * Resolves an evidence entry for real: a path inside the workspace as written may still lead out of
 * it through a symlink, so the check is made on the real path (`realpath`) against the real root.
 * The file is never opened: a FIFO, a device or a huge folder answers as fast as a plain file.
 */
export function locateEvidence(raw: string, recordPath: string, workspaceRoot: string, fs: FileSystemView): EvidenceLocation {
  return evidenceLocator(recordPath, workspaceRoot, fs)(raw);
}

/**
 * locateEvidence for the many entries of one record: the root's real path is asked once, and for a
 * missing path the answer of its nearest existing folder once per folder (67,000 missing paths in
 * one folder walk up from that folder once, not 67,000 times).
 */
export function evidenceLocator(recordPath: string, workspaceRoot: string, fs: FileSystemView): (raw: string) => EvidenceLocation {
  const recordFolder = dirname(recordPath);
  const resolvedRoot = resolve(workspaceRoot);
  const realpath = fs.realpath?.bind(fs);
  let realRoot: string | undefined;
  const rootReal = () => (realRoot ??= realpath?.(workspaceRoot) ?? resolvedRoot);
  const folders = new Map<string, boolean>();
  /** nearestRealInside of a folder, remembered */
  const folderInside = (folder: string): boolean => {
    let inside = folders.get(folder);
    if (inside === undefined) {
      const real = realpath!(folder);
      if (real !== null) inside = isInside(real, rootReal());
      else inside = dirname(folder) === folder ? false : folderInside(dirname(folder));
      folders.set(folder, inside);
    }
    return inside;
  };
  return (raw) => {
    const target = resolveFrom(raw, recordFolder, resolvedRoot);
    if (target.kind !== 'file') return target;
    if (!realpath) return fs.exists(target.absolutePath) ? target : { kind: 'missing', absolutePath: target.absolutePath };
    const real = realpath(target.absolutePath);
    if (real === null) {
      // Missing, or behind a link that leads out: the nearest folder that exists tells which.
      const path = target.absolutePath;
      const inside = dirname(path) === path ? false : folderInside(dirname(path));
      return inside ? { kind: 'missing', absolutePath: path } : { kind: 'outside', absolutePath: path };
    }
    return isInside(real, rootReal()) ? target : { kind: 'outside', absolutePath: target.absolutePath };
  };
}

/**
 * True when a path (which may not exist yet, like a skeleton a fix creates) stays inside the
 * workspace once the symlinks of its nearest existing ancestor are followed.
 */
export function nearestRealInside(absolutePath: string, workspaceRoot: string, fs: FileSystemView): boolean {
  if (!fs.realpath) return isInside(resolve(absolutePath), resolve(workspaceRoot));
  const root = fs.realpath(workspaceRoot) ?? resolve(workspaceRoot);
  for (let path = resolve(absolutePath); ; path = dirname(path)) {
    const real = fs.realpath(path);
    if (real !== null) return isInside(real, root);
    if (dirname(path) === path) return false;
  }
}
