/** Engine data → LSP types. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { EngineDiagnostic, Severity } from '../engine';
import { RULE_DOCS_BASE } from '../protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = 'ai-governance';

/** The rule's documentation link is left to a client that adds it itself (`ruleLinksOnClient`). */
export function toLspDiagnostic(d: EngineDiagnostic, ruleLink: boolean): Diagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    ...(ruleLink ? { codeDescription: { href: RULE_DOCS_BASE + d.code } } : {}),
    source: SOURCE,
    message: d.message,
    data: d.data,
  };
}

/** Engine diagnostics as this client wants them on the wire. */
export function lspDiagnostics(diagnostics: readonly EngineDiagnostic[], client: { ruleLinksOnClient: boolean }): Diagnostic[] {
  return diagnostics.map((d) => toLspDiagnostic(d, !client.ruleLinksOnClient));
}

/** A diagnostic coming back from the client, matched to the engine's by range and code. */
export function sameDiagnostic(lsp: Diagnostic, engine: EngineDiagnostic): boolean {
  return (
    lsp.code === engine.code &&
    lsp.range.start.line === engine.range.start.line &&
    lsp.range.start.character === engine.range.start.character &&
    lsp.range.end.line === engine.range.end.line &&
    lsp.range.end.character === engine.range.end.character &&
    (lsp.data === undefined || JSON.stringify(lsp.data) === JSON.stringify(engine.data))
  );
}
