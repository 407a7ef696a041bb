/**
 * The one folder walker of the language server's scan and the CLI (fdir): every file below a
 * folder, the skipped folders (node_modules, .git) never entered, links not followed, unreadable
 * folders passed over, and a cap so a huge folder cannot exhaust memory.
 */
import { fdir } from 'fdir';
import { SKIPPED_FOLDERS } from './engine/vocabulary';

const SKIPPED: ReadonlySet<string> = new Set(SKIPPED_FOLDERS);

export interface FolderFiles {
  /** absolute paths, in no particular order */
  files: string[];
  /** true when the cap was reached and the walk stopped */
  truncated: boolean;
}

export async function listFiles(folder: string, maxFiles = Number.POSITIVE_INFINITY): Promise<FolderFiles> {
  let crawler = new fdir({ excludeSymlinks: true, suppressErrors: true }).withFullPaths().exclude((name) => SKIPPED.has(name));
  if (Number.isFinite(maxFiles)) crawler = crawler.withMaxFiles(maxFiles + 1);
  const files = await crawler.crawl(folder).withPromise();
  return files.length > maxFiles ? { files: files.slice(0, maxFiles), truncated: true } : { files, truncated: false };
}

/** True when a path lies in a skipped folder (for paths that come from file events, not from a walk). */
export function inSkippedFolder(path: string): boolean {
  return path.split(/[\\/]/).some((part) => SKIPPED.has(part));
}
