/**
 * Entry point of `dist/fileWorker.js`, a worker thread of a CLI run over many records (fileWork.ts).
 * A bundle of its own so that each worker loads what checking a file needs, not the formatters, the
 * report writers and the Excel library of the CLI.
 */
import { runFileWorker } from './fileWork';

runFileWorker();
