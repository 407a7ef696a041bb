/** Diagnostic messages in Japanese and English; one entry per rule code. Our words, never quotes. */
import type { MessageLanguage, RuleCode } from './types';

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

const MESSAGES: Record<RuleCode, { ja: Template; en: Template }> = {
  'yaml-syntax': { ja: (p) => `YAML の構文エラー: ${p.detail}`, en: (p) => `YAML syntax error: ${p.detailEn ?? p.detail}` },
  'multiple-documents': {
    ja: () => 'ガバナンスファイルには YAML ドキュメントを 1 つだけ記述してください（2 つ目の --- 以降は検査されません）',
    en: () => 'A governance file holds one YAML document; everything after the second --- is not checked',
  },
  'file-too-large': {
    ja: (p) => `ファイルが大きすぎるため検査しません（${p.size} バイト、上限 ${p.limit} バイト。設定 aiGovernance.maxFileSizeKB）`,
    en: (p) => `File too large to check (${p.size} bytes, limit ${p.limit} bytes; setting aiGovernance.maxFileSizeKB)`,
  },
  'unsupported-yaml': { ja: (p) => `この YAML は扱えません: ${p.detail}`, en: (p) => `Unsupported YAML: ${p.detailEn ?? p.detail}` },
  'missing-field': { ja: (p) => `必須のキー「${p.field}」がありません`, en: (p) => `Missing required key "${p.field}"` },
  'unknown-key': {
    ja: (p) => `不明なキー「${p.key}」です${p.suggestion ? `（「${p.suggestion}」の誤り？）` : ''}。拡張用のキーは x- で始めてください`,
    en: (p) => `Unknown key "${p.key}"${p.suggestion ? ` (did you mean "${p.suggestion}"?)` : ''}; extension keys start with x-`,
  },
  'wrong-type': { ja: (p) => `「${p.field}」の型が違います: ${p.expected} を指定してください`, en: (p) => `"${p.field}" has the wrong type: expected ${p.expected}` },
  'invalid-value': {
    ja: (p) => `「${p.field}」の値「${p.value}」は使えません。使える値: ${p.allowed}`,
    en: (p) => `"${p.value}" is not a valid value for "${p.field}". Allowed: ${p.allowed}`,
  },
  'unknown-item': {
    ja: (p) => `ガイドラインに項目「${p.id}」はありません${p.suggestions ? `。候補: ${p.suggestions}` : ''}`,
    en: (p) => `The guideline has no item "${p.id}"${p.suggestions ? `. Did you mean ${p.suggestions}?` : ''}`,
  },
  'duplicate-item': {
    ja: (p) => `項目 ${p.id} が重複しています（「${p.other}」と同じ項目）`,
    en: (p) => `Item ${p.id} appears twice (same item as "${p.other}")`,
  },
  'non-canonical-id': { ja: (p) => `「${p.raw}」は ${p.id} と書けます`, en: (p) => `"${p.raw}" is written ${p.id} in canonical form` },
  'missing-required-item': {
    ja: (p) => `${p.role}として必要な項目 ${p.id}（${p.title}）がありません${p.detail ? `: ${p.detail}` : ''}`,
    en: (p) => `Required item ${p.id} (${p.titleEn}) is missing for ${p.roleEn}${p.detailEn ? `: ${p.detailEn}` : ''}`,
  },
  'missing-expected-item': {
    ja: (p) => `ガイドラインが「${p.word}」とする項目 ${p.id}（${p.title}）がありません`,
    en: (p) => `Item ${p.id} (${p.titleEn}), which the guideline expects, is not in the record`,
  },
  'item-role-not-declared': {
    ja: (p) => `${p.id} は${p.role}の項目ですが、roles に ${p.roleKey} がありません`,
    en: (p) => `${p.id} is an item for the ${p.roleEn} role, but roles does not include ${p.roleKey}`,
  },
  'advanced-item-without-flag': {
    ja: (p) => `${p.id} は高度なAIシステムの項目です。対象なら advancedAI: true を指定してください`,
    en: (p) => `${p.id} applies to advanced AI systems; set advancedAI: true if the record covers one`,
  },
  'documentation-without-evidence': {
    ja: (p) => `文書化の項目 ${p.id}（${p.title}）が ${p.status} ですが、evidence に文書がありません`,
    en: (p) => `Documentation item ${p.id} (${p.titleEn}) is ${p.status} but lists no evidence`,
  },
  'evidence-not-found': { ja: (p) => `根拠資料「${p.path}」が見つかりません`, en: (p) => `Evidence "${p.path}" does not exist` },
  'evidence-outside-workspace': {
    ja: (p) => `根拠資料「${p.path}」がワークスペースの外を指しています`,
    en: (p) => `Evidence "${p.path}" points outside the workspace`,
  },
  'missing-justification': {
    ja: (p) => `${p.id} が not-applicable ですが、justification に理由がありません`,
    en: (p) => `${p.id} is not-applicable but has no justification`,
  },
  'missing-owner': { ja: (p) => `${p.id} が ${p.status} ですが、owner（担当）がありません`, en: (p) => `${p.id} is ${p.status} but has no owner` },
  'invalid-review-date': {
    ja: (p) => `reviewed「${p.value}」は日付ではありません（YYYY-MM-DD で記入）`,
    en: (p) => `reviewed "${p.value}" is not a date (write YYYY-MM-DD)`,
  },
  'future-review-date': { ja: (p) => `reviewed ${p.value} が未来の日付です`, en: (p) => `reviewed ${p.value} is in the future` },
  'stale-review': {
    ja: (p) => `${p.id} の最終レビュー（${p.value}）から ${p.days} 日が経過しています（上限 ${p.max} 日）`,
    en: (p) => `${p.id} was last reviewed ${p.days} days ago (${p.value}; limit ${p.max} days)`,
  },
  'unknown-system': {
    ja: (p) => `システム「${p.id}」は systems に定義されていません${p.suggestion ? `（「${p.suggestion}」の誤り？）` : ''}`,
    en: (p) => `System "${p.id}" is not defined under systems${p.suggestion ? ` (did you mean "${p.suggestion}"?)` : ''}`,
  },
  'missing-safeguard': {
    ja: (p) => `${p.kind}「${p.system}」の safeguards に ${p.safeguard}（${p.title}）がありません。令和7年度更新: ${p.quote}`,
    en: (p) => `${p.kindEn} system "${p.system}" lists no ${p.safeguard} (${p.titleEn}) safeguard (FY2025 update)`,
  },
};

export function message(code: RuleCode, language: MessageLanguage, params: Params = {}): string {
  return MESSAGES[code][language](params);
}
