/**
 * How long to wait after an edit before re-checking a document. A record whose check is quick is
 * checked as soon as the edits that have arrived are applied, so diagnostics follow the keystroke;
 * a record whose check is slow waits for a pause in typing about as long as one check takes, so
 * checks never queue up behind the user and hovers and completions stay responsive.
 */

/** A check at most this long runs at once after an edit. */
export const IMMEDIATE_CHECK_MS = 40;
/** The longest wait, whatever a check costs. */
export const MAX_DELAY_MS = 300;

/** @param lastCheckMs how long the document's last check took (undefined: never checked) */
export function checkDelay(lastCheckMs: number | undefined): number {
  if (lastCheckMs === undefined || lastCheckMs <= IMMEDIATE_CHECK_MS) return 0;
  return Math.min(MAX_DELAY_MS, lastCheckMs);
}
