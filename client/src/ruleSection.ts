/** Pure (no vscode import): finds a rule's documentation in the README bundled with the extension. */

/** The README section of a rule: from its `### code` heading to the next heading of that level or above. */
export function ruleSection(readme: string, code: string): string | null {
  const lines = readme.split(/\r?\n/);
  const start = lines.findIndex((line) => /^#{2,4} /.test(line) && line.replace(/^#+ /, '').trim() === code);
  if (start === -1) return null;
  const level = /^#+/.exec(lines[start])![0].length;
  let end = start + 1;
  while (end < lines.length && !(/^#+ /.test(lines[end]) && /^#+/.exec(lines[end])![0].length <= level)) end++;
  return lines.slice(start, end).join('\n').trim();
}
