/**
 * The typo trap: a record lacks D-7 ii and has "D-7 iii" with real data under it. Adding an empty
 * D-7 ii strands that data; renaming the misspelt key keeps it. These helpers find the misspelt
 * entry a missing item was probably meant as, and — when an empty entry was already added — the
 * edits that merge the misspelt entry into it.
 */
import { shortTitle } from './catalog';
import { entryLines, renameKey, type OffsetEdit } from './edits';
import { scalarText, type GovernanceRecord, type ItemEntry } from './record';

/** An entry under an unknown id whose "did you mean" names `id` (first suggestions first). */
export function misspeltEntryFor(record: GovernanceRecord, id: string): ItemEntry | undefined {
  let best: { entry: ItemEntry; rank: number } | undefined;
  for (const entry of record.items) {
    if (entry.resolution.status !== 'unknown') continue;
    const rank = entry.resolution.suggestions.indexOf(id);
    if (rank !== -1 && (!best || rank < best.rank)) best = { entry, rank };
  }
  return best?.entry;
}

/** What "add item" writes and nothing more: status planned, empty owner / evidence / justification. */
const PLACEHOLDER_VALUES: Readonly<Record<string, readonly string[]>> = {
  status: ['planned'],
  owner: [''],
  justification: [''],
};

/**
 * True when the entry holds only what "add item" wrote (possibly fewer fields): nothing a person
 * wrote would be lost by replacing it. Comments other than the generated ones make it not a placeholder.
 */
export function isPlaceholderEntry(record: GovernanceRecord, entry: ItemEntry, title: string): boolean {
  const fields = entry.fields;
  if (entry.pair.value && !fields && !(entry.pair.value.type === 'scalar' && entry.pair.value.value === null)) return false;
  for (const pair of fields?.pairs ?? []) {
    const key = String(pair.key.value);
    if (key === 'evidence') {
      const value = pair.value;
      const empty = !value || (value.type === 'seq' && value.items.length === 0) || (value.type === 'scalar' && value.value === null);
      if (!empty) return false;
      continue;
    }
    const allowed = PLACEHOLDER_VALUES[key];
    if (!allowed || !allowed.includes(scalarText(pair.value) ?? '')) return false;
  }
  const block = entryLines(record, entry);
  if (!block) return false;
  // The comments "add item" writes: the short title on the key line, and the review reminder.
  const generated = new Set([`# ${shortTitle(title)}`, '# reviewed: YYYY-MM-DD']);
  const lines = record.parsed.text.slice(block.start, block.end).split(/\r?\n/);
  return lines.every((line) => !line.includes('#') || generated.has(line.slice(line.indexOf('#')).trim()));
}

/** Comments a merge may drop: those of the placeholder entry it replaces (all generated, see above). */
export function placeholderComments(record: GovernanceRecord, entry: ItemEntry): string[] {
  const block = entryLines(record, entry);
  if (!block) return [];
  return record.parsed.text
    .slice(block.start, block.end)
    .split(/\r?\n/)
    .flatMap((line) => (line.includes('#') ? [line.slice(line.indexOf('#')).trim()] : []));
}

/** Deletes the placeholder entry of `id` and renames the misspelt key to it: the data under the typo stays. */
export function mergeEdits(record: GovernanceRecord, placeholder: ItemEntry, misspelt: ItemEntry, id: string): OffsetEdit[] | null {
  const block = entryLines(record, placeholder);
  if (!block) return null;
  return [{ start: block.start, end: block.end, newText: '' }, renameKey(misspelt, id)];
}
