/**
 * One GitHub issue per regression change point of the default branch (trend/issue-plan.ts),
 * found again by a hidden marker per (series, first commit after the change): opened when new,
 * updated in place when seen again, closed with a note when a later change reverses it. An issue
 * a maintainer closed is left closed. GitHub refusing issues (403/410) is one warning; the push
 * never fails because of an issue.
 */
import { nodeCrypto } from '../model/node-lazy.js';
import { IssueAccessError, type IssueTracker } from '../github/index.js';
import type { Logger } from '../model/logger.js';
import { changePointIssueBody, changePointIssueTitle, type IssueContext } from '../report/trend-issue.js';
import type { ChangePointIssue } from '../trend/issue-plan.js';

/** Labels of a change-point issue when the config names none; the first is also the search filter. */
export const DEFAULT_ISSUE_LABELS = ['performance'];
/** The alert level, as a label beside the configured ones. */
export const LEVEL_LABEL = 'critical';

/** The marker id of a change point: the series (hashed: names may be anything) and the commit. */
export function changePointMarker(i: Pick<ChangePointIssue, 'series'>, commit: string): string {
  const series = nodeCrypto()
    .createHash('sha256')
    .update(`${i.series.id}\0${i.series.metric ?? ''}`)
    .digest('hex')
    .slice(0, 12);
  return `trend-${series}-${commit}`;
}

export interface IssueSync {
  tracker: IssueTracker;
  context: IssueContext;
  labels?: string[];
  /** Logins a new issue is assigned to. */
  assignees?: string[];
}

/** Brings the issues in line with the plan; returns sentences for the job summary. */
export async function syncTrendIssues(plan: ChangePointIssue[], sync: IssueSync, log: Logger): Promise<string[]> {
  const labels = sync.labels?.length ? sync.labels : DEFAULT_ISSUE_LABELS;
  const label = labels[0];
  const notes: string[] = [];
  try {
    for (const item of plan) {
      const markers = item.commits.map((c) => changePointMarker(item, c));
      let markerId = markers[0]!;
      let found;
      for (const m of markers) {
        found = await sync.tracker.find(m, label);
        if (found) {
          markerId = m; // the change point moved by a run since: keep its issue
          break;
        }
      }
      // Closed: reversed earlier, or a maintainer's call. Either way not reopened nor duplicated.
      if (found?.state === 'closed') continue;
      const body = changePointIssueBody(item, sync.context);
      if (item.reversedBy) {
        if (!found) continue;
        const done = await sync.tracker.close({ markerId, label, body });
        if (done) notes.push(`Closed issue #${done.number}: the change it reported was reversed (${done.url}).`);
        continue;
      }
      const done = await sync.tracker.upsert({
        markerId,
        label,
        title: changePointIssueTitle(item),
        body,
        labels: [...labels, LEVEL_LABEL],
        ...(sync.assignees?.length ? { assignees: sync.assignees } : {}),
      });
      if (done.action !== 'unchanged') notes.push(`Issue #${done.number} ${done.action} for a change point (${done.url}).`);
      log.info(`Trend issue #${done.number} ${done.action}: ${done.url}`);
    }
  } catch (e) {
    const why = e instanceof IssueAccessError ? e.message : `GitHub answered ${(e as Error).message}`;
    log.warning(`Trend issues not updated: ${why} The alerts are in the job summary.`);
  }
  return notes;
}
