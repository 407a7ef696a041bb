/**
 * JUnit XML for CI test-report views: a test suite per file, a test case per finding. Findings at
 * or above the fail severity are failures (as they fail the run); findings below it pass, with
 * the message kept in system-out. A file without findings is one passing test case; a file that
 * could not be read is an error.
 */
import { atLeast, type ReportContext } from '../report';
import type { StreamingFormatter } from './index';

/** Characters XML 1.0 cannot hold at all are dropped; the five special ones are escaped. */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attrs = (values: Record<string, string | number>) =>
  Object.entries(values)
    .map(([k, v]) => `${k}="${escapeXml(String(v))}"`)
    .join(' ');

/**
 * The suites' text is kept until the end: the root element's counts come first in the document.
 * (Only text is kept, never the findings.)
 */
export function junitFormatter(context: ReportContext): StreamingFormatter {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  return {
    head: () => '',
    file(file) {
      const cases: string[] = [];
      let suiteFailures = 0;
      if (file.diagnostics.length === 0) cases.push(`    <testcase ${attrs({ classname: file.path, name: file.path })}/>`);
      for (const d of file.diagnostics) {
        const position = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
        const name = `${position} ${d.code}`;
        const body = `${file.path}:${position} ${d.severity} ${d.message} (${d.code})`;
        if (atLeast(d.severity, context.failSeverity)) {
          suiteFailures++;
          cases.push(`    <testcase ${attrs({ classname: file.path, name })}>\n      <failure ${attrs({ type: d.severity, message: d.message })}>${escapeXml(body)}</failure>\n    </testcase>`);
        } else {
          cases.push(`    <testcase ${attrs({ classname: file.path, name })}>\n      <system-out>${escapeXml(body)}</system-out>\n    </testcase>`);
        }
      }
      tests += cases.length;
      failures += suiteFailures;
      suites.push(`  <testsuite ${attrs({ name: file.path, tests: cases.length, failures: suiteFailures, errors: 0, skipped: 0 })}>\n${cases.join('\n')}\n  </testsuite>`);
      return '';
    },
    tail(toolFailures) {
      for (const failure of toolFailures) {
        tests++;
        suites.push(
          `  <testsuite ${attrs({ name: failure.path, tests: 1, failures: 0, errors: 1, skipped: 0 })}>\n    <testcase ${attrs({ classname: failure.path, name: failure.path })}>\n      <error ${attrs({ message: failure.message })}/>\n    </testcase>\n  </testsuite>`,
        );
      }
      const head = `<testsuites ${attrs({ name: 'ai-governance', tests, failures, errors: toolFailures.length })}>`;
      return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites.splice(0), '</testsuites>', ''].join('\n');
    },
  };
}
