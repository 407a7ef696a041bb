/**
 * Which files `check` looks at. No operand: every governance file under the working folder.
 * A folder: the governance files below it. A file: that file, whatever its name (the user named
 * it). A glob (picomatch): the files it matches. Folders are walked by the language server's own
 * walker (node_modules and .git skipped, links not followed), so both see the same files.
 */
import { promises as fsp } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { GOVERNANCE_FILE_PATTERNS, isGovernanceFileName } from '../engine/vocabulary';
import { listFiles } from '../walk';
import { UsageError } from './io';

export interface Discovery {
  /** absolute paths, sorted, each once */
  files: string[];
}

const toPosix = (path: string) => path.split(sep).join('/');

/** Every file below `folder` for which `keep` says yes. */
async function walk(folder: string, keep: (absolutePath: string) => boolean): Promise<string[]> {
  return (await listFiles(folder)).files.filter(keep);
}

export function isGlob(operand: string): boolean {
  return picomatch.scan(operand).isGlob;
}

async function statOrNull(path: string) {
  try {
    return await fsp.stat(path);
  } catch {
    return null;
  }
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const normalised = toPosix(pattern).replace(/^(\.\/)+/, '');
  const absolute = isAbsolute(pattern);
  const scan = picomatch.scan(normalised);
  const base = resolve(cwd, scan.base || '.');
  const matches = picomatch(normalised, { dot: false });
  return walk(base, (path) => matches(absolute ? toPosix(path) : toPosix(relative(cwd, path))));
}

/** Resolves the operands of `check`; a path that does not exist or matches nothing is a usage error (exit 2). */
export async function discoverFiles(operands: readonly string[], cwd: string): Promise<Discovery> {
  const found = new Set<string>();
  const targets = operands.length ? operands : ['.'];
  for (const operand of targets) {
    const path = resolve(cwd, operand);
    const stat = await statOrNull(path);
    let files: string[];
    if (stat?.isDirectory()) {
      files = await walk(path, (file) => isGovernanceFileName(basename(file)));
      if (files.length === 0) throw new UsageError(`no governance files (${GOVERNANCE_FILE_PATTERNS.join(', ')}) under ${operand}`);
    } else if (stat) {
      files = [path];
    } else if (isGlob(operand)) {
      files = await expandGlob(operand, cwd);
      if (files.length === 0) throw new UsageError(`no files match ${operand}`);
    } else {
      throw new UsageError(`no such file or folder: ${operand}`);
    }
    files.forEach((f) => found.add(f));
  }
  return { files: [...found].sort() };
}

/** How a path is shown and written into reports: relative to the working folder when inside it. */
export function displayPath(absolutePath: string, cwd: string): string {
  const rel = relative(cwd, absolutePath);
  return toPosix(rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolutePath);
}
