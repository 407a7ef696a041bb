/**
 * Settings resolved per resource, as vscode-eslint's `resolveSettings(document)` does: each document
 * (or workspace folder) asks `workspace/configuration` with its own `scopeUri`, so the
 * `resource`-scoped settings of each folder of a multi-root workspace apply to its files. Answers
 * are cached per uri and dropped together when the client says the configuration changed.
 */
import type { InitializationOptions, RawSettings } from './protocol';
import { normaliseSettings, type ServerSettings } from './settings';

/** Asks the client for the settings of these resources, one answer per uri, in order ('' : no particular resource). */
export type FetchSettings = (scopeUris: readonly string[]) => Promise<unknown[]>;

export class ResourceSettings {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  private defaults: ServerSettings;
  /** Changes each time the cache is dropped: a check that began before compares it to know it is stale. */
  generation = 0;

  /** @param fetch undefined for a client that cannot answer `workspace/configuration`: every resource gets the defaults */
  constructor(
    private readonly fetch: FetchSettings | undefined,
    private init: InitializationOptions = {},
  ) {
    this.defaults = normaliseSettings(undefined, init);
  }

  /** The client's initialisation options (display language, Red Hat YAML) feed every resolution. */
  initialise(init: InitializationOptions): void {
    this.init = init;
    this.defaults = normaliseSettings(undefined, init);
    this.clear();
  }

  for(uri: string): Promise<ServerSettings> {
    return this.forMany([uri]).then(([settings]) => settings);
  }

  /** The settings of many resources; the ones not cached are asked for in a single request. */
  forMany(uris: readonly string[]): Promise<ServerSettings[]> {
    const missing = [...new Set(uris.filter((uri) => !this.cache.has(uri)))];
    if (missing.length) {
      const answers = this.ask(missing);
      missing.forEach((uri, index) => this.cache.set(uri, answers.then((all) => all[index])));
    }
    return Promise.all(uris.map((uri) => this.cache.get(uri) as Promise<ServerSettings>));
  }

  clear(): void {
    this.cache.clear();
    this.generation++;
  }

  private async ask(uris: readonly string[]): Promise<ServerSettings[]> {
    if (!this.fetch) return uris.map(() => this.defaults);
    try {
      const raw = await this.fetch(uris);
      return uris.map((_, index) => normaliseSettings(raw[index] as RawSettings | null | undefined, this.init));
    } catch {
      return uris.map(() => this.defaults); // a client that cannot answer still gets the defaults
    }
  }
}
