/**
 * Entry point: `node dist/server.js --stdio` (or --node-ipc, as the VS Code client starts it). Its
 * scan's worker threads run dist/checkWorker.js (checkWorkerMain.ts).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { tuneHeap } from './heapTuning';
import { startServer } from './server';

tuneHeap();
startServer(createConnection(ProposedFeatures.all));
