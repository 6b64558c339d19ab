/** Fitting a message's lines into a target's limits, counting what was left out. */

/** Code points, the unit Slack and Discord count their limits in. */
export const chars = (s: string): number => [...s].length;

/**
 * Takes lines in order while `fits(taken)` holds for the lines so far; stops at the first that
 * does not (later lines are left out too, so the message keeps the order of importance).
 */
export function takeWhileFits<T>(items: readonly T[], fits: (taken: T[]) => boolean): { taken: T[]; left: number } {
  const taken: T[] = [];
  for (const item of items) {
    taken.push(item);
    if (!fits(taken)) {
      taken.pop();
      break;
    }
  }
  return { taken, left: items.length - taken.length };
}
