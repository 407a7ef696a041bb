/** Every handler runs inside these: cancellation honoured, errors logged, a fallback returned — the server never dies. */
import type { CancellationToken, Connection } from 'vscode-languageserver';

function logFailure(connection: Connection, name: string, error: unknown): void {
  connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

export function runSafe<T>(connection: Connection, name: string, fallback: T, token: CancellationToken | undefined, work: () => T): T {
  if (token?.isCancellationRequested) return fallback;
  try {
    return work();
  } catch (error) {
    logFailure(connection, name, error);
    return fallback;
  }
}

/** The same for work that waits (for settings, for a document's check). */
export async function runSafeAsync<T>(connection: Connection, name: string, fallback: T, token: CancellationToken | undefined, work: () => Promise<T>): Promise<T> {
  if (token?.isCancellationRequested) return fallback;
  try {
    const result = await work();
    return token?.isCancellationRequested ? fallback : result;
  } catch (error) {
    logFailure(connection, name, error);
    return fallback;
  }
}
