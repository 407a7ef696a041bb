/**
 * Builds the report of records from disk or from an editor's text: check each exactly as `check`
 * does, take the engine's report data, add the record's hash and commit. Shared by the CLI and the
 * language server so both report the same thing.
 */
import { dirname } from 'node:path';
import type { CheckSettings, Engine, RecordReport } from '../engine';
import { headCommit, sha256 } from './facts';

export interface RecordSource {
  absolutePath: string;
  /** as shown in the report */
  path: string;
  /** the record's bytes (or its text, as an editor holds it) */
  content: Uint8Array | string;
  workspaceRoot: string;
}

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

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export async function recordReportFrom(engine: Engine, source: RecordSource, settings: CheckSettings, commits: CommitReader): Promise<RecordReport> {
  const text = typeof source.content === 'string' ? source.content : decoder.decode(source.content);
  const document = engine.check({ path: source.absolutePath, text, workspaceRoot: source.workspaceRoot }, settings);
  return engine.report(document, { path: source.path, sha256: sha256(source.content), commit: await commits.commitOf(source.absolutePath) });
}
