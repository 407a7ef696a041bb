/**
 * Entry point: `node dist/server.js --stdio` (as the VS Code client starts it; --node-ipc and
 * --socket work too). Its scan's worker threads run dist/checkWorker.js (checkWorkerMain.ts).
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { tuneHeap } from './heapTuning';
import { PublicationEncoder } from './publication';
import { startServer } from './server';

tuneHeap();
if (process.argv.includes('--stdio')) {
  // Over stdio the server writes its own messages, so diagnostics can be published from kept bytes (publication.ts).
  const publication = new PublicationEncoder();
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout, { contentTypeEncoder: publication }));
  keepStdoutForMessages(connection);
  // The client is gone when its end of stdin closes (the library watches this only on streams it opened itself).
  for (const event of ['end', 'close']) process.stdin.on(event, () => process.exit(1));
  startServer(connection, publication);
} else {
  startServer(createConnection(ProposedFeatures.all));
}

/** stdout carries the protocol: anything a library prints goes to the client's log instead (as the library does when it picks stdio itself). */
function keepStdoutForMessages(connection: Connection): void {
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
}
