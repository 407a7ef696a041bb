// Helpers shared by the real-VS-Code tests: polling with a deadline (never fixed sleeps),
// access to the diagnostics of our extension, and small conversions of API results.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'ai-governance.ai-governance-vscode';
export const SOURCE = 'ai-governance';

/** Poll deadlines, in milliseconds. The first publication needs the server started and the workspace scanned. */
export const FIRST_PUBLISH_MS = 60_000;
export const DEADLINE_MS = 20_000;

/**
 * Called first by every test that needs the extension: fails at once, rather than after a deadline,
 * when the extension is missing or did not activate (the activation test waits for it).
 */
export function assertActive(): void {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  if (!ext.isActive) throw new Error(`extension ${EXTENSION_ID} is not active`);
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

/** The record the suite opens and edits, and the one it never opens. */
export function recordUri(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'ai-governance.yaml');
}
export function teamUri(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'sub', 'team.ai-governance.yaml');
}

export function sameUri(a: vscode.Uri, b: vscode.Uri): boolean {
  return a.toString() === b.toString() || (a.scheme === b.scheme && a.fsPath === b.fsPath);
}

export function relative(uri: vscode.Uri): string {
  const root = workspaceRoot().path.replace(/\/$/, '');
  return uri.path.startsWith(root + '/') ? uri.path.slice(root.length + 1) : uri.toString();
}

/** diagnostic.code is a string, a number or { value, target }. */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined || c === null) return '';
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

/** The LSP `data` of a diagnostic, which vscode-languageclient keeps on the object it creates. */
export function dataOf(d: vscode.Diagnostic): string {
  const data = (d as vscode.Diagnostic & { data?: unknown }).data;
  if (data === undefined) return '';
  try {
    return JSON.stringify(data);
  } catch {
    return String(data);
  }
}

/** Our diagnostics, for one file or for all of them. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}
export function allOurs(): Array<[vscode.Uri, vscode.Diagnostic[]]> {
  return vscode.languages
    .getDiagnostics()
    .map(([uri, ds]): [vscode.Uri, vscode.Diagnostic[]] => [uri, ds.filter((d) => d.source === SOURCE)])
    .filter(([, ds]) => ds.length > 0);
}

export function mentions(d: vscode.Diagnostic, text: string): boolean {
  return d.message.includes(text) || dataOf(d).includes(text);
}

export function formatDiagnostic(d: vscode.Diagnostic): string {
  const r = d.range;
  const data = dataOf(d);
  return (
    `[${codeOf(d) || '?'}] ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ` +
    `${JSON.stringify(d.message)}${data ? ` data=${data.slice(0, 200)}` : ''}`
  );
}

/**
 * What the suite saw, for failure messages: per file, the count of our diagnostics by code, then the
 * diagnostics with one of `codes` (all of ours when none are given), at most `limit` per file.
 */
export function describeDiagnostics(codes: string[] = [], limit = 8): string {
  const lines: string[] = [];
  for (const [uri, ds] of vscode.languages.getDiagnostics()) {
    if (ds.length === 0) continue;
    const mine = ds.filter((d) => d.source === SOURCE);
    const byCode = new Map<string, number>();
    for (const d of mine) byCode.set(codeOf(d), (byCode.get(codeOf(d)) ?? 0) + 1);
    const counts = [...byCode].map(([c, n]) => `${c || '?'}×${n}`).join(', ');
    const others = ds.length - mine.length;
    lines.push(`  ${relative(uri)}: ${mine.length} from "${SOURCE}" (${counts || 'none'})${others ? `, ${others} from other sources` : ''}`);
    const shown = codes.length ? mine.filter((d) => codes.includes(codeOf(d))) : mine;
    for (const d of shown.slice(0, limit)) lines.push(`    ${formatDiagnostic(d)}`);
    if (shown.length > limit) lines.push(`    … ${shown.length - limit} more`);
  }
  return lines.length ? lines.join('\n') : '  (no diagnostics at all)';
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `probe` until it returns something other than undefined/null/false, or fails after `timeoutMs`
 * with `what`, the last error the probe threw and, if given, `observed()` (what was there instead).
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: { timeoutMs?: number; intervalMs?: number; observed?: () => string | Promise<string> } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEADLINE_MS;
  const intervalMs = options.intervalMs ?? 250;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
      lastError = undefined;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) break;
    await delay(intervalMs);
  }
  let message = `timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}`;
  if (lastError) message += `\nlast error: ${lastError instanceof Error ? lastError.message : String(lastError)}`;
  if (options.observed) {
    try {
      message += `\nobserved:\n${await options.observed()}`;
    } catch (e) {
      message += `\n(could not describe the state: ${String(e)})`;
    }
  }
  throw new Error(message);
}

/** The position of the first occurrence of `text` at the start of a line's content (after indentation), plus `offset`. */
export function positionOfKey(doc: vscode.TextDocument, key: string, offset = 1): vscode.Position {
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineAt(line).text;
    const trimmed = text.trimStart();
    if (trimmed.startsWith(key + ':')) return new vscode.Position(line, text.length - trimmed.length + offset);
  }
  throw new Error(`key "${key}:" not found in ${relative(doc.uri)}`);
}

export type Action = vscode.CodeAction | vscode.Command;

export function isCodeAction(a: Action): a is vscode.CodeAction {
  return typeof (a as vscode.Command).command !== 'string';
}

export function isQuickFix(a: vscode.CodeAction): boolean {
  const kind = a.kind?.value ?? '';
  return kind === 'quickfix' || kind.startsWith('quickfix.');
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // The last argument resolves up to that many actions, so that lazily computed edits are filled in.
  const result = await vscode.commands.executeCommand<Action[] | undefined>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    undefined,
    100,
  );
  return (result ?? []).filter(isCodeAction);
}

export function describeActions(actions: vscode.CodeAction[]): string {
  if (actions.length === 0) return '  (no code actions)';
  return actions
    .map(
      (a) =>
        `  ${JSON.stringify(a.title)} kind=${a.kind?.value ?? '-'}${a.isPreferred ? ' preferred' : ''}` +
        `${a.edit ? ` edit(${a.edit.size} file(s))` : ''}${a.command ? ` command=${a.command.command}` : ''}` +
        `${a.disabled ? ` disabled=${a.disabled.reason}` : ''}`,
    )
    .join('\n');
}

/** Applies a code action the way the editor does: its edit first, then its command. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (!action.edit && !action.command) throw new Error(`code action "${action.title}" has neither an edit nor a command`);
  if (action.edit) {
    const ok = await vscode.workspace.applyEdit(action.edit);
    if (!ok) throw new Error(`workspace.applyEdit refused the edit of "${action.title}"`);
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  const parts: string[] = [];
  for (const h of hovers ?? []) {
    for (const c of h.contents) {
      if (typeof c === 'string') parts.push(c);
      else parts.push(c.value);
    }
  }
  return parts.join('\n');
}

export function completionLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Every file under the workspace folder (no .git, node_modules, .vscode), as workspace-relative paths. */
export async function listFiles(dir: vscode.Uri = workspaceRoot()): Promise<string[]> {
  const out: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
    if (name === '.git' || name === 'node_modules' || name === '.vscode') continue;
    const child = vscode.Uri.joinPath(dir, name);
    if (type & vscode.FileType.Directory) out.push(...(await listFiles(child)));
    else out.push(relative(child));
  }
  return out.sort();
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function isAscii(text: string): boolean {
  return /^[\x20-\x7e\s]*$/.test(text);
}
export function hasJapanese(text: string): boolean {
  return /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/.test(text);
}
