/**
 * A notification as the payload builders see it: a title, items grouped in sections, links.
 * Every text here is unescaped (a benchmark name may hold markup or a mention); each target's
 * builder escapes it for its own markup.
 */
import type { NotifyEvent, NotifyLevel } from '../config/index.js';

export type { NotifyEvent, NotifyLevel };

/** One line of a message: what happened, the event it belongs to and how serious it is. */
export interface Notice {
  event: NotifyEvent;
  level: NotifyLevel;
  /** The section it is listed under (e.g. "Regressions", "Biggest movers"). */
  section: string;
  text: string;
}

export interface Message {
  /** `event`: what one run found; `report`: the scheduled report of a period. */
  kind: 'event' | 'report';
  /** What the message is about, e.g. "octo-org/octo-repo main"; the title starts with it. */
  subject: string;
  title: string;
  /** The worst level among the notices. */
  level: NotifyLevel;
  /** A sentence under the title (the repository, branch and commit, the period). */
  context: string;
  notices: Notice[];
  /** The workflow run and the dashboard. */
  links: Array<{ title: string; url: string }>;
  /** What the generic webhook sends beside the text: the report object. */
  data?: unknown;
}

export const LEVEL_RANK: Record<NotifyLevel, number> = { critical: 0, warning: 1, info: 2 };

/** The worst of `levels` (info when there are none). */
export function worstLevel(levels: Iterable<NotifyLevel>): NotifyLevel {
  let worst: NotifyLevel = 'info';
  for (const l of levels) if (LEVEL_RANK[l] < LEVEL_RANK[worst]) worst = l;
  return worst;
}

const EVENT_WORDS: Record<NotifyEvent, [string, string]> = {
  regression: ['regression', 'regressions'],
  improvement: ['improvement', 'improvements'],
  'change-point': ['change point', 'change points'],
  alert: ['alert', 'alerts'],
  report: ['report item', 'report items'],
};

/** An event message's title: its subject and what its notices count, e.g. "main: 2 regressions, 1 change point". */
export function eventTitle(subject: string, notices: readonly Notice[]): string {
  const counts = new Map<NotifyEvent, number>();
  for (const n of notices) counts.set(n.event, (counts.get(n.event) ?? 0) + 1);
  const parts = [...counts].map(([e, k]) => `${k} ${EVENT_WORDS[e][k === 1 ? 0 : 1]}`);
  return `Performance, ${subject}: ${parts.join(', ') || 'nothing to report'}`;
}

/** The notices grouped by section, in first-seen order. */
export function sections(notices: readonly Notice[]): Array<{ title: string; notices: Notice[] }> {
  const by = new Map<string, Notice[]>();
  for (const n of notices) {
    if (!by.has(n.section)) by.set(n.section, []);
    by.get(n.section)!.push(n);
  }
  return [...by].map(([title, list]) => ({ title, notices: list }));
}

/** The sentence that says how much a message left out, pointing to the run. */
export function leftOut(count: number): string {
  return `…and ${count} more not shown here: see the run's summary.`;
}
