/**
 * Facts a report states about a record that the pure engine cannot know: the SHA-256 of its bytes
 * and the repository commit it was read at. The commit is read from `.git` itself (HEAD → ref →
 * loose ref or packed-refs); git is never run, nothing from the workspace is executed.
 */
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export function sha256(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const HEX = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

async function readText(path: string): Promise<string | null> {
  try {
    const stat = await fsp.stat(path);
    // Refs and HEAD are tiny; anything large is not what we are looking for.
    if (!stat.isFile() || stat.size > 1024 * 1024 * 64) return null;
    return await fsp.readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The git folder of the work tree holding `folder` (a `.git` folder, or the one a `.git` file
 * points at). `cache` is shared by look-ups of many folders, so sibling folders ask their common
 * parents once.
 */
function gitDirOf(folder: string, cache: Map<string, Promise<string | null>>): Promise<string | null> {
  const dir = resolve(folder);
  let found = cache.get(dir);
  if (!found) {
    found = (async () => {
      const dotGit = join(dir, '.git');
      const stat = await fsp.stat(dotGit).catch(() => null);
      if (stat?.isDirectory()) return dotGit;
      if (stat?.isFile()) {
        const m = /^gitdir:\s*(.+?)\s*$/m.exec((await readText(dotGit)) ?? '');
        return m ? (isAbsolute(m[1]) ? m[1] : resolve(dir, m[1])) : null;
      }
      const parent = dirname(dir);
      return parent === dir ? null : gitDirOf(parent, cache);
    })();
    cache.set(dir, found);
  }
  return found;
}

async function refValue(gitDir: string, commonDir: string, ref: string): Promise<string | null> {
  for (const base of [gitDir, commonDir]) {
    const loose = (await readText(join(base, ref)))?.trim();
    if (loose && HEX.test(loose)) return loose;
  }
  const packed = (await readText(join(commonDir, 'packed-refs'))) ?? '';
  for (const line of packed.split('\n')) {
    const [hash, name] = line.trim().split(' ');
    if (name === ref && hash && HEX.test(hash)) return hash;
  }
  return null;
}

/** The commit checked out in the work tree holding `folder`; null when there is none or it cannot be read. */
export async function headCommit(folder: string, cache = new Map<string, Promise<string | null>>()): Promise<string | null> {
  const gitDir = await gitDirOf(folder, cache);
  if (!gitDir) return null;
  const common = (await readText(join(gitDir, 'commondir')))?.trim();
  const commonDir = common ? resolve(gitDir, common) : gitDir;
  const head = (await readText(join(gitDir, 'HEAD')))?.trim();
  if (!head) return null;
  if (HEX.test(head)) return head;
  // Follow a few symbolic refs at most: a loop of refs must not hang the report.
  let ref = /^ref:\s*(\S+)$/.exec(head)?.[1];
  for (let depth = 0; ref && depth < 5; depth++) {
    if (!/^refs\/[^\s]+$/.test(ref) || ref.split('/').includes('..')) return null;
    const value = await refValue(gitDir, commonDir, ref);
    if (value) return value;
    const symbolic = (await readText(join(gitDir, ref)))?.trim();
    ref = symbolic ? /^ref:\s*(\S+)$/.exec(symbolic)?.[1] : undefined;
  }
  return null;
}
