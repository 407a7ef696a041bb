/**
 * For the processes that run the engine from source (bench, fuzz): yaml's Node build reads
 * `process.env.LOG_TOKENS` for every token, a getenv call each time (about 40 % of a parse). The
 * product's bundles use yaml's browser build, which has no such read (scripts/lib/esbuild-common.mjs);
 * a plain copy of the environment gives these processes the same parse speed, so their figures are
 * the product's. Import this first.
 */
Object.defineProperty(process, 'env', { value: { ...process.env }, writable: true, enumerable: true, configurable: true });
