/**
 * The data of `ai-governance report` for one record: the coverage model (never a second one) plus
 * what a governance officer or an auditor reads beside it — the cover, the guideline text of each
 * item quoted verbatim with its citation, the waivers, stale reviews and broken evidence, the
 * systems, the 別添7 B check questions for advanced AI, and what could not be read. Pure: the
 * hash, the commit and the clock come in as facts; every format (HTML, Markdown, XLSX, JSON) and
 * the editor's export render this one shape.
 */
import type { GuidelineCatalog } from './catalog';
import type { CatalogItem, Role } from './catalogTypes';
import { citationLine, sourceLine } from './citation';
import type { CoverageFinding, CoverageSummary, EvidenceState, ItemState, RecordCoverage, ReviewState } from './coverage';
import { asMap, pairOf, scalarText, type GovernanceRecord } from './record';
import { isBrokenEvidence } from './rules/evidence';
import { fileSizeRule } from './rules/fileSize';
import { syntaxRule } from './rules/syntax';
import type { EngineDiagnostic, Severity } from './types';
import { SAFEGUARDS } from './vocabulary';

/** Facts about a record the engine cannot know by itself. */
export interface ReportFacts {
  /** as shown to the reader: relative to the working folder, `/` separators */
  path: string;
  /** SHA-256 (hex) of the record's bytes */
  sha256: string;
  /** the repository commit the record was read at, when it lives in a git work tree */
  commit: string | null;
}

export interface ReportItem {
  id: string;
  title: string;
  titleEn: string;
  /** the guideline's own word: すべき / 重要 / 期待される */
  word: string;
  requirement: 'required' | 'expected' | 'recommended';
  state: ItemState;
  done: boolean;
  /** the key as written in the record; absent for a missing item */
  key?: string;
  /** the principle is covered by these sub-items instead of its own key */
  coveredBy?: string[];
  missingSubItems?: string[];
  owner?: string;
  evidence: { paths: string[]; state: EvidenceState };
  reviewed?: string;
  review: ReviewState;
  justification?: string;
  note?: string;
  /** who granted an exemption and until when (not-applicable items) */
  approvedBy?: string;
  until?: string;
  systems: string[];
  /** lines 1-based */
  findings: CoverageFinding[];
  /** the guideline's text of the item, verbatim; a line starting with two spaces is a bullet */
  text: string[];
  /** `出典: AI事業者ガイドライン（第1.0版）…` */
  citation: string;
  /** the line (1-based) of the entry in the record, for the reader who opens the YAML */
  line?: number;
}

export interface ReportWaiver {
  id: string;
  title: string;
  justification?: string;
  approvedBy?: string;
  until?: string;
}

export interface ReportSystem {
  id: string;
  name?: string;
  roles: string[];
  kinds: string[];
  safeguards: string[];
  /** FY2025 safeguards an agent / physical-AI system should have and does not list */
  missingSafeguards: string[];
  summary: CoverageSummary;
}

/** One 別添7 B check question (①–⑫ of 第2部 D) and the record's answer to it. */
export interface AdvancedCheck {
  id: string;
  /** ① … ⑫ */
  number: string;
  question: string;
  citation: string;
  state: ItemState;
  done: boolean;
  owner?: string;
  /** the record's own words: note, else justification */
  answer?: string;
  evidence: string[];
}

export interface ReportFinding {
  code: string;
  severity: Severity;
  message: string;
  /** 1-based */
  line: number;
}

