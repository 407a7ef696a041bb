/**
 * Entry point: `node dist/server.js --stdio` (or --node-ipc, as the VS Code client starts it). The same
 * bundle, started in a worker thread (workerPool.ts), checks records from disk for workspace scans.
 */
import { isMainThread } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { runCheckWorker } from './checkWorker';
import { tuneHeap } from './heapTuning';
import { startServer } from './server';

if (isMainThread) {
  tuneHeap();
  startServer(createConnection(ProposedFeatures.all));
} else runCheckWorker();
