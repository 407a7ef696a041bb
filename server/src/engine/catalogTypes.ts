/**
 * Shape of schemas/catalog.json: the machine-readable AI事業者ガイドライン.
 * Every Japanese string of 30+ characters in the catalog is a verbatim quote of ../shared/seeds
 * (checked by the provenance tests in test/unit/catalog.test.ts); our own words never live in the catalog.
 */

export type ItemKind =
  | 'common' // 第2部 C. 共通の指針 1)…10)            → C-1 … C-10
  | 'common-sub' // their circled sub-items ①…      → C-7-6
  | 'developer' // 第3部 D-…                         → D-7 ii
  | 'provider' // 第4部 P-…                          → P-6 i
  | 'business-user' // 第5部 U-…                     → U-7 ii
  | 'advanced' // 第2部 D. I)…XII)                   → H-1 … H-12
  | 'goal'; // 別添2 行動目標                         → G-1-1, G-3-1-1

export type Role = 'developer' | 'provider' | 'business-user';

/** The guideline's own word for how strongly it asks for an item. */
export type LevelWord = 'すべき' | '重要' | '期待される';

/** The product's default policy, derived from DESIGN §3; the severity of a missing item follows it. */
export type LevelPolicy = 'required' | 'expected' | 'recommended';

export interface Citation {
  document: string; // "AI事業者ガイドライン"
  edition: string; // "第1.0版"
  /** e.g. "本編 第3部「AI開発者に関する事項」" or "別添2「第2部 E.AIガバナンスの構築」関連" */
  part: string;
  /** section heading inside the part, e.g. "AI開発後"; "" when none */
  section: string;
  /** the item's label as printed, e.g. "D-7) ii." */
  label: string;
}

/** One block of annex explanation (別添): bullets verbatim, nesting shown by two leading spaces per level. */
export interface Practice {
  /** where it comes from, e.g. "別添3 A. 本編「第3部 AI開発者に関する事項」の解説" */
  source: string;
  /** [ポイント] / [実践のポイント] lines */
  points: string[];
  /** [具体的な手法] lines (or [実践例] for action goals) */
  methods: string[];
}

/**
 * Where a quote of a definition, a safeguard or the FY2025 update comes from. Our own short labels
 * (each under 30 characters, so that every longer Japanese string of the catalog is a quote).
 */
export interface SourceRef {
  /** "AI事業者ガイドライン（第1.0版）" or "令和7年度更新内容（2026年3月12日）" */
  document: string;
  /** the places in the document, outermost first: ["④ 留意すべき事項の追加（AI開発者）", "別添3 D-2) i. [具体的な手法]"] */
  place: string[];
}

/** What the FY2025 update (令和7年度更新内容, seed 002) adds or changes for an item. */
export interface Update {
  text: string[];
  citation: SourceRef;
}

export interface CatalogItem {
  id: string; // canonical, DESIGN §3
  aliases: string[]; // the forms the guideline prints, e.g. "D-7) ii.", "D-7）ii."
  kind: ItemKind;
  parent?: string; // C-7 for C-7-6, G-3-1 for G-3-1-1
  title: string; // Japanese, as printed
  titleEn: string; // unofficial English translation (catalog.translationNote says so)
  /** 本編 text: paragraphs / bullets, verbatim, PDF line breaks joined, footnote markers left out */
  text: string[];
  practice: Practice[];
  roles: Role[];
  level: { word: LevelWord; policy: LevelPolicy };
  related: string[]; // "2）安全性" … as printed in the parentheticals
  documentation: boolean;
  citation: Citation;
  updates: Update[];
}

export interface Definition {
  id: string; // "ai-developer", "ai-agent", …
  term: string; // "AI開発者"
  termEn: string;
  text: string[]; // verbatim
  citation: SourceRef;
  /** what the FY2025 update adds to the definition (e.g. AI開発者's post-training role) */
  updates?: Update[];
}

/** FY2025 considerations for agent / physical-AI systems (the `safeguards` vocabulary of DESIGN §2). */
export interface Safeguard {
  id: string; // "human-oversight", "least-privilege", …
  title: string; // our short Japanese label (under 30 characters)
  titleEn: string;
  appliesTo: Array<'agent' | 'physical'>;
  text: string[]; // verbatim quote from seed 002 that motivates it
  citation: SourceRef;
}

export interface Catalog {
  guideline: { title: string; titleEn: string; edition: string; published: string; publisher: string; update: string };
  translationNote: string;
  items: CatalogItem[];
  definitions: Definition[];
  safeguards: Safeguard[];
}
