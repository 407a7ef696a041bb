/** The report's own words in Japanese and English; guideline quotes stay Japanese in both. */
import type { ItemState, MessageLanguage, ReviewState } from '../engine';
import type { Role } from '../engine/catalogTypes';
import { KIND_TEXT, ROLE_INFO } from '../engine/vocabulary';

export interface ReportText {
  title: string;
  portfolioTitle: string;
  cover: string;
  organization: string;
  accountable: string;
  contact: string;
  roles: string;
  advancedAI: string;
  edition: string;
  generated: string;
  tool: string;
  catalog: string;
  record: string;
  commit: string;
  sha256: string;
  yes: string;
  no: string;
  none: string;
  notStated: string;
  summary: string;
  required: string;
  done: string;
  inProgress: string;
  byPrinciple: string;
  byRole: string;
  bySystem: string;
  byOwner: string;
  group: string;
  checklist: string;
  checklistNote: string;
  id: string;
  item: string;
  text: string;
  word: string;
  requirement: string;
  state: string;
  owner: string;
  evidence: string;
  reviewed: string;
  justification: string;
  note: string;
  findings: string;
  waivers: string;
  approvedBy: string;
  until: string;
  staleReviews: string;
  brokenEvidence: string;
  systems: string;
  system: string;
  name: string;
  kinds: string;
  safeguards: string;
  missingSafeguards: string;
  advancedChecks: string;
  advancedChecksNote: string;
  question: string;
  answer: string;
  signOff: string;
  preparedBy: string;
  checkedBy: string;
  approvedBySign: string;
  date: string;
  unreadable: string;
  unreadableNote: string;
  otherFindings: string;
  line: string;
  coveredBy: string;
  missingSubItems: string;
  repository: string;
  records: string;
  nothing: string;
  unofficial: string;
  states: Record<ItemState, string>;
  reviews: Record<ReviewState, string>;
  requirements: Record<'required' | 'expected' | 'recommended', string>;
  role(role: Role): string;
  kind(kind: string): string;
  percent(done: number, required: number): string;
}

const STATES_JA: Record<ItemState, string> = { implemented: '実施済み', partial: '一部実施', planned: '計画中', 'not-applicable': '対象外', missing: '未記載' };
const STATES_EN: Record<ItemState, string> = { implemented: 'Implemented', partial: 'Partial', planned: 'Planned', 'not-applicable': 'Not applicable', missing: 'Missing' };

const percent = (done: number, required: number) => (required === 0 ? '—' : `${Math.round((done / required) * 100)}%`);

