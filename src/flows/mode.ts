import { ConfigError } from '../errors.js';

/**
 * Which flow a run takes. `pr`: benchmark, compare, comment, gate — never writes the baseline.
 * `baseline`: benchmark and record the run (push to the default branch, manual refresh).
 * `comment`: the trusted follow-up of a fork PR's run — posts a report made elsewhere, runs no PR code.
 * `ab`: base and head measured interleaved in this job.
 */
export type Mode = 'pr' | 'baseline' | 'comment' | 'ab';

export const MODES: readonly (Mode | 'auto')[] = ['auto', 'pr', 'baseline', 'comment', 'ab'];

export interface EventFacts {
  eventName: string;
  /** `refs/heads/main` etc. */
  ref: string;
  defaultBranch?: string;
}

/** The flow for an event when the `mode` input is `auto`. */
export function pickMode(requested: Mode | 'auto', event: EventFacts): Mode {
  if (requested !== 'auto') return requested;
  switch (event.eventName) {
    case 'pull_request_target':
      // That event runs with secrets and a write token: benchmarking the PR's code there would
      // hand both to untrusted code.
      throw new ConfigError(
        'track-performance does not benchmark under pull_request_target (it would run untrusted PR code with a write token). ' +
          'Run it on pull_request, and post the comment from a workflow_run job (see the README, "Fork pull requests").',
      );
    case 'pull_request':
    case 'merge_group':
      return 'pr';
    case 'workflow_run':
      return 'comment';
    case 'push':
    case 'schedule':
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
