/**
 * One language for every string the client shows: `aiGovernance.messageLanguage` when it is set
 * ("ja" / "en"), else VS Code's display language. vscode.l10n alone follows only the display
 * language, which left an English status bar beside Japanese diagnostics.
 */
import * as vscode from 'vscode';
import japanese from '../../l10n/bundle.l10n.ja.json';
import { SETTINGS_SECTION } from '../../server/src/protocol';

export type UiLanguage = 'ja' | 'en';

const JA: Readonly<Record<string, string>> = japanese;

export function uiLanguage(): UiLanguage {
  const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('messageLanguage');
  if (setting === 'ja' || setting === 'en') return setting;
  return vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

function format(template: string, args: ReadonlyArray<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

/** `message` is the English text and the key of l10n/bundle.l10n.ja.json; `{0}` … are replaced by args. */
export function t(message: string, ...args: Array<string | number>): string {
  return format(uiLanguage() === 'ja' ? (JA[message] ?? message) : message, args);
}

/** English needs "1 file" / "2 files"; Japanese has one form (the `other` key's translation). */
export function tn(count: number, one: string, other: string, ...args: Array<string | number>): string {
  return t(count === 1 ? one : other, count, ...args);
}
