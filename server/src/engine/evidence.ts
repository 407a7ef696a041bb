/** Where an evidence entry points: a URL, or a path resolved against the record and kept inside the workspace. */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

export type EvidenceTarget =
  | { kind: 'url'; url: string }
  | { kind: 'file'; absolutePath: string }
  | { kind: 'outside'; absolutePath: string };

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;
const WINDOWS_ABSOLUTE = /^[a-zA-Z]:[\\/]|^\\\\/;

export function resolveEvidence(raw: string, recordPath: string, workspaceRoot: string): EvidenceTarget {
  const value = raw.trim();
  if (URL_PATTERN.test(value)) return { kind: 'url', url: value };
  // Records are shared across machines: `docs\a.md` means `docs/a.md`; `#anchor` is not part of the file.
  const path = value.replace(/\\/g, '/').replace(/#.*$/, '');
  if (WINDOWS_ABSOLUTE.test(value) || isAbsolute(path)) return { kind: 'outside', absolutePath: path };
  const absolutePath = resolve(dirname(recordPath), path);
  const fromRoot = relative(resolve(workspaceRoot), absolutePath);
  if (fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) return { kind: 'outside', absolutePath };
  return { kind: 'file', absolutePath };
}
