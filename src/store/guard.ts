/**
 * The last guard of every store's save: no pull-request-triggered run writes a baseline. The
 * flows refuse earlier with the same reason; this holds for any caller (CLI in a PR job, a
 * library user), because a PR's code measured under a PR's event is not the branch's baseline.
 */
import { StoreError } from '../model/errors.js';

/** Events whose runs measure a pull request's code: `pull_request*` and the merge queue's `merge_group`. */
export function isPullRequestEvent(eventName: string | undefined): boolean {
  return !!eventName && (eventName.startsWith('pull_request') || eventName === 'merge_group');
}

/** Throws StoreError when this process runs for a pull-request event (GITHUB_EVENT_NAME). */
export function refuseOnPullRequest(where: string): void {
  const event = process.env.GITHUB_EVENT_NAME;
  if (isPullRequestEvent(event))
    throw new StoreError(
      `Not saving a baseline to ${where}: this run was triggered by a ${event} event, and a pull request never writes the baseline ` +
        '(its code is not the branch’s). Baselines are recorded on push (or schedule, workflow_dispatch) to the branch.',
    );
}
