// Builds the npm package of the CLI in packages/cli/ (its `prepack`): one self-contained bundle of
// server/src/cli.ts — the engine, the catalog and every dependency inside, nothing to install — and
// the smaller one its worker threads run (dist/fileWorker.js), plus the licence and the notices of the bundled third-party packages. The extension, the
// language server and the tests stay out; the .vsix is built separately (npm run package).
import { build } from 'esbuild';
import { COMMON, IMPORT_META_URL } from './lib/esbuild-common.mjs';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = join(ROOT, 'packages/cli');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

// One version for the extension, the CLI inside it and this package: a mismatch is a release mistake.
const rootVersion = readJson(join(ROOT, 'package.json')).version;
const cliManifest = readJson(join(PACKAGE, 'package.json'));
if (cliManifest.version !== rootVersion) {
  console.error(`packages/cli/package.json has version ${cliManifest.version}, package.json ${rootVersion}: make them equal before packing`);
  process.exit(1);
}

rmSync(join(PACKAGE, 'dist'), { recursive: true, force: true });
const bundle = (entry, outfile, banner) =>
  build({
    entryPoints: [join(ROOT, entry)],
    outfile: join(PACKAGE, outfile),
    ...COMMON,
    // readable stack traces in bug reports matter more than the few hundred kilobytes minifying saves
    minify: false,
    sourcemap: false,
    legalComments: 'eof',
    banner: { js: banner },
    metafile: true,
  });
// The CLI and the bundle its worker threads run (a run over many records checks them in parallel).
const results = await Promise.all([
  bundle('server/src/cli.ts', 'dist/cli.js', `#!/usr/bin/env node\n${IMPORT_META_URL}`),
  bundle('server/src/cli/fileWorkerMain.ts', 'dist/fileWorker.js', IMPORT_META_URL),
]);

/** The packages esbuild put into the bundle, with their licence texts (MIT, ISC and BSD ask for the notice to travel with copies). */
function bundledPackages(metafile) {
  const names = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) names.add(match[1]);
  }
  return [...names].sort().map((name) => {
    const dir = join(ROOT, 'node_modules', name);
    const manifest = readJson(join(dir, 'package.json'));
    const licenceFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    // A few old packages under exceljs (`binary`, `buffers`) ship no licence file, and one states no
    // licence at all: name what the package says, and its author, so a maintainer can settle it
    // before publishing (README, "The npm package").
    const author = manifest.author ? (typeof manifest.author === 'string' ? manifest.author : manifest.author.name) : 'unknown';
    const text = licenceFile
      ? readFileSync(join(dir, licenceFile), 'utf8').trim()
      : manifest.license
        ? `The package ships no licence file; its package.json declares the ${manifest.license} licence (author: ${author}).`
        : `The package states no licence (author: ${author}).`;
    return { name, version: manifest.version, license: manifest.license ?? 'no licence stated', text };
  });
}

const notices = bundledPackages({ inputs: Object.assign({}, ...results.map((r) => r.metafile.inputs)) })
  .map((p) => `## ${p.name} ${p.version} (${p.license})\n\n${p.text}\n`)
  .join('\n');
writeFileSync(
  join(PACKAGE, 'THIRD_PARTY_NOTICES.md'),
  `# Third-party software in dist/cli.js and dist/fileWorker.js\n\nThe bundles contain these packages; their licences follow.\n\n${notices}`,
);
copyFileSync(join(ROOT, 'LICENSE'), join(PACKAGE, 'LICENSE'));
for (const file of ['dist/cli.js', 'dist/fileWorker.js']) if (!existsSync(join(PACKAGE, file))) throw new Error(`${file} was not written`);
console.log(`built packages/cli/dist/cli.js (${Math.round(readFileSync(join(PACKAGE, 'dist/cli.js')).length / 1024)} KB) for ${cliManifest.name}@${cliManifest.version}`);
