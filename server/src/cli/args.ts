/**
 * The command line (commander): commands, options, their validation and defaults. Parsing only;
 * each command's work is a function handed in, so the program is tested without running it.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { MessageLanguage, Severity } from '../engine';
import type { Role } from '../engine/catalogTypes';
import { ROLES } from '../engine/catalog';
import type { OutputSpec } from './check';
import { FORMATS, type FormatName } from './formatters';
import { parseRoles, DEFAULT_INIT_FILE } from './init';
import { UsageError, type CliIO } from './io';
import { SEVERITIES } from './report';
import { languageFromEnv } from './settings';

export interface CheckArgs {
  operands: string[];
  outputs: OutputSpec[];
  failSeverity: Severity;
  quiet: boolean;
  language: MessageLanguage;
  reviewMaxAgeDays?: number;
  maxFileSizeKB?: number;
  root?: string;
  fix: boolean;
}

export interface ExplainArgs {
  id: string;
  language: MessageLanguage;
}

export interface InitArgs {
  roles: Role[];
  advancedAI: boolean;
  output: string;
  language: MessageLanguage;
}

export interface Commands {
  check(args: CheckArgs): Promise<void>;
  explain(args: ExplainArgs): Promise<void>;
  init(args: InitArgs): Promise<void>;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** A repeatable option whose every value must be one of `choices` (commander checks them and lists them in --help). */
function repeatableChoice<T extends string>(flags: string, description: string, choices: readonly T[]): Option {
  const option = new Option(flags, description).choices(choices);
  const checkChoice = option.parseArg as (value: string, previous: unknown) => T;
  return option.argParser((value: string, previous: T[]) => [...previous, checkChoice(value, undefined)]).default([], 'stylish');
}

const LANGUAGES: readonly MessageLanguage[] = ['ja', 'en'];

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

/** The n-th -o belongs to the n-th -f; formats without one go to stdout. */
export function pairOutputs(formats: readonly FormatName[], files: readonly string[]): OutputSpec[] {
  const chosen: FormatName[] = formats.length ? [...formats] : ['stylish'];
  if (files.length > chosen.length) throw new UsageError(`${files.length} --output files for ${chosen.length} --format${chosen.length === 1 ? '' : 's'}: give one -f per -o`);
  return chosen.map((format, index) => (files[index] ? { format, file: files[index] } : { format }));
}

export function buildProgram(io: CliIO, commands: Commands, version: string): Command {
  const program = new Command();
  program
    .name('ai-governance')
    .description('Check AI governance records (ai-governance.yaml) against the AI事業者ガイドライン (AI Guidelines for Business).')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .showSuggestionAfterError(true);

  program
    .command('check')
    .description('check governance files (default: every governance file under the current folder)')
    .argument('[paths...]', 'files, folders or globs')
    .addOption(repeatableChoice('-f, --format <format>', 'output format (repeatable)', FORMATS))
    .option('-o, --output <file>', 'write the n-th --format to this file instead of stdout (repeatable)', collect, [] as string[])
    .addOption(new Option('--fail-severity <severity>', 'exit 1 when a finding is at least this severe').choices(SEVERITIES).default('error'))
    .option('-q, --quiet', 'stylish output: errors only', false)
    .addOption(new Option('--lang <language>', 'message language (default: ja when LC_ALL/LANG starts with ja, else en)').choices(LANGUAGES))
    .option('--review-max-age-days <days>', 'reviews older than this are stale (default 365)', positiveInteger)
    .option('--max-file-size-kb <kb>', 'files larger than this are not checked (default 2048)', positiveInteger)
    .option('--root <dir>', 'workspace root evidence may not leave (default: the current folder)')
    .option('--fix', 'rewrite item ids in canonical form in place (comments are kept)', false)
    .action(async (paths: string[], opts: { format: FormatName[]; output: string[]; failSeverity: Severity; quiet: boolean; lang?: MessageLanguage; reviewMaxAgeDays?: number; maxFileSizeKb?: number; root?: string; fix: boolean }) => {
      await commands.check({
        operands: paths,
        outputs: pairOutputs(opts.format, opts.output),
        failSeverity: opts.failSeverity,
        quiet: opts.quiet,
        language: opts.lang ?? languageFromEnv(io.env),
        reviewMaxAgeDays: opts.reviewMaxAgeDays,
        maxFileSizeKB: opts.maxFileSizeKb,
        root: opts.root,
        fix: opts.fix,
      });
    });

  program
    .command('explain')
    .description('show a guideline item: title, verbatim text, practice points, citation (aliases accepted: "D-7) ii.")')
    .argument('<id...>', 'item id, e.g. "D-7 ii" (words are joined, so D-7 ii works unquoted)')
    .addOption(new Option('--lang <language>', 'label language (quotes stay Japanese)').choices(LANGUAGES))
    .action(async (words: string[], opts: { lang?: MessageLanguage }) => {
      await commands.explain({ id: words.join(' '), language: opts.lang ?? languageFromEnv(io.env) });
    });

  program
    .command('init')
    .description('write a starter record with every item the roles require')
    .option('--role <roles>', `${ROLES.join(', ')} (repeatable or comma-separated)`, collect, [] as string[])
    .option('--advanced-ai', 'the organisation handles advanced AI systems (adds H-1 … H-12)', false)
    .option('-o, --output <file>', 'file to write', DEFAULT_INIT_FILE)
    .addOption(new Option('--lang <language>', 'comment language').choices(LANGUAGES))
    .action(async (opts: { role: string[]; advancedAi: boolean; output: string; lang?: MessageLanguage }) => {
      await commands.init({ roles: parseRoles(opts.role), advancedAI: opts.advancedAi, output: opts.output, language: opts.lang ?? languageFromEnv(io.env) });
    });

  return program;
}
