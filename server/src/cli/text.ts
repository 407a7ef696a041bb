/** The CLI's own words (summaries, logs, errors) in both message languages. */
import type { MessageLanguage } from '../engine';
import type { Counts } from './report';

export interface CliText {
  problems(total: number, counts: Counts): string;
  clean(files: number): string;
  progress(done: number, total: number): string;
  fixed(path: string, from: string, to: string): string;
  fixedCount(changes: number, files: number): string;
  cannotRead(path: string, reason: string): string;
  wrote(path: string, items: number): string;
  baseline(known: number, gone: number): string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const TEXT: Record<MessageLanguage, CliText> = {
  en: {
    problems: (total, c) =>
      `${plural(total, 'problem')} (${[plural(c.error, 'error'), plural(c.warning, 'warning'), c.information ? `${c.information} information` : '', c.hint ? plural(c.hint, 'hint') : ''].filter(Boolean).join(', ')})`,
    clean: (files) => `${plural(files, 'file')} checked, no problems`,
    progress: (done, total) => `checked ${done}/${total}`,
    fixed: (path, from, to) => `${path}: ${from} → ${to}`,
    fixedCount: (changes, files) => `fixed ${plural(changes, 'item id')} in ${plural(files, 'file')}`,
    cannotRead: (path, reason) => `cannot read ${path}: ${reason}`,
    wrote: (path, items) => `wrote ${path} (${plural(items, 'item')})`,
    baseline: (known, gone) => `baseline: ${plural(known, 'known finding')} not reported${gone ? `, ${gone} fixed since` : ''}`,
  },
  ja: {
    problems: (total, c) =>
      `${total} 件の問題（${[`エラー ${c.error}`, `警告 ${c.warning}`, c.information ? `情報 ${c.information}` : '', c.hint ? `ヒント ${c.hint}` : ''].filter(Boolean).join('、')}）`,
    clean: (files) => `${files} ファイルを検査しました。問題はありません`,
    progress: (done, total) => `検査中 ${done}/${total}`,
    fixed: (path, from, to) => `${path}: ${from} → ${to}`,
    fixedCount: (changes, files) => `${files} ファイルの項目ID ${changes} 件を修正しました`,
    cannotRead: (path, reason) => `${path} を読めません: ${reason}`,
    wrote: (path, items) => `${path} を作成しました（${items} 項目）`,
    baseline: (known, gone) => `ベースライン: 既知の指摘 ${known} 件は報告しません${gone ? `。${gone} 件は解消済み` : ''}`,
  },
};
