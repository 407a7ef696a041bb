/**
 * `ai-governance` command line: the engine the language server uses, run over files in CI or a
 * terminal (DESIGN §6). Everything lives in ./cli/; this file only connects it to the process. A
 * run over many records checks them in worker threads that run dist/fileWorker.js (cli/fileWorkerMain).
 */
import { run } from './cli/main';
import { tuneHeap } from './heapTuning';

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
