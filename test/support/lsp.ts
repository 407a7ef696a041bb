/**
 * A minimal LSP client for protocol tests: spawns the bundled server over stdio, answers its
 * requests (configuration, registration), and waits for notifications with a deadline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { HEAP_FLAGS } from '../../server/src/heapTuning';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export interface StartOptions {
  folders: string[];
  /** the server to spawn (default: our bundled server over stdio) */
  command?: string[];
  /** answers workspace/configuration per section and resource (overrides `settings`) */
  configuration?: (section: string | undefined, scopeUri: string | undefined) => unknown;
  initializationOptions?: Record<string, unknown>;
  /** answer workspace/configuration with these settings; undefined: a client that sends no settings */
  settings?: Record<string, unknown>;
  watchFiles?: boolean;
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** every publishDiagnostics, in the order received */
  readonly published: PublishDiagnosticsParams[] = [];
  /** every item of every workspace/configuration request */
  readonly configurationAsked: Array<{ section?: string; scopeUri?: string }> = [];
  private readonly waiters: Array<() => void> = [];
  settings: Record<string, unknown> | undefined;
  stderr = '';

  private constructor(
    readonly connection: MessageConnection,
    readonly process: ChildProcess,
  ) {}

  static async start(options: StartOptions): Promise<TestClient> {
    // Started as the extension starts it (client/src/client.ts), with its heap flags.
    const [program, ...args] = options.command ?? [process.execPath, ...HEAP_FLAGS, SERVER, '--stdio'];
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, child);
    client.settings = options.settings;
    child.stderr!.on('data', (d) => (client.stderr += String(d)));
    // A write racing the server's exit must not crash the test process.
    child.stdin!.on('error', () => undefined);
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.set(p.uri, p);
      client.published.push(p);
      client.notify();
    });
    connection.onNotification(() => client.notify());
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string; scopeUri?: string }> }) => {
      client.configurationAsked.push(...params.items);
      return params.items.map((item) => (options.configuration ? options.configuration(item.section, item.scopeUri) : (client.settings ?? null)));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: options.folders.map((f) => ({ uri: uri(f), name: f })),
      initializationOptions: options.initializationOptions ?? {},
      capabilities: {
        workspace: {
          configuration: options.settings !== undefined || options.configuration !== undefined,
          didChangeWatchedFiles: { dynamicRegistration: options.watchFiles ?? false },
          workspaceFolders: true,
        },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves when `check` holds, re-tested at each notification; rejects at the deadline. */
  async until<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}${this.stderr ? `\nserver stderr: ${this.stderr}` : ''}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The publishDiagnostics received for a file, optionally only those for one version. */
  publishedFor(path: string, version?: number): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri(path) && (version === undefined || p.version === version));
  }

  diagnosticsOf(path: string): Diagnostic[] | undefined {
    return this.diagnostics.get(uri(path))?.diagnostics;
  }

  open(path: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(path), languageId: 'yaml', version, text } });
  }

  change(path: string, text: string, version: number): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(path), version }, contentChanges: [{ text }] });
  }

  close(path: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(path) } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    const quiet = () => undefined;
    if (this.process.exitCode === null && !this.process.killed) {
      await Promise.race([this.connection.sendRequest('shutdown').catch(quiet), new Promise((r) => setTimeout(r, 1000))]);
      await this.connection.sendNotification('exit').catch(quiet);
    }
    this.connection.dispose();
    this.process.kill();
  }
}

export function uri(path: string): string {
  return pathToFileURL(path).toString();
}
