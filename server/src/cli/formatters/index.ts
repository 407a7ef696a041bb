/** The output formats of `check`, registered in one place. */
import type { Paint } from '../io';
import type { Report } from '../report';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
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

export function format(name: FormatName, report: Report, options: FormatOptions): string {
  switch (name) {
    case 'stylish':
      return formatStylish(report, options);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'github':
      return formatGithub(report);
    case 'junit':
      return formatJunit(report);
  }
}
