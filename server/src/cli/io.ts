/**
 * What the CLI touches outside itself, injected so tests run it in-process: the two output
 * streams, the working folder and the environment. `process` is wired in only by ../cli.ts.
 */

export interface OutputStream {
  write(text: string): unknown;
  /** true when a person is watching: colour and progress are allowed */
  isTTY?: boolean;
}

export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** A failure of the tool itself (bad arguments, a missing path): exit 2 with this message. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, problems: 1, failure: 2 } as const;

/** NO_COLOR (https://no-color.org): present and not empty disables colour, whatever the terminal. */
export function colourAllowed(stream: OutputStream, env: CliIO['env']): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}

export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
  underline(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const COLOURS: Paint = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  blue: sgr(34, 39),
  green: sgr(32, 39),
  underline: sgr(4, 24),
};

const same = (text: string) => text;
export const NO_COLOURS: Paint = { bold: same, dim: same, red: same, yellow: same, blue: same, green: same, underline: same };

export function paintFor(stream: OutputStream, env: CliIO['env']): Paint {
  return colourAllowed(stream, env) ? COLOURS : NO_COLOURS;
}
