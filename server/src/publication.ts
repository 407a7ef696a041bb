/**
 * Publishing an open record's diagnostics, cheaply. For a record with 10,000 findings the
 * publication after each keystroke was 3.7 MB of JSON, stringified and UTF-8 encoded anew: more
 * time than the incremental check itself. An edit inside one entry leaves nearly every finding the
 * same object (incremental check), so each finding is converted and encoded once and its bytes kept
 * with it (a WeakMap: they go when the finding goes), and a publication is those bytes put together.
 *
 * This needs our own message writer, so it works over stdio (how the extension starts the server);
 * over IPC Node serialises every message itself and the server publishes as before.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';
import type { EngineDiagnostic } from './engine';

interface Encoded {
  lsp: Diagnostic;
  bytes: Buffer;
}

/** Stands for the diagnostics array in the message's JSON, where their kept bytes go. */
const MARK = '\u0000ai-governance:diagnostics\u0000';
const MARK_JSON = JSON.stringify(MARK);
const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/** The connection's encoder of messages (a vscode-jsonrpc ContentTypeEncoder). */
export class PublicationEncoder {
  readonly name = 'application/json';
  private readonly encoded = new WeakMap<EngineDiagnostic, Encoded>();
  /** an LSP diagnostics array made by diagnostics() → the bytes of its elements */
  private readonly prepared = new WeakMap<Diagnostic[], Buffer[]>();

  /** The LSP form of an open record's findings; publishing the array returned reuses each finding's bytes. */
  diagnostics(findings: readonly EngineDiagnostic[], convert: (d: EngineDiagnostic) => Diagnostic): Diagnostic[] {
    const lsp: Diagnostic[] = [];
    const pieces: Buffer[] = [];
    for (const finding of findings) {
      let known = this.encoded.get(finding);
      if (!known) {
        const converted = convert(finding);
        known = { lsp: converted, bytes: Buffer.from(JSON.stringify(converted)) };
        this.encoded.set(finding, known);
      }
      lsp.push(known.lsp);
      pieces.push(known.bytes);
    }
    this.prepared.set(lsp, pieces);
    return lsp;
  }

  encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      const params = (message as { params?: unknown }).params as { diagnostics?: unknown } | undefined;
      const pieces = Array.isArray(params?.diagnostics) ? this.prepared.get(params.diagnostics as Diagnostic[]) : undefined;
      if (!pieces) return Promise.resolve(Buffer.from(JSON.stringify(message), options.charset));
      const json = JSON.stringify({ ...message, params: { ...params, diagnostics: MARK } });
      const at = json.indexOf(MARK_JSON);
      const parts: Buffer[] = [Buffer.from(json.slice(0, at)), OPEN];
      pieces.forEach((piece, i) => {
        if (i > 0) parts.push(COMMA);
        parts.push(piece);
      });
      parts.push(CLOSE, Buffer.from(json.slice(at + MARK_JSON.length)));
      return Promise.resolve(Buffer.concat(parts));
    } catch (error) {
      return Promise.reject(error);
    }
  }
}
