/**
 * What each rule means and how to fix it, for SARIF rule metadata (GitHub code scanning shows it
 * beside every alert) and for the README's rule table. Our words, never guideline quotes.
 */
import { DEFAULT_SEVERITY, RULE_CODES, type MessageLanguage, type RuleCode, type Severity } from '../engine';
import { RULE_DOCS_BASE } from '../protocol';

interface Text {
  ja: string;
  en: string;
}

export interface RuleDoc {
  title: Text;
  /** what the finding means */
  description: Text;
  /** what to do about it */
  fix: Text;
}

export const RULE_DOCS: Record<RuleCode, RuleDoc> = {
  'yaml-syntax': {
    title: { ja: 'YAML の構文エラー', en: 'YAML syntax error' },
    description: { ja: 'ファイルを YAML として読めません。読めない部分以降は検査されません。', en: 'The file cannot be read as YAML; what follows the error is not checked.' },
    fix: { ja: 'インデント、コロンの後の空白、引用符の閉じ忘れを確認してください。', en: 'Check indentation, the space after each colon, and unclosed quotes.' },
  },
  'multiple-documents': {
    title: { ja: '複数の YAML ドキュメント', en: 'More than one YAML document' },
    description: { ja: 'ガバナンスファイルは YAML ドキュメントを 1 つだけ持ちます。2 つ目の --- 以降は検査されません。', en: 'A governance file holds one YAML document; everything after the second --- is ignored.' },
    fix: { ja: '余分な --- を削除するか、別のファイル（*.ai-governance.yaml）に分けてください。', en: 'Remove the extra ---, or move the second document to its own *.ai-governance.yaml file.' },
  },
  'file-too-large': {
    title: { ja: 'ファイルが大きすぎる', en: 'File too large' },
    description: { ja: 'ファイルがサイズ上限を超えているため検査しません。', en: 'The file is over the size limit and is not checked.' },
    fix: { ja: '記録を複数の *.ai-governance.yaml に分けるか、上限（設定 aiGovernance.maxFileSizeKB、CLI の --max-file-size-kb）を上げてください。', en: 'Split the record into several *.ai-governance.yaml files, or raise the limit (setting aiGovernance.maxFileSizeKB, CLI --max-file-size-kb).' },
  },
  'unsupported-yaml': {
    title: { ja: '扱えない YAML', en: 'Unsupported YAML' },
    description: { ja: '複合キー、深すぎる入れ子、展開が大きすぎるエイリアスなど、ガバナンスファイルとして扱えない YAML です。', en: 'YAML the checker does not accept in a governance file: complex keys, nesting that is too deep, aliases that expand too far.' },
    fix: { ja: '単純なキーと値で書き直してください。', en: 'Write plain keys and values.' },
  },
  'missing-field': {
    title: { ja: '必須のキーがない', en: 'Missing required key' },
    description: { ja: 'ファイル形式が必須とするキー（apiVersion など）がありません。', en: 'A key the file format requires (such as apiVersion) is missing.' },
    fix: { ja: 'メッセージに示されたキーを追加してください（例: apiVersion: ai-governance/v1）。', en: 'Add the key named in the message (e.g. apiVersion: ai-governance/v1).' },
  },
  'unknown-key': {
    title: { ja: '不明なキー', en: 'Unknown key' },
    description: { ja: 'ファイル形式にないキーです。綴りの誤りが黙って通らないよう、エラーにしています。', en: 'A key the file format does not define; typos must not pass silently.' },
    fix: { ja: '綴りを直すか、独自の拡張なら x- で始まるキーにしてください。', en: 'Fix the spelling, or start the key with x- if it is your own extension.' },
  },
  'wrong-type': {
    title: { ja: '値の型が違う', en: 'Wrong type' },
    description: { ja: '値の型（文字列、リスト、マッピングなど）がファイル形式と合いません。', en: 'The value has the wrong type (string, list, mapping …) for this key.' },
    fix: { ja: 'メッセージに示された型で書き直してください。', en: 'Rewrite the value with the type named in the message.' },
  },
  'invalid-value': {
    title: { ja: '使えない値', en: 'Invalid value' },
    description: { ja: '決められた値の一覧（status、roles、kinds など）にない値です。', en: 'A value outside the fixed list for this key (status, roles, kinds …).' },
    fix: { ja: 'メッセージに示された値のどれかを使ってください。', en: 'Use one of the values listed in the message.' },
  },
  'unknown-item': {
    title: { ja: 'ガイドラインにない項目ID', en: 'Unknown item id' },
    description: { ja: 'items のキーが AI事業者ガイドラインの項目IDとして解釈できません。', en: 'An items key that is not an item of the AI Guidelines for Business.' },
    fix: { ja: '候補の ID に直してください（ai-governance explain <id> で項目を確認できます）。', en: 'Change it to one of the suggested ids (ai-governance explain <id> shows an item).' },
  },
  'duplicate-item': {
    title: { ja: '重複した項目', en: 'Duplicate item' },
    description: { ja: '正規化すると同じ項目になるキーが 2 つあります（例: D-7 ii と D-7) ii.）。', en: 'Two keys name the same item once normalised (e.g. D-7 ii and D-7) ii.).' },
    fix: { ja: '2 つのエントリを 1 つにまとめてください。', en: 'Merge the two entries into one.' },
  },
  'non-canonical-id': {
    title: { ja: '正規形でない項目ID', en: 'Non-canonical item id' },
    description: { ja: 'ガイドラインの表記（D-7) ii. など）で書かれた項目IDです。正しく認識されていますが、正規形に揃えると検索や差分が読みやすくなります。', en: 'An item id written as the guideline prints it (D-7) ii. …). It is understood; the canonical form keeps searches and diffs consistent.' },
    fix: { ja: '正規形に書き換えてください。ai-governance check --fix または保存時の自動修正で一括変換できます。', en: 'Rewrite it in canonical form; ai-governance check --fix or fix-on-save does it for the whole file.' },
  },
  'missing-required-item': {
    title: { ja: '必要な項目がない', en: 'Required item missing' },
    description: { ja: '宣言した roles（と advancedAI）に対してガイドラインが求める項目が記録にありません。共通の指針は原則のキー（C-7）か、そのすべての下位項目（C-7-1 … C-7-6）で満たします。', en: 'The record lacks an item that its declared roles (and advancedAI) require. A common principle is covered by its own key (C-7) or by all of its sub-items (C-7-1 … C-7-6).' },
    fix: { ja: '項目を追加し、status と owner を記入してください（エディタのクイックフィックスで追加できます）。該当しない場合は status: not-applicable と justification を記入します。', en: 'Add the item with its status and owner (the editor quick fix inserts it). If it does not apply, use status: not-applicable with a justification.' },
  },
  'missing-expected-item': {
    title: { ja: '期待される項目がない', en: 'Expected item missing' },
    description: { ja: 'ガイドラインが「期待される」とする項目が記録にありません。', en: 'The record lacks an item the guideline expects (期待される) rather than requires.' },
    fix: { ja: '取り組みがあれば項目を追加してください。', en: 'Add the item if the organisation works on it.' },
  },
  'item-role-not-declared': {
    title: { ja: '宣言していない主体の項目', en: 'Item of an undeclared role' },
    description: { ja: 'roles に含まれない主体（AI開発者・AI提供者・AI利用者）の項目が記録されています。', en: 'The record lists an item of a role (developer, provider, business user) it does not declare.' },
    fix: { ja: 'roles にその主体を追加するか、項目を削除してください。', en: 'Add the role to roles, or remove the item.' },
  },
  'advanced-item-without-flag': {
    title: { ja: 'advancedAI なしの高度なAIシステムの項目', en: 'Advanced-AI item without advancedAI' },
    description: { ja: 'H-1 … H-12（高度なAIシステムに関する事項）は advancedAI: true の記録にだけ適用されます。', en: 'H-1 … H-12 (advanced AI systems) apply only when advancedAI is true.' },
    fix: { ja: '高度なAIシステムを扱うなら advancedAI: true を設定し、そうでなければ項目を削除してください。', en: 'Set advancedAI: true if the organisation handles advanced AI systems; otherwise remove the item.' },
  },
  'documentation-without-evidence': {
    title: { ja: '文書化の項目に根拠資料がない', en: 'Documentation item without evidence' },
    description: { ja: '文書化の項目（C-7-6、D-7 ii、P-6 i、P-7 ii、U-7 ii）が implemented / partial なのに evidence に文書がありません。', en: 'A documentation item (C-7-6, D-7 ii, P-6 i, P-7 ii, U-7 ii) is implemented or partial but lists no evidence.' },
    fix: { ja: '文書へのパスか https:// の URL を evidence に追加してください（エディタのクイックフィックスで文書のひな形を作成できます）。', en: 'Add the document’s path or an https:// URL to evidence (the editor quick fix creates a skeleton document).' },
  },
  'evidence-not-found': {
    title: { ja: '根拠資料が見つからない', en: 'Evidence not found' },
    description: { ja: 'evidence のパス（この記録からの相対パス）にファイルもフォルダもありません。', en: 'Nothing exists at an evidence path (relative to the record).' },
    fix: { ja: 'パスを直すか、資料をリポジトリに追加してください。', en: 'Fix the path, or add the document to the repository.' },
  },
  'evidence-outside-workspace': {
    title: { ja: 'ワークスペースの外を指す根拠資料', en: 'Evidence outside the workspace' },
    description: { ja: 'evidence のパスがワークスペース（CLI では --root、既定は作業フォルダ）の外を指しています。', en: 'An evidence path leaves the workspace (for the CLI: --root, by default the working folder).' },
    fix: { ja: 'リポジトリ内の資料を指すか、https:// の URL にしてください。', en: 'Point at a document inside the repository, or use an https:// URL.' },
  },
  'missing-justification': {
    title: { ja: '対象外の理由がない', en: 'Not applicable without justification' },
    description: { ja: 'status: not-applicable の項目に justification（理由）がありません。', en: 'An item is not-applicable but gives no justification.' },
    fix: { ja: 'justification に対象外とする理由を記入してください。', en: 'Write why the item does not apply in justification.' },
  },
  'missing-owner': {
    title: { ja: '担当者がいない', en: 'Implemented without owner' },
    description: { ja: 'implemented / partial の項目に owner（担当者・担当部署）がありません。', en: 'An implemented or partial item names no owner.' },
    fix: { ja: 'owner に担当者か担当部署を記入してください。', en: 'Name the responsible person or team in owner.' },
  },
  'invalid-review-date': {
    title: { ja: 'レビュー日が日付でない', en: 'Invalid review date' },
    description: { ja: 'reviewed が YYYY-MM-DD 形式の実在する日付ではありません。', en: 'reviewed is not a real date in YYYY-MM-DD form.' },
    fix: { ja: 'YYYY-MM-DD 形式で記入してください。', en: 'Write the date as YYYY-MM-DD.' },
  },
  'future-review-date': {
    title: { ja: '未来のレビュー日', en: 'Review date in the future' },
    description: { ja: 'reviewed が今日より後の日付です。', en: 'reviewed is later than today.' },
    fix: { ja: '実際にレビューした日付に直してください。', en: 'Use the date the review actually took place.' },
  },
  'stale-review': {
    title: { ja: 'レビューが古い', en: 'Stale review' },
    description: { ja: '最終レビューから上限日数（設定 aiGovernance.reviewMaxAgeDays、CLI の --review-max-age-days、既定 365 日）が過ぎています。', en: 'The last review is older than the limit (setting aiGovernance.reviewMaxAgeDays, CLI --review-max-age-days, 365 days by default).' },
    fix: { ja: '項目を見直し、reviewed を更新してください。', en: 'Review the item again and update reviewed.' },
  },
  'unknown-system': {
    title: { ja: '定義されていないシステム', en: 'Unknown system' },
    description: { ja: 'items.*.systems のシステムIDが systems に定義されていません。', en: 'A system id in items.*.systems is not defined under systems.' },
    fix: { ja: 'systems にシステムを定義するか、ID の綴りを直してください。', en: 'Define the system under systems, or fix the id.' },
  },
  'missing-safeguard': {
    title: { ja: 'AIエージェント・フィジカルAIの対策の記載がない', en: 'Agent / physical-AI safeguard missing' },
    description: { ja: 'kinds に agent / physical を含むシステムの safeguards に、令和7年度更新が挙げる対策（human-oversight、least-privilege、tool-allowlist、data-minimisation、log-review、physical は hardware-data-erasure も）が欠けています。', en: 'A system of kind agent or physical lacks one of the FY2025 update’s considerations in safeguards (human-oversight, least-privilege, tool-allowlist, data-minimisation, log-review; physical also hardware-data-erasure).' },
    fix: { ja: '講じている対策を safeguards に追加してください。講じていない場合は対策を検討してください。', en: 'Add the safeguard the system has in place, or plan it.' },
  },
};

/** `missing-required-item` → `MissingRequiredItem` (SARIF rule `name`). */
export function ruleName(code: RuleCode): string {
  return code
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export function ruleHelpUri(code: RuleCode): string {
  return RULE_DOCS_BASE + code;
}

export interface RuleSummary {
  code: RuleCode;
  name: string;
  title: string;
  description: string;
  fix: string;
  defaultSeverity: Severity;
  helpUri: string;
}

export function ruleSummaries(language: MessageLanguage): RuleSummary[] {
  return RULE_CODES.map((code) => {
    const doc = RULE_DOCS[code];
    return {
      code,
      name: ruleName(code),
      title: doc?.title[language] ?? code,
      description: doc?.description[language] ?? '',
      fix: doc?.fix[language] ?? '',
      defaultSeverity: DEFAULT_SEVERITY[code],
      helpUri: ruleHelpUri(code),
    };
  });
}
