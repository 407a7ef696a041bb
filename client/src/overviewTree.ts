/**
 * The overview tree (activity bar "AI ガバナンス"): workspace → records → principles → items, each
 * with the state of its coverage. Built from the CoverageModel only; refreshed when it changes.
 */
import * as vscode from 'vscode';
import { STATE_ORDER, type CoverageModel, type CoverageRecord } from './coverageModel';
import { t, uiLanguage } from './i18n';

type CoverageItem = CoverageRecord['items'][number];
type CoverageGroup = CoverageRecord['principles'][number];
type Summary = CoverageRecord['summary'];

export type OverviewFilter = 'all' | 'missing' | 'stale';

export type OverviewNode =
  | { kind: 'workspace' }
  | { kind: 'record'; uri: string }
  | { kind: 'group'; uri: string; group: string }
  | { kind: 'item'; uri: string; group: string; id: string };

/** What a tree item shows for an item: its state, or stale / broken when that matters more to a reviewer. */
export type ItemMark = CoverageItem['state'] | 'stale' | 'broken';

/** A review date a reviewer has to look at: too old, in the future, or not a date. */
export function reviewToCheck(item: CoverageItem): boolean {
  return item.review === 'stale' || item.review === 'future' || item.review === 'invalid';
}

export function markOf(item: CoverageItem): ItemMark {
  if (item.state === 'missing') return 'missing';
  if (item.evidence.state === 'broken') return 'broken';
  if (reviewToCheck(item)) return 'stale';
  return item.state;
}

const ICONS: Record<ItemMark, [string, string]> = {
  implemented: ['pass-filled', 'testing.iconPassed'],
  partial: ['pie-chart', 'charts.yellow'],
  planned: ['clock', 'charts.blue'],
  'not-applicable': ['circle-slash', 'disabledForeground'],
  missing: ['error', 'problemsErrorIcon.foreground'],
  stale: ['history', 'charts.orange'],
  broken: ['warning', 'problemsWarningIcon.foreground'],
};

/** `required`: a missing item the roles require is an error; a missing expected or recommended one only a gap. */
export function iconOf(mark: ItemMark, required = true): vscode.ThemeIcon {
  if (mark === 'missing' && !required) return new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('descriptionForeground'));
  const [id, color] = ICONS[mark];
  return new vscode.ThemeIcon(id, new vscode.ThemeColor(color));
}

export function stateLabel(mark: ItemMark): string {
  switch (mark) {
    case 'implemented':
      return t('implemented');
    case 'partial':
      return t('partial');
    case 'planned':
      return t('planned');
    case 'not-applicable':
      return t('not applicable');
    case 'missing':
      return t('missing');
    case 'stale':
      return t('review to check');
    case 'broken':
      return t('evidence broken');
  }
}

/** The worst state of the items a node gathers (required ones first: they decide the progress). */
export function worstMark(items: readonly CoverageItem[]): ItemMark {
  const counted = items.some((i) => i.requirement === 'required') ? items.filter((i) => i.requirement === 'required') : items;
  if (counted.length === 0) return 'not-applicable';
  const worst = counted.reduce((a, b) => (STATE_ORDER.indexOf(b.state) < STATE_ORDER.indexOf(a.state) ? b : a));
  if (worst.state !== 'missing' && counted.some((i) => i.evidence.state === 'broken')) return 'broken';
  if (worst.state !== 'missing' && counted.some(reviewToCheck)) return 'stale';
  return worst.state;
}

export function progress(summary: Summary): string {
  return summary.required > 0 ? `${summary.done}/${summary.required}` : '—';
}

export function title(item: { title: string; titleEn: string }): string {
  return uiLanguage() === 'ja' ? item.title : item.titleEn;
}

function matches(item: CoverageItem, filter: OverviewFilter): boolean {
  if (filter === 'missing') return item.state === 'missing';
  if (filter === 'stale') return reviewToCheck(item) || item.evidence.state === 'broken';
  return true;
}

