// Bundles the client, the server and the CLI with esbuild; tsc only type-checks (npm run typecheck).
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // ES modules bundled into CommonJS (fdir) ask for import.meta.url: give them this file's URL.
  define: { 'import.meta.url': 'importMetaUrl' },
};
const importMetaUrl = "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;";

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], banner: { js: importMetaUrl } }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', banner: { js: importMetaUrl } }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` } }),
]);
