/**
 * The repository commit of each record for its report's cover, read from `.git` without running
 * git: shared by the CLI (cli/fileWork) and the language server (handlers/exportReport).
 */
import { dirname } from 'node:path';
import { headCommit } from './facts';

/** One commit look-up per folder: a thousand records in one repository read `.git` once each folder. */
export class CommitReader {
  private readonly cache = new Map<string, Promise<string | null>>();
  private readonly gitDirs = new Map<string, Promise<string | null>>();

  commitOf(absolutePath: string): Promise<string | null> {
    const folder = dirname(absolutePath);
    let found = this.cache.get(folder);
    if (!found) {
      found = headCommit(folder, this.gitDirs);
      this.cache.set(folder, found);
    }
    return found;
  }
}
