/**
 * `ai-governance init`: a starter record with every item the chosen roles require (DESIGN §3),
 * status planned, in guideline order, each under a `# title` comment, so the first check passes
 * without a missing-required-item finding and the team fills in owners and evidence.
 */
import { promises as fsp } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { MessageLanguage } from '../engine';
import { ROLES, type GuidelineCatalog } from '../engine/catalog';
import type { Role } from '../engine/catalogTypes';
import { requiredIds, starterRecord } from '../engine/starter';
import { UsageError } from './io';

export const DEFAULT_INIT_FILE = 'ai-governance.yaml';

export interface InitOptions {
  roles: Role[];
  advancedAI: boolean;
  language: MessageLanguage;
}

const HEADER = {
  ja: [
    '# AI事業者ガイドラインへの対応状況（ai-governance init で作成）',
    '# organization に組織の名称・AIガバナンスの責任者・連絡先を、各項目に status・owner・evidence・reviewed を記入してください。',
    '# 項目の本文: ai-governance explain <項目ID>   検査: ai-governance check',
  ],
  en: [
    '# Compliance record for the AI Guidelines for Business (created by ai-governance init)',
    '# Fill in organization (name, who is accountable for AI governance, contact) and, for every item, status, owner, evidence and reviewed.',
    '# Item text: ai-governance explain <item id>   Check: ai-governance check',
  ],
} as const;

export function parseRoles(values: readonly string[]): Role[] {
  const roles: Role[] = [];
  for (const value of values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)) {
    if (!(ROLES as readonly string[]).includes(value)) throw new UsageError(`unknown role "${value}" (use ${ROLES.join(', ')})`);
    if (!roles.includes(value as Role)) roles.push(value as Role);
  }
  if (roles.length === 0) throw new UsageError(`--role is required (${ROLES.join(', ')})`);
  // In the order the guideline lists them, whatever order they were typed in.
  return ROLES.filter((r) => roles.includes(r));
}

/** The engine's starter record (the one the snippets use too) under a header that says what to do next. */
export function initRecord(catalog: GuidelineCatalog, options: InitOptions): { text: string; items: number } {
  const text = [...HEADER[options.language], starterRecord(catalog, options.roles, options.advancedAI)].join('\n');
  return { text, items: requiredIds(catalog, options.roles, options.advancedAI).length };
}

/** Writes the starter record; an existing file is never overwritten (exit 2). Returns the absolute path. */
export async function writeStarterRecord(cwd: string, output: string, content: string): Promise<string> {
  const target = resolve(cwd, output);
  await fsp.mkdir(dirname(target), { recursive: true });
  try {
    await fsp.writeFile(target, content, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${output} already exists; not overwriting it`);
    throw new UsageError(`cannot write ${output}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return target;
}
