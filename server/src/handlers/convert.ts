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

export function toLspDiagnostic(d: EngineDiagnostic): Diagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: RULE_DOCS_BASE + d.code },
    source: SOURCE,
    message: d.message,
    data: d.data,
  };
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
