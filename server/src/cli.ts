/**
 * `ai-governance` command line: the engine the language server uses, run over files in CI or a
 * terminal (DESIGN §6). Everything lives in ./cli/; this file only connects it to the process. The
 * same bundle, started in a worker thread, checks files for a run over many records (cli/fileWork).
 */
import { isMainThread } from 'node:worker_threads';
import { runFileWorker } from './cli/fileWork';
import { run } from './cli/main';
import { tuneHeap } from './heapTuning';

if (isMainThread) {
  tuneHeap();
  run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`ai-governance: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
} else {
  runFileWorker();
}
