/**
 * A governance file read from disk and checked: the one code path of the language server's scan,
 * the scan's worker threads and the CLI, so the three can never disagree on a file. A file over the
 * size limit is measured and reported, never read.
 */
import { promises as fsp } from 'node:fs';
import type { CheckedDocument, CheckSettings, Engine } from './engine';

export type DiskCheck = { ok: true; document: CheckedDocument } | { ok: false; error: string };

export async function readAndCheck(engine: Engine, path: string, workspaceRoot: string, settings: CheckSettings): Promise<DiskCheck> {
  try {
    const stat = await fsp.stat(path);
    if (stat.size > settings.maxFileSizeBytes) {
      const document = { state: 'too-large', input: { path, text: '', workspaceRoot }, size: stat.size } as const;
      return { ok: true, document: { ...document, settings, diagnostics: engine.validate(document, settings) } };
    }
    const text = await fsp.readFile(path, 'utf8');
    return { ok: true, document: engine.check({ path, text, workspaceRoot }, settings) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