export function recordLabel(uri: string): string {
  const parsed = vscode.Uri.parse(uri);
  return vscode.workspace.asRelativePath(parsed, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

export class OverviewTree implements vscode.TreeDataProvider<OverviewNode> {
  private readonly changed = new vscode.EventEmitter<OverviewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterValue: OverviewFilter = 'all';
  /** one node object per key, so that reveal() and the selection survive a refresh */
  private readonly nodes = new Map<string, OverviewNode>();

  constructor(private readonly model: CoverageModel) {}

  get filter(): OverviewFilter {
    return this.filterValue;
  }

  setFilter(filter: OverviewFilter): void {
    this.filterValue = filter;
    void vscode.commands.executeCommand('setContext', 'aiGovernance.overviewFilter', filter);
    this.refresh();
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  node<N extends OverviewNode>(node: N): N {
    const key = JSON.stringify(node);
    const known = this.nodes.get(key);
    if (known) return known as N;
    this.nodes.set(key, node);
    return node;
  }

  getChildren(node?: OverviewNode): OverviewNode[] {
    const records = this.model.all();
    if (!node) return records.length > 0 ? [this.node({ kind: 'workspace' })] : [];
    if (node.kind === 'workspace') return records.map((r) => this.node({ kind: 'record', uri: r.uri }));
    const record = this.model.get(node.uri);
    if (!record) return [];
    if (node.kind === 'record') {
      return record.principles.filter((g) => this.itemsOf(record, g).length > 0).map((g) => this.node({ kind: 'group', uri: record.uri, group: g.id }));
    }
    if (node.kind === 'group') {
      const group = record.principles.find((g) => g.id === node.group);
      return group ? this.itemsOf(record, group).map((i) => this.node({ kind: 'item', uri: record.uri, group: group.id, id: i.id })) : [];
    }
    return [];
  }

  getParent(node: OverviewNode): OverviewNode | undefined {
    switch (node.kind) {
      case 'workspace':
        return undefined;
      case 'record':
        return this.node({ kind: 'workspace' });
      case 'group':
        return this.node({ kind: 'record', uri: node.uri });
      case 'item':
        return this.node({ kind: 'group', uri: node.uri, group: node.group });
    }
  }

  /** The items of a group that the filter lets through. */
  itemsOf(record: CoverageRecord, group: CoverageGroup): CoverageItem[] {
    const byId = new Map(record.items.map((i) => [i.id, i]));
    return group.items.flatMap((id) => {
      const item = byId.get(id);
      return item && matches(item, this.filterValue) ? [item] : [];
    });
  }

  getTreeItem(node: OverviewNode): vscode.TreeItem {
    const records = this.model.all();
    if (node.kind === 'workspace') {
      const total = sum(records.map((r) => r.summary));
      const item = new vscode.TreeItem(vscode.workspace.name ?? t('Workspace'), vscode.TreeItemCollapsibleState.Expanded);
      item.id = 'workspace';
      item.iconPath = new vscode.ThemeIcon('root-folder');
      item.description = `${progress(total)} · ${t('{0} records', records.length)}`;
      item.tooltip = breakdown(total);
      item.contextValue = 'workspace';
      return item;
    }
    const record = this.model.get(node.uri);
    if (!record) return new vscode.TreeItem('?');
    if (node.kind === 'record') {
      // The file name first (it is what a person looks for), its folder after the progress.
      const path = recordLabel(record.uri);
      const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      const item = new vscode.TreeItem(path.slice(path.lastIndexOf('/') + 1), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `record:${record.uri}`;
      item.resourceUri = vscode.Uri.parse(record.uri);
      if (record.state === 'not-parsed') {
        item.collapsibleState = vscode.TreeItemCollapsibleState.None;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.description = [t('not read: {0}', record.reason?.message ?? record.reason?.code ?? '?'), folder].filter(Boolean).join(' · ');
        item.tooltip = record.reason?.message;
      } else {
        item.iconPath = iconOf(worstMark(record.items), record.summary.required > 0);
        item.description = [progress(record.summary), record.state === 'incomplete' ? t('incomplete (syntax errors)') : '', folder].filter(Boolean).join(' · ');
        item.tooltip = new vscode.MarkdownString(
          [`**${recordLabel(record.uri)}**`, breakdown(record.summary), record.reason ? `⚠ ${record.reason.message}` : ''].filter(Boolean).join('\n\n'),
        );
      }
      item.command = { command: 'aiGovernance.revealItem', title: t('Open'), arguments: [record.uri] };
      item.contextValue = 'record';
      return item;
    }
    if (node.kind === 'group') {
      const group = record.principles.find((g) => g.id === node.group);
      if (!group) return new vscode.TreeItem(node.group);
      const members = this.itemsOf(record, group);
      const collapsed = this.filterValue === 'all' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
      const item = new vscode.TreeItem(`${group.id.startsWith('C-') ? `${group.id.slice(2)}) ` : ''}${title(group)}`, collapsed);
      item.id = `group:${record.uri}#${group.id}`;
      const mark = worstMark(record.items.filter((i) => group.items.includes(i.id)));
      item.iconPath = iconOf(mark, group.summary.required > 0);
      item.description = group.summary.required > 0 ? `${progress(group.summary)}` : t('{0} items', members.length);
      item.tooltip = `${title(group)}\n${breakdown(group.summary)}\n${t('Worst: {0}', stateLabel(mark))}`;
      item.contextValue = 'group';
      return item;
    }
    const entry = record.items.find((i) => i.id === node.id);
    if (!entry) return new vscode.TreeItem(node.id);
    const mark = markOf(entry);
    const item = new vscode.TreeItem(entry.id, vscode.TreeItemCollapsibleState.None);
    item.id = `item:${record.uri}#${node.group}#${entry.id}`;
    item.description = title(entry);
    item.iconPath = iconOf(mark, entry.requirement === 'required');
    item.tooltip = itemTooltip(entry, mark);
    item.accessibilityInformation = { label: `${entry.id} ${title(entry)}: ${stateLabel(mark)}` };
    item.command = { command: 'aiGovernance.revealItem', title: t('Reveal in file'), arguments: [record.uri, entry.id] };
    item.contextValue = entry.state === 'missing' ? 'item.missing' : 'item';
    return item;
  }
}

function itemTooltip(item: CoverageItem, mark: ItemMark): vscode.MarkdownString {
  const lines = [`**${item.id}** ${title(item)} — ${stateLabel(mark)}`];
  const requirement = item.requirement === 'required' ? t('required') : item.requirement === 'expected' ? t('expected') : t('recommended');
  lines.push(t('{0} (the guideline says {1})', requirement, item.word));
  if (item.owner) lines.push(t('Owner: {0}', item.owner));
  if (item.evidence.paths.length > 0) lines.push(t('Evidence: {0}', item.evidence.paths.join(', ')));
  if (item.reviewed) lines.push(t('Reviewed: {0}', item.reviewed));
  if (item.missingSubItems?.length) lines.push(t('Sub-items missing: {0}', item.missingSubItems.join(', ')));
  for (const f of item.findings.slice(0, 5)) lines.push(`• ${f.message}`);
  const md = new vscode.MarkdownString(lines.join('\n\n'));
  md.supportThemeIcons = true;
  return md;
}

export function sum(summaries: readonly Summary[]): Summary {
  const total: Summary = { required: 0, implemented: 0, partial: 0, planned: 0, notApplicable: 0, missing: 0, done: 0 };
  for (const s of summaries) for (const key of Object.keys(total) as Array<keyof Summary>) total[key] += s[key];
  return total;
}

/** "実施済 18/31 · 進行中 9 · 未記載 4": what the status bar and the dashboard headline say. */
export function headline(summary: Summary): string {
  return t('Done {0}/{1} · in progress {2} · missing {3}', summary.done, summary.required, summary.partial + summary.planned, summary.missing);
}

export function breakdown(summary: Summary): string {
  return [
    t('Required items: {0}', summary.required),
    t('Done: {0} (implemented {1}, not applicable with a justification {2})', summary.done, summary.implemented, summary.done - summary.implemented),
    t('Partial: {0} · Planned: {1}', summary.partial, summary.planned),
    t('Not applicable: {0} · Missing: {1}', summary.notApplicable, summary.missing),
  ].join('\n');
}
