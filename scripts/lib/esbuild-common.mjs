import { fileURLToPath } from 'node:url';

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
};

/** The banner that defines `importMetaUrl` (see `define` above); prepend the shebang for a bin. */
export const IMPORT_META_URL = "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;";
