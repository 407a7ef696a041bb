/**
 * Which files `check` looks at. No operand: every governance file under the working folder.
 * A folder: the governance files below it. A file: that file, whatever its name (the user named
 * it). A glob (picomatch): the files it matches. Walks skip node_modules and .git and do not
 * follow links, as the language server's workspace scan does, so both see the same files.
 */
import { promises as fsp } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { isGovernanceFileName } from '../engine/vocabulary';
import { UsageError } from './io';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface Discovery {
  /** absolute paths, sorted, each once */
  files: string[];
}

const toPosix = (path: string) => path.split(sep).join('/');

/** Every file below `folder` for which `keep` says yes (links not followed, unreadable folders skipped). */
async function walk(folder: string, keep: (absolutePath: string, name: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  const stack = [folder];
  while (stack.length) {
    const dir = stack.pop() as string;
    let entries;
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) stack.push(path);
      } else if (entry.isFile() && keep(path, entry.name)) {
        found.push(path);
      }
    }
  }
  return found;
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
      files = await walk(path, (_, name) => isGovernanceFileName(name));
      if (files.length === 0) throw new UsageError(`no governance files (ai-governance.yaml, ai-governance.yml, *.ai-governance.yaml) under ${operand}`);
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
