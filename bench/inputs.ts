/**
 * Generated benchmark inputs: realistic governance records of a given size (items with notes,
 * systems), deterministic so every run measures the same text.
 */
import { loadCatalog } from '../server/src/engine/catalog';

const catalog = loadCatalog();
const STATUSES = ['implemented', 'partial', 'planned'];

/** A note paragraph in the register governance staff write in; `long` notes add a follow-up to every other line. */
function note(seed: number, lines: number, long = false): string[] {
  const phrases = [
    '学習データの出所と前処理の判断を記録し、四半期ごとにデータ管理委員会で見直す。',
    '外部委託先との契約でデータの取扱いと再委託の条件を定め、年次で監査している。',
    'インシデント発生時は一次対応窓口から二十四時間以内に責任者へ報告する。',
    '評価指標の閾値を下回った場合は再学習の要否を判断する会議を開く。',
    '利用者向けの説明資料を改訂し、社内ポータルで公開した。',
  ];
  const followUp = '対応状況は関係部署と共有済み。';
  return Array.from({ length: lines }, (_, i) => `      ${phrases[(seed + i) % phrases.length]}${long && i % 2 ? followUp : ''}`);
}

export interface RecordShape {
  /** about how many lines the record should have */
  lines: number;
  systems: number;
  /** use only the first n catalog items (a typical record lists its roles' items, not all) */
  items?: number;
  /** leave these items out (the benchmark's edits add them) */
  omit?: readonly string[];
  longNotes?: boolean;
}

export function generateRecord(shape: RecordShape): string {
  const items = catalog.items.slice(0, shape.items ?? catalog.items.length).filter((i) => !shape.omit?.includes(i.id));
  const systemLines = shape.systems * 4 + Math.ceil(shape.systems / 3);
  const fixedPerItem = 6 + (shape.systems > 0 ? 1 : 0);
  const left = shape.lines - 10 - systemLines - items.length * fixedPerItem;
  const noteLines = left > items.length ? Math.floor(left / items.length) - 1 : 0;
  const out: string[] = [
    'apiVersion: ai-governance/v1',
    'guideline: "1.0"',
    'organization:',
    '  name: 株式会社ベンチマーク',
    '  accountable: 最高AI責任者 山田花子',
    '  contact: ai-governance@example.co.jp',
    'roles: [developer, provider, business-user]',
    'advancedAI: true',
    'systems:',
  ];
  for (let s = 0; s < shape.systems; s++) {
    out.push(`  - id: system-${s}`, `    name: 業務支援AI ${s}号`, '    roles: [provider, business-user]', `    kinds: [generative${s % 3 === 0 ? ', agent' : ''}]`);
    if (s % 3 === 0) out.push('    safeguards: [human-oversight, least-privilege, tool-allowlist, data-minimisation, log-review]');
  }
  out.push('items:');
  items.forEach((item, i) => {
    out.push(`  ${item.id}: # ${item.title}`);
    out.push(`    status: ${STATUSES[i % STATUSES.length]}`, '    owner: AIガバナンス推進室');
    out.push('    evidence:', '      - docs/record.md');
    out.push('    reviewed: 2026-10-01');
    if (shape.systems > 0) out.push(`    systems: [system-${i % shape.systems}]`);
    if (noteLines > 0) out.push('    note: |', ...note(i, noteLines, shape.longNotes));
  });
  return out.join('\n') + '\n';
}

/** Sizes of DESIGN §8 / the benchmark issue: ~300, ~2,000 and ~20,000 lines (~1.7 MB); the large one lacks G-6-1, which the edits add. */
export const SIZES: Record<'typical' | 'large' | 'huge', RecordShape> = {
  typical: { lines: 300, systems: 2, items: 40 },
  large: { lines: 2000, systems: 60, omit: ['G-6-1'] },
  huge: { lines: 20000, systems: 2000, longNotes: true },
};

/**
 * The shape of issue 12: a record that is mostly systems, one every ten lines, each an AI agent
 * with no safeguards listed — about six findings per ten lines (five missing-safeguard each, plus
 * the missing items of the declared roles), so the cost per finding shows.
 */
export function generateManyFindings(lines: number): string {
  const out: string[] = ['apiVersion: ai-governance/v1', 'guideline: "1.0"', 'organization:', '  name: 株式会社ベンチマーク', 'roles: [provider]', 'systems:'];
  const systems = Math.max(1, Math.floor((lines - out.length - 4) / 10));
  for (let s = 0; s < systems; s++) {
    out.push(
      `  - id: agent-${s}`,
      `    name: 業務エージェント ${s}号`,
      '    roles: [provider]',
      '    kinds: [agent]',
      `    x-owner: 開発第${(s % 9) + 1}チーム`,
      `    x-description: 社内システムを操作して申請処理を代行するエージェント（${s}）`,
      '    x-note: |',
      '      ツール呼び出しの範囲は利用部門と合意済み。',
      '      運用ログは月次で確認する予定。',
      '      安全対策は次期リリースで記載する。',
    );
  }
  out.push('items:', '  C-1:', '    status: planned');
  return out.join('\n') + '\n';
}

/** Many small systems that items refer to: the systems index and unknown-system rule under load. */
export function generateManySystems(lines: number): string {
  const systems = Math.floor(lines / 8);
  const out: string[] = ['apiVersion: ai-governance/v1', 'guideline: "1.0"', 'roles: [business-user]', 'systems:'];
  for (let s = 0; s < systems; s++) out.push(`  - id: sys-${s}`, `    name: 業務AI ${s}`, `    kinds: [${s % 2 ? 'predictive' : 'generative'}]`);
  out.push('items:');
  const items = catalog.items.filter((i) => i.kind === 'business-user' || i.kind === 'common');
  const perItem = Math.max(1, Math.floor((lines - out.length) / 5 / items.length));
  items.forEach((item, i) => {
    out.push(`  ${item.id}:`, `    status: ${STATUSES[i % STATUSES.length]}`, '    owner: 利用部門', '    reviewed: 2026-10-01');
    const refs = Array.from({ length: perItem * 3 }, (_, k) => `sys-${(i * 7 + k * 13) % (systems + 3)}`);
    out.push(`    systems: [${refs.join(', ')}]`);
  });
  return out.join('\n') + '\n';
}
