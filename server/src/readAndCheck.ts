/**
 * A governance file read from disk and checked: the one code path of the language server's scan,
 * the scan's worker threads and the CLI (check and report), so they can never disagree on a file.
 * A file over the size limit is measured and reported, never read.
 */
import { promises as fsp } from 'node:fs';
import type { CheckedDocument, CheckSettings, Engine } from './engine';

/** `bytes`: what was read (absent for a file over the size limit), for a report's SHA-256 */
export type DiskCheck = { ok: true; document: CheckedDocument; bytes?: Uint8Array } | { ok: false; error: string };

// A byte-order mark stays in the text, as an editor shows it (the parser skips it).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** A record's text as the scan read it, for a feature that asks about a file checked in a worker. */
export async function readRecordText(path: string): Promise<string> {
  return decoder.decode(await fsp.readFile(path));
}

export async function readAndCheck(engine: Engine, path: string, workspaceRoot: string, settings: CheckSettings): Promise<DiskCheck> {
  try {
    const stat = await fsp.stat(path);
    if (stat.size > settings.maxFileSizeBytes) {
      const document = { state: 'too-large', input: { path, text: '', workspaceRoot }, size: stat.size } as const;
      return { ok: true, document: { ...document, settings, diagnostics: engine.validate(document, settings) } };
    }
    const bytes = await fsp.readFile(path);
    return { ok: true, document: engine.check({ path, text: decoder.decode(bytes), workspaceRoot }, settings), bytes };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
