/**
 * evidence-changed-after-review: an evidence file tracked in git was last changed (its last
 * commit) after the item's `reviewed` date — the review did not see the current document. The
 * dates come in with the check (CheckInput.evidenceDates), read from `.git` off the typing path by
 * the front end; without them (no repository, setting off, not read yet) the rule says nothing.
 */
import { resolveEvidence } from '../evidence';
import { setField } from '../edits';
import { pairOf, stringsOf } from '../record';
import type { RuleModule } from './context';
import { dayNumber } from './reviewDates';

type Code = 'evidence-changed-after-review';

const HEAD = 'apiVersion: ai-governance/v1\nguideline: "2026"\nroles: [developer]\nitems:\n  D-7 ii:\n    status: implemented\n    owner: ML基盤チーム\n    evidence: [docs/development-record.md]\n';

export const evidenceHistoryRule: RuleModule<Code> = {
  name: 'evidence history',
  codes: {
    'evidence-changed-after-review': {
      severity: 'information',
      verdict: { ja: 'レビュー後に変更された資料', en: 'Evidence changed' },
      message: {
        ja: (p) => `レビュー後に変更された資料: ${p.path} は ${p.changed} に変更（最終コミット）されましたが、${p.id} の最終レビューは ${p.reviewed} です`,
        en: (p) => `Evidence changed: ${p.path} was last changed (committed) on ${p.changed}, after ${p.id} was reviewed on ${p.reviewed}`,
      },
      docs: {
        title: { ja: 'レビュー後に資料が変更された', en: 'Evidence changed after its review' },
        summary: { ja: 'evidence の最終コミットが reviewed より後', en: "an evidence file's last commit is after `reviewed`" },
        description: {
          ja: 'git で管理されている evidence のファイルが、項目の最終レビュー日より後のコミットで変更されています。日付はリポジトリの .git から拡張機能の内部で読み取ります（git コマンドは実行しません）。設定 aiGovernance.gitEvidenceDates（CLI の --no-git-dates）で無効にできます。',
          en: "An evidence file tracked in git was changed by a commit after the item's last review. The dates are read from the repository's .git inside the extension (the git program is never run); turn this off with the setting aiGovernance.gitEvidenceDates (CLI: --no-git-dates).",
        },
        fix: {
          ja: '変更後の資料で項目を見直し、クイックフィックス「reviewed を今日に設定」で更新してください。',
          en: 'Review the item against the changed document, then *Set reviewed to today*.',
        },
        example: {
          yaml: `${HEAD}    reviewed: 2026-04-01   # ← the document changed on 2026-09-15\n`,
          fixed: `${HEAD}    reviewed: 2026-10-01\n`,
          files: ['docs/development-record.md'],
          evidenceDates: { 'docs/development-record.md': '2026-09-15' },
        },
      },
      fix(_diagnostic, request) {
        const { record, entry, language, today } = request;
        if (!entry) return;
        request.offer({ id: 'set-reviewed-today', title: language === 'ja' ? `reviewed を今日（${today}）に設定` : `Set reviewed to today (${today})`, edits: [setField(record, entry, 'reviewed', today)], isPreferred: true });
      },
    },
  },
  check({ record, input, report }) {
    const dates = input.evidenceDates;
    if (!dates) return;
    for (const entry of record.items) {
      if (!entry.fields) continue;
      const reviewedNode = pairOf(entry.fields, 'reviewed')?.value;
      if (!reviewedNode || reviewedNode.type !== 'scalar' || reviewedNode.value === null) continue;
      const reviewed = String(reviewedNode.value);
      const reviewedDay = dayNumber(reviewed);
      if (reviewedDay === null) continue;
      const id = entry.resolution.status === 'unknown' ? entry.rawId : entry.resolution.id;
      for (const { value, node } of stringsOf(pairOf(entry.fields, 'evidence')?.value)) {
        const target = resolveEvidence(value, input.path, input.workspaceRoot);
        if (target.kind !== 'file') continue;
        const changed = dates[target.absolutePath];
        const changedDay = changed ? dayNumber(changed) : null;
        if (!changed || changedDay === null || changedDay <= reviewedDay) continue;
        report({ code: 'evidence-changed-after-review', start: node.start, end: node.end, params: { path: value, changed, id, reviewed }, data: { itemId: id, itemKey: entry.rawId, evidence: value, changedOn: changed } });
      }
    }
  },
};
