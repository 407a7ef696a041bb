/** CLI options → the engine's CheckSettings, through the server's own normaliser so both front ends agree. */
import type { CheckSettings, MessageLanguage } from '../engine';
import { normaliseSettings } from '../settings';
import type { CliIO } from './io';

/** ja when the locale (LC_ALL, then LC_MESSAGES, then LANG) starts with "ja", else en. */
export function languageFromEnv(env: CliIO['env']): MessageLanguage {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export interface SettingsOptions {
  language: MessageLanguage;
  reviewMaxAgeDays?: number;
  maxFileSizeKB?: number;
}

export function checkSettings(options: SettingsOptions): CheckSettings {
  return normaliseSettings(
    { messageLanguage: options.language, reviewMaxAgeDays: options.reviewMaxAgeDays, maxFileSizeKB: options.maxFileSizeKB },
    {},
  ).check;
}
