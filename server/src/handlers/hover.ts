import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { ServerState } from '../server';
import { runSafe } from './runSafe';

export function registerHover({ connection, engine, checkedFor }: ServerState): void {
  connection.onHover((params, token) =>
    runSafe<Hover | null>(connection, 'hover', null, token, () => {
      const doc = checkedFor(params.textDocument.uri);
      const result = doc ? engine.hover(doc, params.position) : null;
      return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range } : null;
    }),
  );
}
