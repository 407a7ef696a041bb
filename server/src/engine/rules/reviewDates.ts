/** invalid-review-date, future-review-date, stale-review. */
import { pairOf } from '../record';
import type { Rule } from './context';

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

export const reviewDatesRule: Rule = ({ record, settings, today, report }) => {
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
};
