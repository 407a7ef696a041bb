/**
 * Diagnostics: the open documents' events go to the document checks, and each check is published
 * once, with the version it was made for (undefined for a file's text on disk).
 */
import { versionOf } from '../documentStore';
import type { EngineDiagnostic } from '../engine';
import type { ServerState } from '../state';
import { lspDiagnostics, toLspDiagnostic } from './convert';
import { runSafe } from './runSafe';

export function registerDiagnostics({ connection, documents, checks, client, publication }: ServerState): void {
  checks.onDidCheck((entry) =>
    runSafe(connection, 'publishDiagnostics', undefined, undefined, () => {
      const findings = entry.validation?.diagnostics ?? [];
      // An open record's findings mostly outlive the keystroke: their bytes are kept (publication.ts). A scanned record's are published once.
      const diagnostics =
        publication && entry.source.from === 'editor' ? publication.diagnostics(findings, (d: EngineDiagnostic) => toLspDiagnostic(d, !client.ruleLinksOnClient)) : lspDiagnostics(findings, client);
      void connection.sendDiagnostics({ uri: entry.uri, version: versionOf(entry), diagnostics });
    }),
  );
  checks.onDidForget((uri) => runSafe(connection, 'publishDiagnostics', undefined, undefined, () => void connection.sendDiagnostics({ uri, diagnostics: [] })));
  documents.onDidOpen(({ document }) => runSafe(connection, 'didOpen', undefined, undefined, () => checks.opened(document.uri)));
  // Fired for an open too: the check it schedules finds that version checked and does nothing.
  documents.onDidChangeContent(({ document }) => runSafe(connection, 'didChange', undefined, undefined, () => checks.changed(document.uri)));
  documents.onDidClose(({ document }) => runSafe(connection, 'didClose', undefined, undefined, () => checks.closed(document.uri)));
}
