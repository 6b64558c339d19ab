/** Which channel receives what: its `on` events at or above its `level`, and PR runs only with `pr`. Pure. */
import type { NotifyChannel, NotifyEvent, NotifyLevel } from '../config/index.js';
import { eventTitle, LEVEL_RANK, worstLevel, type Message } from './types.js';

export const DEFAULT_ON: readonly NotifyEvent[] = ['regression', 'change-point', 'alert', 'report'];
export const DEFAULT_LEVEL: NotifyLevel = 'info';

/** The channel's name in logs and in `notify-urls`. */
export const channelName = (c: NotifyChannel): string => c.name ?? c.type;

/**
 * What of `m` the channel takes: the whole report when it listens to `report`; of an event
 * message, the notices it listens to at its level or worse (none: undefined, nothing is sent).
 */
export function messageFor(c: NotifyChannel, m: Message, fromPullRequest: boolean): Message | undefined {
  const on = c.on ?? DEFAULT_ON;
  if (m.kind === 'report') return on.includes('report') ? m : undefined;
  if (fromPullRequest && !c.pr) return undefined;
  const floor = LEVEL_RANK[c.level ?? DEFAULT_LEVEL];
  const notices = m.notices.filter((n) => on.includes(n.event) && LEVEL_RANK[n.level] <= floor);
  if (!notices.length) return undefined;
  return { ...m, notices, level: worstLevel(notices.map((n) => n.level)), title: eventTitle(m.subject, notices) };
}