export const REPORT_TEXT: Record<MessageLanguage, ReportText> = {
  ja: {
    title: 'AIガバナンス報告書',
    portfolioTitle: 'AIガバナンス報告書（リポジトリ横断）',
    cover: '概要',
    organization: '組織',
    accountable: '責任者',
    contact: '連絡先',
    roles: '主体',
    advancedAI: '高度なAIシステム',
    edition: '準拠する版',
    generated: '作成日時',
    tool: 'ツール',
    catalog: 'ガイドライン',
    record: '記録',
    commit: 'コミット',
    sha256: 'SHA-256',
    yes: 'あり',
    no: 'なし',
    none: '—',
    notStated: '（記載なし）',
    summary: '対応状況',
    required: '必須項目',
    done: '完了',
    inProgress: '対応中',
    byPrinciple: '原則別',
    byRole: '主体別',
    bySystem: 'システム別',
    byOwner: '担当別',
    group: '区分',
    checklist: 'チェックリスト',
    checklistNote: '記録に該当する全項目をガイドラインの順に示します。本文はガイドラインからの引用です。',
    id: 'ID',
    item: '項目',
    text: '本文',
    word: 'ガイドラインの表現',
    requirement: '区分',
    state: '状態',
    owner: '担当',
    evidence: '証跡',
    reviewed: '確認日',
    justification: '理由',
    note: '備考',
    findings: '指摘',
    waivers: '対象外とした項目',
    approvedBy: '承認',
    until: '期限',
    staleReviews: '確認が古い・不正な項目',
    brokenEvidence: '証跡の不備',
    systems: 'AIシステム',
    system: 'システム',
    name: '名称',
    kinds: '種類',
    safeguards: '対策',
    missingSafeguards: '未記載の対策',
    advancedChecks: '別添7 B チェックリスト（案）第2部 D',
    advancedChecksNote: '令和7年度更新内容のチェック項目①〜⑫と、記録の回答です。',
    question: 'チェック項目',
    answer: '回答',
    signOff: '確認欄',
    preparedBy: '作成者',
    checkedBy: '確認者',
    approvedBySign: '承認者',
    date: '日付',
    unreadable: '読み取れなかった部分',
    unreadableNote: 'この記録には読み取れない部分があります。以下の内容は読み取れた範囲に基づきます。',
    otherFindings: 'その他の指摘',
    line: '行',
    coveredBy: '細目で記載',
    missingSubItems: '未記載の細目',
    repository: 'リポジトリ',
    records: '記録',
    nothing: 'ありません',
    unofficial: '英訳は非公式',
    states: STATES_JA,
    reviews: { fresh: '有効', stale: '期限切れ', future: '未来の日付', never: '未確認', invalid: '不正な日付' },
    requirements: { required: '必須', expected: '期待', recommended: '推奨' },
    role: (role) => ROLE_INFO[role].ja,
    kind: (kind) => KIND_TEXT[kind as keyof typeof KIND_TEXT]?.ja ?? kind,
    percent,
  },
  en: {
    title: 'AI Governance Report',
    portfolioTitle: 'AI Governance Report (all repositories)',
    cover: 'Overview',
    organization: 'Organisation',
    accountable: 'Accountable',
    contact: 'Contact',
    roles: 'Roles',
    advancedAI: 'Advanced AI systems',
    edition: 'Edition followed',
    generated: 'Generated',
    tool: 'Tool',
    catalog: 'Guideline',
    record: 'Record',
    commit: 'Commit',
    sha256: 'SHA-256',
    yes: 'yes',
    no: 'no',
    none: '—',
    notStated: '(not stated)',
    summary: 'Coverage',
    required: 'Required items',
    done: 'Done',
    inProgress: 'In progress',
    byPrinciple: 'By principle',
    byRole: 'By role',
    bySystem: 'By system',
    byOwner: 'By owner',
    group: 'Group',
    checklist: 'Checklist',
    checklistNote: 'Every item that applies to the record, in guideline order. The text is quoted from the guideline (Japanese).',
    id: 'ID',
    item: 'Item',
    text: 'Text',
    word: "Guideline's word",
    requirement: 'Level',
    state: 'Status',
    owner: 'Owner',
    evidence: 'Evidence',
    reviewed: 'Reviewed',
    justification: 'Justification',
    note: 'Note',
    findings: 'Findings',
    waivers: 'Items declared not applicable',
    approvedBy: 'Approved by',
    until: 'Until',
    staleReviews: 'Stale or invalid reviews',
    brokenEvidence: 'Broken evidence',
    systems: 'AI systems',
    system: 'System',
    name: 'Name',
    kinds: 'Kinds',
    safeguards: 'Safeguards',
    missingSafeguards: 'Safeguards not listed',
    advancedChecks: 'Annex 7 B draft checklist, Part 2 D',
    advancedChecksNote: 'The check questions ①–⑫ of the FY2025 update, with the record’s answer.',
    question: 'Check question',
    answer: 'Answer',
    signOff: 'Sign-off',
    preparedBy: 'Prepared by',
    checkedBy: 'Checked by',
    approvedBySign: 'Approved by',
    date: 'Date',
    unreadable: 'Parts that could not be read',
    unreadableNote: 'This record has parts that could not be read. What follows is based on what could be read.',
    otherFindings: 'Other findings',
    line: 'line',
    coveredBy: 'covered by sub-items',
    missingSubItems: 'sub-items missing',
    repository: 'Repository',
    records: 'Records',
    nothing: 'none',
    unofficial: 'unofficial translation',
    states: STATES_EN,
    reviews: { fresh: 'fresh', stale: 'stale', future: 'in the future', never: 'never reviewed', invalid: 'invalid date' },
    requirements: { required: 'required', expected: 'expected', recommended: 'recommended' },
    role: (role) => ROLE_INFO[role].en,
    kind: (kind) => KIND_TEXT[kind as keyof typeof KIND_TEXT]?.en ?? kind,
    percent,
  },
};

/** Colours of the states, shared by the HTML charts and the spreadsheet. */
export const STATE_COLOURS: Record<ItemState, string> = {
  implemented: '#2e7d32',
  partial: '#f9a825',
  planned: '#1565c0',
  'not-applicable': '#9e9e9e',
  missing: '#c62828',
};