export interface RecordReport {
  path: string;
  sha256: string;
  commit: string | null;
  cover: {
    organization: { name?: string; accountable?: string; contact?: string };
    roles: Role[];
    advancedAI: boolean;
    /** the `guideline:` edition the record follows, as written ("1.0", "1.1", "2026"); null when absent */
    edition: string | null;
  };
  summary: CoverageSummary;
  principles: Array<{ id: string; title: string; titleEn: string; summary: CoverageSummary }>;
  roles: Array<{ role: Role; summary: CoverageSummary }>;
  owners: Array<{ owner: string; summary: CoverageSummary }>;
  items: ReportItem[];
  waivers: ReportWaiver[];
  staleReviews: Array<{ id: string; title: string; reviewed?: string; review: ReviewState }>;
  brokenEvidence: Array<{ id: string; title: string; paths: string[]; findings: CoverageFinding[] }>;
  systems: ReportSystem[];
  /** with advancedAI: ①–⑫; else null */
  advancedChecks: AdvancedCheck[] | null;
  /** findings that belong to no item (syntax, structure, unknown ids) */
  otherFindings: ReportFinding[];
  /** the record has parts that could not be read: these say where and why */
  unreadable: ReportFinding[];
  /** true when the report is built from what could be read, not the whole record */
  incomplete: boolean;
}

/** What the parser could not read, or a file too large to read: the codes of those two rule modules. */
const UNREADABLE_CODES: ReadonlySet<string> = new Set([...Object.keys(syntaxRule.codes), ...Object.keys(fileSizeRule.codes)]);

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫';

/** The FY2025 update's 別添7 B checklist question of an H item, when the catalog quotes one. */
export function checkQuestion(item: CatalogItem): { question: string; citation: string } | null {
  const update = item.updates.find((u) => u.citation.place.some((p) => p.startsWith('別添7 B')));
  return update && update.text[0] ? { question: update.text[0], citation: sourceLine(update.citation) } : null;
}

const EMPTY_SUMMARY: CoverageSummary = { required: 0, implemented: 0, partial: 0, planned: 0, notApplicable: 0, missing: 0, done: 0 };

function text(map: ReturnType<typeof asMap>, key: string): string | undefined {
  const value = scalarText(pairOf(map, key)?.value)?.trim();
  return value ? value : undefined;
}

function finding(d: EngineDiagnostic): ReportFinding {
  return { code: d.code, severity: d.severity, message: d.message, line: d.range.start.line + 1 };
}

/**
 * The report of one record. `coverage` is `engine.coverage(document)`; both null when the file
 * could not be parsed at all (too large, unreadable): the report then says so and lists nothing.
 */
