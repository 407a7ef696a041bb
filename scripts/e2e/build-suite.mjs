// Bundles the real-VS-Code suite: test/e2e/suite/index.ts → out/e2e/suite/index.js (CommonJS, node20),
// `vscode` external (the extension host provides it), mocha and everything else bundled in.
// Refuses to build when a test/e2e/suite/*.test.ts file is not loaded by index.ts.
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const suiteDir = join(root, 'test/e2e/suite');
const index = readFileSync(join(suiteDir, 'index.ts'), 'utf8');
const unlisted = readdirSync(suiteDir)
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => !index.includes(`require('./${f.replace(/\.ts$/, '')}')`));
if (unlisted.length > 0) {
  console.error(`test/e2e/suite/index.ts does not load: ${unlisted.join(', ')} (add them to loadTests())`);
  process.exit(1);
}

await build({
  absWorkingDir: root,
  entryPoints: ['test/e2e/suite/index.ts'],
  outfile: 'out/e2e/suite/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
  // mocha's optional pieces (parallel mode, ESM loading, the CLI) are never reached from a programmatic run.
  logOverride: { 'require-resolve-not-external': 'silent', 'unsupported-dynamic-import': 'silent' },
});
console.log('built out/e2e/suite/index.js');
