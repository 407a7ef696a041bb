/** The output formats of `check`, registered in one place. */
import type { Paint } from '../io';
import type { Report } from '../report';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown', 'gitlab'] as const;
export type FormatName = (typeof FORMATS)[number];

/** Formats a program reads: never coloured, never interleaved with progress. */
export function isMachineFormat(format: FormatName): boolean {
  return format !== 'stylish';
}

export interface FormatOptions {
  /** colours for stylish; no colours when writing to a file or a pipe */
  paint: Paint;
  quiet: boolean;
}

/**
 * The text of a report in pieces, to be written one after another: the JSON formats (json, sarif,
 * gitlab) are made a file or a finding at a time, so a run over thousands of records never holds
 * its whole output; the others are one piece (their size follows the findings shown to a person).
 */
export function format(name: FormatName, report: Report, options: FormatOptions): Iterable<string> {
  switch (name) {
    case 'stylish':
      return [formatStylish(report, options)];
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'github':
      return [formatGithub(report)];
    case 'junit':
      return [formatJunit(report)];
    case 'markdown':
      return [formatMarkdown(report)];
    case 'gitlab':
      return formatGitlab(report);
  }
}

/** Pieces joined into writes of about `size` characters: one system call per piece would cost more than the pieces. */
export function* batched(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
  let buffer: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    buffer.push(piece);
    length += piece.length;
    if (length >= size) {
      yield buffer.join('');
      buffer = [];
      length = 0;
    }
  }
  if (length) yield buffer.join('');
}