export function recordReport(
  facts: ReportFacts,
  record: GovernanceRecord | null,
  coverage: RecordCoverage | null,
  diagnostics: readonly EngineDiagnostic[],
  catalog: GuidelineCatalog,
): RecordReport {
  const root = asMap(record?.root);
  const organization = asMap(pairOf(root, 'organization')?.value);
  const entries = new Map((record?.items ?? []).flatMap((e) => (e.resolution.status === 'unknown' ? [] : [[e.resolution.id, e] as const])));
  const lines = record?.parsed.lines;

  const items: ReportItem[] = (coverage?.items ?? []).map((c) => {
    const item = catalog.get(c.id);
    const entry = entries.get(c.id);
    return {
      id: c.id,
      title: item?.title ?? c.title,
      titleEn: item?.titleEn ?? c.titleEn,
      word: c.word,
      requirement: c.requirement,
      state: c.state,
      done: c.done,
      key: c.key,
      coveredBy: c.coveredBy,
      missingSubItems: c.missingSubItems,
      owner: c.owner,
      evidence: c.evidence,
      reviewed: c.reviewed,
      review: c.review,
      justification: c.justification,
      note: c.note,
      approvedBy: text(entry?.fields ?? null, 'approvedBy'),
      until: text(entry?.fields ?? null, 'until'),
      systems: c.systems,
      findings: c.findings.map((f) => ({ ...f, line: f.line + 1 })),
      // The catalog's current text; per-edition wording, when the catalog gains it, follows `guideline:`.
      text: item?.text ?? [],
      citation: item ? citationLine(item) : '',
      line: entry && lines ? lines.position(entry.pair.key.start).line + 1 : undefined,
    };
  });

  const covered = new Set((coverage?.items ?? []).flatMap((i) => i.findings.map((f) => `${f.code}:${f.line}:${f.message}`)));
  const otherFindings = diagnostics.filter((d) => !UNREADABLE_CODES.has(d.code) && !covered.has(`${d.code}:${d.range.start.line}:${d.message}`)).map(finding);
  const unreadable = diagnostics.filter((d) => UNREADABLE_CODES.has(d.code)).map(finding);

  const systems: ReportSystem[] = (record?.systems ?? []).flatMap((s) => {
    if (!s.id) return [];
    const kinds = s.kinds.map((k) => k.value);
    const safeguards = s.safeguards.map((g) => g.value);
    const expected = SAFEGUARDS.filter((g) => {
      const safeguard = catalog.safeguard(g);
      return safeguard?.appliesTo.some((kind) => kinds.includes(kind));
    });
    const rolesNode = pairOf(s.node, 'roles')?.value;
    return [
      {
        id: s.id,
        name: text(s.node, 'name'),
        roles: rolesNode?.type === 'seq' ? rolesNode.items.flatMap((n) => (n.type === 'scalar' && n.value !== null ? [String(n.value)] : [])) : [],
        kinds,
        safeguards,
        missingSafeguards: expected.filter((g) => !safeguards.includes(g)),
        summary: coverage?.systems.find((c) => c.id === s.id)?.summary ?? { ...EMPTY_SUMMARY },
      },
    ];
  });

  const advancedChecks = record?.advancedAI
    ? catalog.items
        .filter((i) => i.kind === 'advanced')
        .flatMap((item) => {
          const q = checkQuestion(item);
          if (!q) return [];
          const n = Number(item.id.slice(2));
          const row = items.find((i) => i.id === item.id);
          return [
            {
              id: item.id,
              number: CIRCLED[n - 1] ?? String(n),
              question: q.question,
              citation: q.citation,
              state: row?.state ?? 'missing',
              done: row?.done ?? false,
              owner: row?.owner,
              answer: row?.note ?? row?.justification,
              evidence: row?.evidence.paths ?? [],
            },
          ];
        })
    : null;

  const edition = scalarText(pairOf(root, 'guideline')?.value);
  return {
    path: facts.path,
    sha256: facts.sha256,
    commit: facts.commit,
    cover: {
      organization: { name: text(organization, 'name'), accountable: text(organization, 'accountable'), contact: text(organization, 'contact') },
      roles: record?.roles.map((r) => r.role) ?? [],
      advancedAI: record?.advancedAI ?? false,
      edition: edition ?? null,
    },
    summary: coverage?.summary ?? { ...EMPTY_SUMMARY },
    principles: (coverage?.principles ?? []).map((p) => ({ id: p.id, title: p.title, titleEn: p.titleEn, summary: p.summary })),
    roles: coverage?.roles ?? [],
    owners: (coverage?.owners ?? []).map((o) => ({ owner: o.owner, summary: o.summary })),
    items,
    waivers: items.filter((i) => i.state === 'not-applicable' && !i.coveredBy).map((i) => ({ id: i.id, title: i.title, justification: i.justification, approvedBy: i.approvedBy, until: i.until })),
    staleReviews: items.filter((i) => i.review === 'stale' || i.review === 'future' || i.review === 'invalid').map((i) => ({ id: i.id, title: i.title, reviewed: i.reviewed, review: i.review })),
    brokenEvidence: items
      .filter((i) => i.evidence.state === 'broken')
      .map((i) => ({ id: i.id, title: i.title, paths: i.evidence.paths, findings: i.findings.filter((f) => isBrokenEvidence(f.code)) })),
    systems,
    advancedChecks,
    otherFindings,
    unreadable,
    incomplete: coverage ? coverage.incomplete : true,
  };
}

/** Everything one run reports: the records, who made it and when. */
export interface ReportDocument {
  tool: { name: string; version: string; catalog: { edition: string; update: string } };
  /** ISO date-time the report was generated */
  generated: string;
  records: RecordReport[];
}

export function reportDocument(records: RecordReport[], toolVersion: string, generated: string, catalog: GuidelineCatalog): ReportDocument {
  const g = catalog.data.guideline;
  return { tool: { name: 'ai-governance', version: toolVersion, catalog: { edition: g.edition, update: g.update } }, generated, records };
}
