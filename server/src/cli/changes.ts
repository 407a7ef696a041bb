/**
 * `ai-governance changes --from 1.0 --to 2026 [--record file]`: per item, what the FY2025 update
 * adds or rewrites, verbatim with its citation — the lines that go (第1.0版) and the lines that come
 * (令和7年度更新内容). With --record, only the items that record lists. Quotes stay Japanese.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { MessageLanguage } from '../engine';
import type { GuidelineCatalog } from '../engine/catalog';
import type { EditionId, Update } from '../engine/catalogTypes';
import { sourceLine } from '../engine/citation';
import { editionChanges, EDITION_IDS, isLater, type ItemChanges } from '../engine/editions';
import { presentIds, readRecord } from '../engine/record';
import { UsageError, type Paint } from './io';

export interface ChangesArgs {
  from: EditionId;
  to: EditionId;
  record?: string;
  format: 'text' | 'json';
  language: MessageLanguage;
}

const TARGET_TEXT: Record<Update['target'], { ja: string; en: string }> = {
  title: { ja: '見出し', en: 'Title' },
  text: { ja: '本文', en: 'Text' },
  points: { ja: '別添 ポイント', en: 'Annex points' },
  methods: { ja: '別添 具体的な手法', en: 'Annex methods' },
  note: { ja: '脚注・参考文献等', en: 'Footnote / reference' },
};

const LABELS = {
  ja: {
    added: '追加',
    rewritten: '改訂',
    removed: '削除',
    none: (from: string, to: string) => `"${from}" から "${to}" への変更はありません。`,
    header: (from: string, to: string, n: number) => `"${from}" → "${to}": ${n} 項目に変更があります。`,
    from11: '第1.1版の本文は資料に含まれていないため、変更は第1.0版との比較です（第1.1版で既に変わっている箇所を含みえます）。',
    badOrder: (from: string, to: string) => `--to "${to}" は --from "${from}" より新しい版を指定してください`,
  },
  en: {
    added: 'added',
    rewritten: 'rewritten',
    removed: 'removed',
    none: (from: string, to: string) => `No changes from "${from}" to "${to}".`,
    header: (from: string, to: string, n: number) => `"${from}" → "${to}": ${n} items change.`,
    from11: 'The sources do not include 第1.1版 itself: changes are against 第1.0版 (some may already be in 第1.1版).',
    badOrder: (from: string, to: string) => `--to "${to}" must be a later edition than --from "${from}"`,
  },
} as const;

export function parseEdition(value: string): EditionId {
  const v = value.trim();
  if (!(EDITION_IDS as readonly string[]).includes(v)) throw new UsageError(`edition must be one of ${EDITION_IDS.join(', ')}`);
  return v as EditionId;
}

function kindOf(update: Update): 'added' | 'rewritten' | 'removed' {
  if (!update.replaces?.length) return 'added';
  return update.text.length ? 'rewritten' : 'removed';
}

export function renderChanges(changes: readonly ItemChanges[], args: Pick<ChangesArgs, 'from' | 'to' | 'language'>, paint: Paint): string {
  const L = LABELS[args.language];
  if (changes.length === 0) return L.none(args.from, args.to) + '\n';
  const out: string[] = [L.header(args.from, args.to, changes.length)];
  if (args.from === '1.1') out.push(paint.dim(L.from11));
  for (const change of changes) {
    out.push('', paint.bold(`${change.id}　${change.title}`));
    for (const u of change.updates) {
      out.push(`  ${TARGET_TEXT[u.target][args.language]} — ${L[kindOf(u)]}`);
      for (const line of u.replaces ?? []) out.push(paint.dim(`    - ${line.trim()}`));
      for (const line of u.text) out.push(`    + ${line.trim()}`);
      out.push(paint.dim(`    ${sourceLine(u.citation)}`));
    }
  }
  return out.join('\n') + '\n';
}

export async function runChanges(args: ChangesArgs, catalog: GuidelineCatalog, cwd: string, paint: Paint): Promise<string> {
  if (!isLater(args.to, args.from)) throw new UsageError(LABELS[args.language].badOrder(args.from, args.to));
  let ids: Set<string> | undefined;
  if (args.record) {
    const path = resolve(cwd, args.record);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${args.record}: ${error.code ?? error.message}`);
    });
    ids = presentIds(readRecord(text, catalog));
  }
  const changes = editionChanges(catalog.data, args.from, args.to, ids);
  if (args.format === 'json') {
    return JSON.stringify({ from: args.from, to: args.to, items: changes.map((c) => ({ id: c.id, title: c.title, changes: c.updates.map((u) => ({ kind: kindOf(u), target: u.target, removed: u.replaces ?? [], added: u.text, citation: sourceLine(u.citation) })) })) }, null, 2) + '\n';
  }
  return renderChanges(changes, args, paint);
}
