import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every bundle written as ASCII. esbuild escapes strings but leaves a few characters of regular
 * expressions and kept comments as they are, and one non-ASCII character makes V8 hold the whole
 * ~5 MB source as a two-byte string (11 MB), which every thread that runs the bundle keeps: the
 * server, the CLI and each of their worker threads. `\uXXXX` means the same in a comment, a string
 * and a regular expression.
 */
const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    build.initialOptions.write = false;
    build.onEnd((result) => {
      for (const file of result.outputFiles ?? []) {
        mkdirSync(dirname(file.path), { recursive: true });
        const text = file.path.endsWith('.js') ? file.text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : file.contents;
        writeFileSync(file.path, text);
      }
    });
  },
};

// What every bundle of this project shares (extension, server, CLI, and the CLI's npm package), so
// that the npm package cannot drift from the bundles the tests run.
export const COMMON = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  // ES modules bundled into CommonJS (fdir) ask for import.meta.url: give them this file's URL.
  define: { 'import.meta.url': 'importMetaUrl' },
  // yaml's Node build reads process.env.LOG_TOKENS for every token and LOG_STREAM for every document
  // (a getenv each time: about 40 % of a parse); its browser build, the same code without those
  // reads, parses twice as fast. Both are the package's own published builds of one version.
  alias: { yaml: fileURLToPath(new URL('../../node_modules/yaml/browser/index.js', import.meta.url)) },
  plugins: [asciiOutput],
};

/** The banner that defines `importMetaUrl` (see `define` above); prepend the shebang for a bin. */
export const IMPORT_META_URL = "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;";
