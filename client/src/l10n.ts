/**
 * The client's own strings follow aiGovernance.messageLanguage like the server's messages do
 * ("auto": the display language), so a Japanese record reads Japanese in the tree, the status bar
 * and the dashboard even in a VS Code without the Japanese language pack. The translations are
 * VS Code's own bundle (l10n/bundle.l10n.ja.json); vscode.l10n answers when it already speaks the
 * language asked for.
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../server/src/protocol';

export type UiLanguage = 'ja' | 'en';

let japanese: Record<string, string> | undefined;

/** Loads the Japanese bundle once (activation), for when VS Code itself is not in Japanese. */
export function loadBundle(context: vscode.ExtensionContext): void {
  try {
    japanese = JSON.parse(readFileSync(context.asAbsolutePath('l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
  } catch {
    japanese = {};
  }
}

/** The same rule as the server's languageFrom (server/src/settings.ts). */
export function uiLanguage(): UiLanguage {
  const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('messageLanguage');
  if (setting === 'ja' || setting === 'en') return setting;
  return vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

function format(template: string, args: Array<string | number | boolean>): string {
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => (Number(n) < args.length ? String(args[Number(n)]) : whole));
}

export const l10n = {
  t(message: string, ...args: Array<string | number | boolean>): string {
    const wanted = uiLanguage();
    const vscodeSpeaks: UiLanguage = vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
    if (wanted === vscodeSpeaks) return vscode.l10n.t(message, ...args);
    return format(wanted === 'ja' ? (japanese?.[message] ?? message) : message, args);
  },
};
