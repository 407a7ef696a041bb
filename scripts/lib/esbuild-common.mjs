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
};

/** The banner that defines `importMetaUrl` (see `define` above); prepend the shebang for a bin. */
export const IMPORT_META_URL = "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;";
