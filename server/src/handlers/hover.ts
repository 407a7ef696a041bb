import { MarkupKind, type Hover } from 'vscode-languageserver';
import { parsedOf } from '../documentStore';
import type { ServerState } from '../state';
import { runSafeAsync } from './runSafe';

export function registerHover({ connection, engine, checks }: ServerState): void {
  connection.onHover((params, token) =>
    runSafeAsync<Hover | null>(connection, 'hover', null, token, async () => {
      const entry = await checks.read(params.textDocument.uri);
      const document = parsedOf(entry);
      const result = entry && document ? engine.hover(document, params.position, entry.settings.check.language) : null;
      return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range } : null;
    }),
  );
}
