/** invalid-review-date, future-review-date, stale-review. */
import { setField } from '../edits';
import { pairOf } from '../record';
import type { EngineDiagnostic } from '../types';
import type { FixRequest, RuleModule } from './context';

type Code = 'invalid-review-date' | 'future-review-date' | 'stale-review';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a valid calendar date, or null. */
export function dayNumber(value: string): number | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const time = Date.UTC(y, mo - 1, d);
  const date = new Date(time);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return Math.round(time / 86_400_000);
}

/** Every review-date finding is fixed the same way: the item was reviewed today. */
function setReviewedToday(_diagnostic: EngineDiagnostic, request: FixRequest): void {
  const { record, entry, language, today } = request;
  if (!entry) return;
  request.offer({ id: 'set-reviewed-today', title: language === 'ja' ? `reviewed を今日（${today}）に設定` : `Set reviewed to today (${today})`, edits: [setField(record, entry, 'reviewed', today)], isPreferred: true });
}

const HEAD = 'apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n  D-2 i:\n    status: planned\n';

export const reviewDatesRule: RuleModule<Code> = {
  name: 'review dates',
  codes: {
    'invalid-review-date': {
      severity: 'error',
      verdict: { ja: '日付ではありません', en: 'Not a date' },
      message: { ja: (p) => `日付ではありません: reviewed「${p.value}」（YYYY-MM-DD で記入）`, en: (p) => `Not a date: reviewed "${p.value}" (write YYYY-MM-DD)` },
      docs: {
        title: { ja: 'レビュー日が日付でない', en: 'Invalid review date' },
        summary: { ja: 'reviewed が日付でない', en: '`reviewed` is not a date' },
        description: { ja: 'reviewed が YYYY-MM-DD 形式の実在する日付ではありません。', en: 'reviewed is not a real date in YYYY-MM-DD form.' },
        fix: { ja: 'YYYY-MM-DD 形式で記入するか、クイックフィックス「reviewed を今日に設定」を使ってください。', en: 'Write the date as YYYY-MM-DD, or *Set reviewed to today*.' },
        example: { yaml: `${HEAD}    reviewed: 2026-02-30   # ← not a date\n`, fixed: `${HEAD}    reviewed: 2026-02-28\n` },
      },
      fix: setReviewedToday,
    },
    'future-review-date': {
      severity: 'warning',
      verdict: { ja: '未来の日付です', en: 'Date in the future' },
      message: { ja: (p) => `未来の日付です: reviewed ${p.value}`, en: (p) => `Date in the future: reviewed ${p.value}` },
      docs: {
        title: { ja: '未来のレビュー日', en: 'Review date in the future' },
        summary: { ja: 'reviewed が未来の日付', en: '`reviewed` is in the future' },
        description: { ja: 'reviewed が今日より後の日付です。', en: 'reviewed is later than today.' },
        fix: { ja: '実際にレビューした日付に直すか、「reviewed を今日に設定」を使ってください。', en: 'Use the date the review actually took place, or *Set reviewed to today*.' },
        example: { yaml: `${HEAD}    reviewed: 2099-01-01   # ← in the future\n`, fixed: `${HEAD}    reviewed: 2026-02-28\n` },
      },
      fix: setReviewedToday,
    },
    'stale-review': {
      severity: 'information',
      verdict: { ja: 'レビューが古くなっています', en: 'Stale review' },
      message: {
        ja: (p) => `レビューが古くなっています: ${p.id} の最終レビュー（${p.value}）から ${p.days} 日（上限 ${p.max} 日）`,
        en: (p) => `Stale review: ${p.id} was last reviewed ${p.days} days ago (${p.value}; limit ${p.max} days)`,
      },
      docs: {
        title: { ja: 'レビューが古い', en: 'Stale review' },
        summary: { ja: 'reviewed が aiGovernance.reviewMaxAgeDays より古い', en: '`reviewed` older than `aiGovernance.reviewMaxAgeDays`' },
        description: {
          ja: '最終レビューから上限日数（設定 aiGovernance.reviewMaxAgeDays、CLI の --review-max-age-days、既定 365 日）が過ぎています。',
          en: 'The last review is older than the limit (setting aiGovernance.reviewMaxAgeDays, CLI --review-max-age-days, 365 days by default).',
        },
        fix: { ja: '項目を見直し、「reviewed を今日に設定」で更新してください。', en: 'Review the item again, then *Set reviewed to today*.' },
        example: { yaml: `${HEAD}    reviewed: 2020-04-01   # ← more than reviewMaxAgeDays ago\n`, fixed: `${HEAD}    reviewed: 2026-02-28\n` },
      },
      fix: setReviewedToday,
    },
  },
  check({ record, settings, today, report }) {
    const todayNumber = dayNumber(today);
    for (const entry of record.items) {
      if (!entry.fields) continue;
      const node = pairOf(entry.fields, 'reviewed')?.value;
      if (!node || node.type !== 'scalar' || node.value === null || node.value === '') continue;
      const value = String(node.value);
      const id = entry.resolution.status === 'unknown' ? entry.rawId : entry.resolution.id;
      const day = dayNumber(value);
      const data = { itemId: id, itemKey: entry.rawId };
      if (day === null) {
        report({ code: 'invalid-review-date', start: node.start, end: node.end, params: { value }, data });
      } else if (todayNumber !== null && day > todayNumber) {
        report({ code: 'future-review-date', start: node.start, end: node.end, params: { value }, data });
      } else if (todayNumber !== null && todayNumber - day > settings.reviewMaxAgeDays) {
        report({ code: 'stale-review', start: node.start, end: node.end, params: { id, value, days: todayNumber - day, max: settings.reviewMaxAgeDays }, data });
      }
    }
  },
};
