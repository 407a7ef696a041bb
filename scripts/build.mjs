// Bundles the client, the server and the CLI with esbuild; tsc only type-checks (npm run typecheck).
import { build } from 'esbuild';
import { COMMON, IMPORT_META_URL } from './lib/esbuild-common.mjs';

const production = process.argv.includes('--production');
const common = { ...COMMON, sourcemap: !production, minify: production };
const importMetaUrl = IMPORT_META_URL;

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], banner: { js: importMetaUrl } }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', banner: { js: importMetaUrl } }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` } }),
  // The worker threads' own bundles: what checking a record needs, without the protocol, the formatters or exceljs.
  build({ ...common, entryPoints: ['server/src/checkWorkerMain.ts'], outfile: 'dist/checkWorker.js', banner: { js: importMetaUrl } }),
  build({ ...common, entryPoints: ['server/src/cli/fileWorkerMain.ts'], outfile: 'dist/fileWorker.js', banner: { js: importMetaUrl } }),
]);
