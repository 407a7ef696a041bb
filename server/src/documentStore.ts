/**
 * Every governance document the server knows, each in a named state: read once per version (from
 * the editor or the disk) and shared by diagnostics, hover, completion, symbols, links, code
 * actions and coverage. An entry's `validation` is the one run of the rules for its version and
 * settings; `previous` keeps the last parse of the same uri, so a later version can be checked
 * against the one before it.
 */
import type { CheckedDocument, CheckSettings, EngineDiagnostic, ParsedRecord } from './engine';
import type { CompactFindings } from './packedFindings';
import type { ServerSettings } from './settings';

/** Where an entry's text came from: the editor, at a version, or the disk. */
export type TextSource = { from: 'editor'; version: number } | { from: 'disk' };

/** The rules' findings for one version, and the settings they were found with. */
export interface Validation {
  settings: CheckSettings;
  /** the findings; a scanned record's are made anew from their compact form on each read, so read them once per use */
  readonly diagnostics: EngineDiagnostic[];
  /** how many findings there are, without making them */
  readonly findings: number;
  /** evidence paths the record points at, so a file event re-checks the records that use it */
  evidence: string[];
}

export const validation = (settings: CheckSettings, diagnostics: EngineDiagnostic[], evidence: string[]): Validation => ({ settings, diagnostics, findings: diagnostics.length, evidence });

/** The validation of a record checked in a scan's worker: its findings kept compact (packedFindings.ts). */
export function scannedValidation(settings: CheckSettings, compact: CompactFindings, evidence: string[]): Validation {
  return {
    settings,
    get diagnostics() {
      return compact.unpack();
    },
    findings: compact.length,
    evidence,
  };
}

interface EntryBase {
  uri: string;
  source: TextSource;
  /** the resolved settings the entry was read with: when the cache drops them, the entry is stale */
  settings: ServerSettings;
  /** undefined while the check of this version is still to come (debounced edits) */
  validation: Validation | undefined;
  /** the last parse of this uri before this entry, if any */
  previous: ParsedRecord | undefined;
}

export type DocumentEntry =
  /** parsed on this thread: every feature reads `document.record` */
  | (EntryBase & { state: 'parsed'; document: Extract<ParsedRecord, { state: 'parsed' }> })
  /** over the size limit: measured, never parsed; features answer nothing and nothing re-checks it */
  | (EntryBase & { state: 'too-large'; document: Extract<ParsedRecord, { state: 'too-large' }> })
  /**
   * read and checked in a scan's worker thread: diagnostics here; the file is read again and parsed
   * when a feature asks (a scan of thousands of records keeps no text)
   */
  | (EntryBase & { state: 'checked-in-worker'; source: { from: 'disk' }; path: string; workspaceRoot: string; validation: Validation });

type WithoutPrevious<E> = E extends unknown ? Omit<E, 'previous'> : never;
/** An entry as it is handed to the store, which fills in `previous`. */
export type NewEntry = WithoutPrevious<DocumentEntry>;

export function versionOf(entry: DocumentEntry): number | undefined {
  return entry.source.from === 'editor' ? entry.source.version : undefined;
}

export function parsedOf(entry: DocumentEntry | undefined): ParsedRecord | undefined {
  return entry && entry.state !== 'checked-in-worker' ? entry.document : undefined;
}

/** An entry's parse with its check, for the features that need both (code actions). */
export function checkedOf(entry: DocumentEntry | undefined): CheckedDocument | undefined {
  const parsed = parsedOf(entry);
  return parsed && entry?.validation ? { ...parsed, settings: entry.validation.settings, diagnostics: entry.validation.diagnostics } : undefined;
}

export class DocumentStore {
  private readonly entries = new Map<string, DocumentEntry>();
  /** evidence path → the records (uris) that point at it */
  private readonly evidenceUsers = new Map<string, Set<string>>();
  /** record (uri) → the evidence paths it was linked to: unlinking a record touches its own paths only, not every path of the workspace */
  private readonly evidenceOf = new Map<string, readonly string[]>();

  get(uri: string): DocumentEntry | undefined {
    return this.entries.get(uri);
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  all(): DocumentEntry[] {
    return [...this.entries.values()];
  }

  /** Puts a new version of a document; the parse it replaces stays reachable as its `previous`. */
  put(entry: NewEntry): DocumentEntry {
    const before = this.entries.get(entry.uri);
    const stored = { ...entry, previous: parsedOf(before) ?? before?.previous } as DocumentEntry;
    this.entries.set(entry.uri, stored);
    this.linkEvidence(entry.uri, stored.validation?.evidence ?? []);
    return stored;
  }

  /** Records the check of an entry's version (nothing happens if the entry was replaced meanwhile). */
  validated(entry: DocumentEntry, validation: Validation): boolean {
    if (this.entries.get(entry.uri) !== entry) return false;
    entry.validation = validation;
    this.linkEvidence(entry.uri, validation.evidence);
    return true;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.linkEvidence(uri, []);
  }

  /** The records whose evidence is `path` or lies under it (a folder). */
  usersOf(path: string, separator: string): Set<string> {
    const users = new Set<string>();
    for (const [target, uris] of this.evidenceUsers) {
      if (target === path || target.startsWith(path + separator)) uris.forEach((u) => users.add(u));
    }
    return users;
  }

  private linkEvidence(uri: string, targets: readonly string[]): void {
    for (const target of this.evidenceOf.get(uri) ?? []) {
      const users = this.evidenceUsers.get(target);
      users?.delete(uri);
      if (users?.size === 0) this.evidenceUsers.delete(target);
    }
    if (targets.length > 0) this.evidenceOf.set(uri, targets);
    else this.evidenceOf.delete(uri);
    for (const target of targets) {
      const users = this.evidenceUsers.get(target) ?? new Set<string>();
      users.add(uri);
      this.evidenceUsers.set(target, users);
    }
  }
}
