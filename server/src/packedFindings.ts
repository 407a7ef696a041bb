/**
 * A workspace scan's findings, kept compactly. A scan of 5,000 records holds a couple of hundred
 * thousand findings; as objects (the finding, its range, two positions, its data) they took ~300
 * bytes each, most of the server's heap. Here a record keeps its ranges in one typed array and, per
 * finding, a reference to its "head" (code, severity, message, data), which is shared by every
 * finding alike in any record: records written from one template share nearly all of theirs.
 * The objects are made again, for a moment, when something reads them (publication, coverage).
 */
import type { EngineDiagnostic } from './engine';

/** What a scan's worker thread sends for one record: the ranges (transferable) and each finding's head as JSON. */
export interface PackedFindings {
  /** start line, start character, end line, end character of each finding */
  positions: Uint32Array;
  heads: string[];
}

type Head = Omit<EngineDiagnostic, 'range'>;

export function packFindings(diagnostics: readonly EngineDiagnostic[]): PackedFindings {
  const positions = new Uint32Array(diagnostics.length * 4);
  const heads = diagnostics.map((d, i) => {
    positions[i * 4] = d.range.start.line;
    positions[i * 4 + 1] = d.range.start.character;
    positions[i * 4 + 2] = d.range.end.line;
    positions[i * 4 + 3] = d.range.end.character;
    return JSON.stringify({ code: d.code, severity: d.severity, message: d.message, data: d.data });
  });
  return { positions, heads };
}

/** One record's findings as kept: read them with `unpack()`, which makes the objects anew each time. */
export class CompactFindings {
  constructor(
    private readonly positions: Uint32Array,
    private readonly heads: readonly Head[],
  ) {}

  get length(): number {
    return this.heads.length;
  }

  unpack(): EngineDiagnostic[] {
    const p = this.positions;
    return this.heads.map((head, i) => ({
      code: head.code,
      severity: head.severity,
      range: { start: { line: p[i * 4], character: p[i * 4 + 1] }, end: { line: p[i * 4 + 2], character: p[i * 4 + 3] } },
      message: head.message,
      data: head.data,
    }));
  }
}

/** The heads of a scan's findings, one object per distinct head; bounded so that a long-lived server stays so. */
export class FindingHeads {
  private heads = new Map<string, Head>();

  /** @param limit past this many distinct heads the pool starts afresh (records keep the heads they hold) */
  constructor(private readonly limit = 100_000) {}

  compact(packed: PackedFindings): CompactFindings {
    return new CompactFindings(
      packed.positions,
      packed.heads.map((json) => {
        const known = this.heads.get(json);
        if (known) return known;
        if (this.heads.size >= this.limit) this.heads = new Map();
        const head = JSON.parse(json) as Head;
        this.heads.set(json, head);
        return head;
      }),
    );
  }
}
