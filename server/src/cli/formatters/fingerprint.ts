/**
 * Fingerprints of findings that survive edits elsewhere in the file, shared by SARIF
 * (`partialFingerprints`) and GitLab Code Quality (`fingerprint`): the file, the rule, what the
 * finding is about (item, key, evidence, safeguard — never its line), and its occurrence among
 * findings about the same subject. Stable across runs and message languages; unique in a report.
 */
import { createHash } from 'node:crypto';
import type { EngineDiagnostic } from '../../engine';

export class Fingerprints {
  private readonly seen = new Map<string, number>();

  /** One per file: occurrences are counted within a file. */
  constructor(private readonly path: string) {}

  next(d: EngineDiagnostic): string {
    const subject = JSON.stringify([this.path, d.code, d.data.itemId ?? '', d.data.itemKey ?? '', d.data.evidence ?? '', d.data.safeguard ?? '', d.data.missingSubItems ?? []]);
    const occurrence = (this.seen.get(subject) ?? 0) + 1;
    this.seen.set(subject, occurrence);
    return `${createHash('sha256').update(subject).digest('hex').slice(0, 32)}:${occurrence}`;
  }
}
