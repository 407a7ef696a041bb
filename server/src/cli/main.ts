/** Runs one command line against injected I/O and returns the exit code (0 clean, 1 findings, 2 the tool could not run). */
import { CommanderError } from 'commander';
import { version } from '../../../package.json';
import { loadCatalog } from '../engine/catalog';
import { buildProgram } from './args';
import { runCheck } from './check';
import { runChanges } from './changes';
import { explain } from './explain';
import { initRecord, writeStarterRecord } from './init';
import { addReportCommands } from './reportCommand';
import { EXIT, paintFor, UsageError, type CliIO } from './io';
import { TEXT } from './text';

export const TOOL_VERSION: string = version;

/** `--version`: the tool's version and the guideline editions its catalog quotes, so a CI log says what a check was against. */
export function versionLine(): string {
  const { guideline } = loadCatalog().data;
  return `${TOOL_VERSION} (catalog: ${guideline.title} ${guideline.edition} ${guideline.published}; ${guideline.update})`;
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(
    io,
    {
      async check(args) {
        exitCode = await runCheck({ ...args, toolVersion: TOOL_VERSION }, io);
      },
      async explain(args) {
        io.stdout.write(explain(args.id, loadCatalog(), args.language, paintFor(io.stdout, io.env), args.edition));
      },
      async changes(args) {
        io.stdout.write(await runChanges(args, loadCatalog(), io.cwd, paintFor(io.stdout, io.env)));
      },
      async init(args) {
        const record = initRecord(loadCatalog(), args);
        await writeStarterRecord(io.cwd, args.output, record.text);
        io.stdout.write(TEXT[args.language].wrote(args.output, record.items) + '\n');
      },
    },
    versionLine(),
  );
  addReportCommands(program, io, TOOL_VERSION, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    // commander has already printed its message (or the help / version) through io
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.failure;
    if (error instanceof UsageError) {
      io.stderr.write(`ai-governance: ${error.message}\n`);
      return EXIT.failure;
    }
    io.stderr.write(`ai-governance: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failure;
  }
  return exitCode;
}
