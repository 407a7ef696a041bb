/**
 * What comes back from a worker thread is a structured clone: every string in it is its own copy —
 * each item's guideline text, title and citation, each finding's code and message. Across a thousand
 * records that is the same few thousand strings a thousand times over. The pool keeps one copy of each,
 * as a run on one thread (which hands out the catalog's own strings) does.
 */
export class StringPool {
  private strings = new Map<string, string>();

  /** @param limit past this many strings the pool starts afresh, so a long-lived pool stays bounded */
  constructor(private readonly limit = Infinity) {}

  /** Replaces, in place, every string in plain data (arrays and objects) by the pool's copy; returns `value`. */
  share<T>(value: T): T {
    this.walk(value);
    return value;
  }

  get size(): number {
    return this.strings.size;
  }

  private shared(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    if (this.strings.size >= this.limit) this.strings = new Map();
    this.strings.set(text, text);
    return text;
  }

  private walk(value: unknown): void {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const element: unknown = value[i];
        if (typeof element === 'string') value[i] = this.shared(element);
        else if (element !== null && typeof element === 'object') this.walk(element);
      }
    } else if (value !== null && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      for (const key of Object.keys(object)) {
        const property = object[key];
        if (typeof property === 'string') object[key] = this.shared(property);
        else if (property !== null && typeof property === 'object') this.walk(property);
      }
    }
  }
}
