/** Document symbols (the outline) and document links (evidence paths). */
import { shortTitle, type GuidelineCatalog } from './catalog';
import { evidenceLocator } from './evidence';
import { pairOf, scalarText, stringsOf, type GovernanceRecord } from './record';
import type { CheckInput, FileSystemView, Range } from './types';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: 'section' | 'item' | 'system' | 'field';
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

export function outline(record: GovernanceRecord, catalog: GuidelineCatalog): OutlineSymbol[] {
  const lines = record.parsed.lines;
  const range = (start: number, end: number) => lines.range(start, end);
  return (record.root?.pairs ?? []).map((pair) => {
    const key = String(pair.key.value);
    const symbol: OutlineSymbol = {
      name: key,
      detail: '',
      kind: 'section',
      range: range(pair.start, pair.end),
      selectionRange: range(pair.key.start, pair.key.end),
      children: [],
    };
    if (key === 'items') {
      symbol.children = record.items.map((entry) => {
        const id = entry.resolution.status === 'unknown' ? entry.rawId : entry.resolution.id;
        const title = shortTitle(catalog.get(id)?.title ?? '');
        return {
          name: title ? `${entry.rawId} ${title}` : entry.rawId,
          detail: scalarText(pairOf(entry.fields, 'status')?.value) ?? '',
          kind: 'item' as const,
          range: range(entry.pair.start, entry.pair.end),
          selectionRange: range(entry.pair.key.start, entry.pair.key.end),
          children: [],
        };
      });
    }
    if (key === 'systems') {
      symbol.children = record.systems.map((system) => ({
        name: system.id ?? '?',
        detail: scalarText(pairOf(system.node, 'name')?.value) ?? '',
        kind: 'system' as const,
        range: range(system.node.start, system.node.end),
        selectionRange: system.idNode ? range(system.idNode.start, system.idNode.end) : range(system.node.start, system.node.start),
        children: [],
      }));
    }
    return symbol;
  });
}

export interface EvidenceLink {
  range: Range;
  /** absolute path of the target file */
  target: string;
}

export function evidenceLinks(record: GovernanceRecord, input: CheckInput, fs: FileSystemView): EvidenceLink[] {
  const links: EvidenceLink[] = [];
  const locate = evidenceLocator(input.path, input.workspaceRoot, fs);
  for (const entry of record.items) {
    for (const { value, node } of stringsOf(pairOf(entry.fields, 'evidence')?.value)) {
      const target = locate(value);
      // Only paths inside the workspace (symlinks followed) become links; URLs are left to the editor's own link detection.
      if (target.kind === 'file' || target.kind === 'missing') links.push({ range: record.parsed.lines.range(node.start, node.end), target: target.absolutePath });
    }
  }
  return links;
}
