/** A sparkline with a change point marked: `┊` before the bar of the first run after the change. */
import { sparkline } from '../model/format.js';

export const CHANGE_MARK = '┊';

/** The newest `maxPoints` of `values` as a sparkline, `┊` before position `at` when it is shown (not first). */
export function markedSparkline(values: number[], at: number | undefined, maxPoints = 20): string {
  const line = [...sparkline(values, maxPoints)];
  const pos = at === undefined ? -1 : at - Math.max(0, values.length - maxPoints);
  if (pos > 0 && pos < line.length) line.splice(pos, 0, CHANGE_MARK);
  return line.join('');
}
