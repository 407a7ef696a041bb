/** Every handler runs inside this: cancellation honoured, errors logged, a fallback returned — the server never dies. */
import type { CancellationToken, Connection } from 'vscode-languageserver';

export function runSafe<T>(connection: Connection, name: string, fallback: T, token: CancellationToken | undefined, work: () => T): T {
  if (token?.isCancellationRequested) return fallback;
  try {
    return work();
  } catch (error) {
    connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}
