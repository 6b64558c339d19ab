import { ConfigError } from '../model/errors.js';
import { isPullRequestEvent } from '../store/index.js';

/**
 * Which flow a run takes. `pr`: benchmark, compare, comment, gate — never writes the baseline.
 * `baseline`: benchmark and record the run (push to the default branch, manual refresh).
 * `comment`: the trusted follow-up of a fork PR's run — posts a report made elsewhere, runs no PR code.
 * `ab`: base and head measured interleaved in this job.
 * `shard`: one matrix job's share of the suites, measured and written as a run file — no comment, no record.
 * `merge`: the shard jobs' run files put back together, then the `pr` or `baseline` flow the event calls for.
 * `report`: the scheduled report — reads the history, benchmarks nothing, writes no baseline.
 */
export type Mode = 'pr' | 'baseline' | 'comment' | 'ab' | 'shard' | 'merge' | 'report';

export const MODES: readonly (Mode | 'auto')[] = ['auto', 'pr', 'baseline', 'comment', 'ab', 'shard', 'merge', 'report'];

export interface EventFacts {
  eventName: string;
  /** `refs/heads/main` etc. */
  ref: string;
  defaultBranch?: string;
}

/**
 * The flow for an event: `requested` unless `auto`. Refused before anything runs, whatever
 * `mode` says: `pull_request_target` (it runs with secrets and a write token, so benchmarking
 * the PR's code there would hand both to untrusted code), and `baseline` on any PR-triggered
 * event (a PR's run never writes the baseline).
 */
export function pickMode(requested: Mode | 'auto', event: EventFacts): Mode {
  if (event.eventName === 'pull_request_target')
    throw new ConfigError(
      `track-performance does not run under pull_request_target, in any mode (it would run untrusted PR code with a write token${requested === 'auto' ? '' : `; mode '${requested}' does not change that`}). ` +
        'Run it on pull_request, and post the comment from a workflow_run job (see the README, "Fork pull requests").',
    );
  if (requested === 'baseline' && isPullRequestEvent(event.eventName))
    throw new ConfigError(
      `Input 'mode' is 'baseline', but this run was triggered by a ${event.eventName} event: a pull request never writes the baseline ` +
        "(its code is not the branch's yet). Record baselines on push to the default branch; use mode 'pr' or 'auto' here.",
      undefined,
      'mode',
    );
  if (requested !== 'auto') return requested;
  switch (event.eventName) {
    case 'pull_request':
    case 'merge_group':
      return 'pr';
    case 'workflow_run':
      return 'comment';
    case 'schedule':
      // A cron run reports on the history (docs/notifications.md); nightly baselines set mode: baseline.
      return 'report';
    case 'push':
    case 'workflow_dispatch':
      // Only the default branch records baselines; a push elsewhere is compared like a PR.
      return !event.defaultBranch || branchOf(event.ref) === event.defaultBranch ? 'baseline' : 'pr';
    default:
      return 'pr';
  }
}

/** `refs/heads/feature/x` → `feature/x`; other refs are returned as they are. */
export function branchOf(ref: string): string {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
}
