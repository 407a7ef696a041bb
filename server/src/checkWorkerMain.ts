/**
 * Entry point of `dist/checkWorker.js`, a worker thread of the server's scan pool (checkWorker.ts).
 * A bundle of its own so that each worker loads the engine and the catalog only, not the language
 * server's protocol code: about half the memory per worker of running dist/server.js.
 */
import { runCheckWorker } from './checkWorker';

runCheckWorker();
