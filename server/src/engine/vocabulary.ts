/** The fixed vocabularies of the file format (DESIGN §2), shared by the schema, rules, hovers and completion. */
import type { Role } from './catalogTypes';

export const API_VERSION = 'ai-governance/v1';
export const GUIDELINE_EDITIONS = ['1.0', '1.1', '2026'] as const;
export const STATUSES = ['implemented', 'partial', 'planned', 'not-applicable'] as const;
export const SYSTEM_KINDS = ['generative', 'predictive', 'agent', 'physical', 'other'] as const;
export const SAFEGUARDS = ['human-oversight', 'least-privilege', 'tool-allowlist', 'data-minimisation', 'log-review', 'hardware-data-erasure'] as const;
export const TOP_LEVEL_KEYS = ['apiVersion', 'guideline', 'organization', 'roles', 'advancedAI', 'systems', 'items'] as const;
export const ITEM_FIELDS = ['status', 'owner', 'evidence', 'reviewed', 'systems', 'note', 'justification'] as const;
export const SYSTEM_FIELDS = ['id', 'name', 'roles', 'kinds', 'safeguards'] as const;
export const ORGANIZATION_FIELDS = ['name', 'accountable', 'contact'] as const;

/** Role → the definition id in the catalog and the letter of its items. */
export const ROLE_INFO: Record<Role, { definition: string; letter: string; ja: string; en: string }> = {
  developer: { definition: 'ai-developer', letter: 'D', ja: 'AI開発者', en: 'AI Developer' },
  provider: { definition: 'ai-provider', letter: 'P', ja: 'AI提供者', en: 'AI Provider' },
  'business-user': { definition: 'ai-business-user', letter: 'U', ja: 'AI利用者', en: 'AI Business User' },
};

/** Our own short explanations of values and fields (not quotes: quotes come from the catalog). */
export const STATUS_TEXT: Record<(typeof STATUSES)[number], { ja: string; en: string }> = {
  implemented: { ja: '実施済み', en: 'Implemented' },
  partial: { ja: '一部実施', en: 'Partially implemented' },
  planned: { ja: '計画中', en: 'Planned' },
  'not-applicable': { ja: '対象外（justification に理由を記載）', en: 'Not applicable (give the reason in justification)' },
};

export const FIELD_TEXT: Record<string, { ja: string; en: string }> = {
  apiVersion: { ja: 'ファイル形式のバージョン。`ai-governance/v1` を指定します。', en: 'File format version. Use `ai-governance/v1`.' },
  guideline: { ja: '準拠するガイドラインの版: "1.0"（2024年4月）、"1.1"（2025年3月）、"2026"（令和7年度更新）。', en: 'Guideline edition followed: "1.0" (2024-04), "1.1" (2025-03), "2026" (FY2025 update).' },
  organization: { ja: '組織の名称、AIガバナンスの責任者、連絡先。', en: 'The organisation, who is accountable for AI governance, and a contact.' },
  roles: { ja: 'この記録が該当する主体: developer（AI開発者）、provider（AI提供者）、business-user（AI利用者）。', en: 'The roles this record covers: developer, provider, business-user.' },
  advancedAI: { ja: '高度なAIシステムを扱う場合は true。第2部 D（H-1〜H-12）が適用されます。', en: 'true when the organisation handles advanced AI systems: Part 2 D (H-1…H-12) applies.' },
  systems: { ja: 'この記録が対象とするAIシステム。', en: 'The AI systems this record covers.' },
  items: { ja: 'ガイドラインの項目ID → その項目への対応状況。', en: 'Guideline item id → how the organisation meets it.' },
  status: { ja: '対応状況: implemented / partial / planned / not-applicable。', en: 'Status: implemented / partial / planned / not-applicable.' },
  owner: { ja: '担当者・担当部署。', en: 'The person or team responsible.' },
  evidence: { ja: '根拠資料: この記録からの相対パス、または https:// の URL。', en: 'Evidence: paths relative to this file, or https:// URLs.' },
  reviewed: { ja: '最終レビュー日（YYYY-MM-DD）。', en: 'Date of the last review (YYYY-MM-DD).' },
  note: { ja: '補足。', en: 'Notes.' },
  justification: { ja: 'not-applicable とする理由。', en: 'Why the item does not apply.' },
  kinds: { ja: 'AIシステムの種類: generative / predictive / agent / physical / other。', en: 'Kinds of AI system: generative / predictive / agent / physical / other.' },
  safeguards: { ja: 'AIエージェント・フィジカルAIに講じている対策（令和7年度更新）。', en: 'Safeguards of an agent or physical-AI system (FY2025 update).' },
  id: { ja: 'システムID（items の systems から参照）。', en: 'System id (referenced from items.*.systems).' },
  name: { ja: '名称。', en: 'Name.' },
  accountable: { ja: 'AIガバナンスの責任者（C-7-3 責任者の明示）。', en: 'Who answers for AI governance.' },
  contact: { ja: '連絡先。', en: 'Contact.' },
};

export const KIND_TEXT: Record<(typeof SYSTEM_KINDS)[number], { ja: string; en: string; definition?: string }> = {
  generative: { ja: '生成AI', en: 'Generative AI', definition: 'generative-ai' },
  predictive: { ja: '予測・判別型AI', en: 'Predictive AI' },
  agent: { ja: 'AIエージェント', en: 'AI agent', definition: 'ai-agent' },
  physical: { ja: 'フィジカルAI', en: 'Physical AI', definition: 'physical-ai' },
  other: { ja: 'その他', en: 'Other' },
};

/** `x-` keys are the user's own extensions, at every level (items included); the checks leave them alone. */
export function isExtensionKey(key: string): boolean {
  return key.startsWith('x-');
}

/**
 * Governance files (DESIGN §2) as globs on the file name: the one list the server, the CLI, the
 * client's document selector and the manifest (held by a drift test) all derive theirs from.
 */
export const GOVERNANCE_FILE_PATTERNS = ['ai-governance.yaml', 'ai-governance.yml', '*.ai-governance.yaml'] as const;

/** Folders no scan enters: dependencies and version control never hold the organisation's records. */
export const SKIPPED_FOLDERS = ['node_modules', '.git'] as const;

export function isGovernanceFileName(name: string): boolean {
  return GOVERNANCE_FILE_PATTERNS.some((pattern) => (pattern.startsWith('*') ? name.length >= pattern.length && name.endsWith(pattern.slice(1)) : name === pattern));
}
