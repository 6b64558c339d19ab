import { renderMarkdown } from '../report/index.js';
import type { Logger } from '../model/logger.js';
import { findPullRequestForSha, upsertComment } from './upsert.js';
import { upsertMarkedIssue, type IssueResult } from './marked-issue.js';
import type { Redact } from '../model/redact.js';
import type { Report } from '../model/index.js';
import type { RunnerFacts } from './context.js';

type Octokit = Parameters<typeof upsertComment>[0];

/** The GitHub calls the action makes, bound to one repository. */
export interface Publisher {
  upsert(prNumber: number, body: string, markerId: string): Promise<{ action: string; url: string }>;
  findPullRequest(sha: string): Promise<number | undefined>;
  /** Creates or updates our one issue with the marker (the scheduled report's). */
  upsertIssue?(issue: { markerId: string; title: string; body: string; labels?: string[] }): Promise<IssueResult>;
}

/**
 * A publisher through the client `octokit` gives (created on the first call: see client.ts);
 * every body passes `redact` on its way out (GitHub does not mask comments).
 */
export function octokitPublisher(octokit: () => Promise<Octokit>, owner: string, repo: string, redact: Redact): Publisher {
  return {
    upsert: async (issueNumber, body, markerId) =>
      upsertComment(await octokit(), { owner, repo, issueNumber, body: redact(body), markerId }),
    findPullRequest: async (sha) => findPullRequestForSha(await octokit(), { owner, repo, sha }),
    upsertIssue: async (i) => upsertMarkedIssue(await octokit(), { owner, repo, ...i, title: redact(i.title), body: redact(i.body) }),
  };
}

/**
 * Posts or updates the one PR comment. A refused post (403: the read-only token of a fork PR)
 * is a warning: the verdict and the job summary do not depend on it.
 */
export async function publishComment(
  publisher: Publisher,
  facts: RunnerFacts & { prNumber: number },
  report: Report,
  notes: string[],
  inputs: { commentId: string; dashboardUrl?: string },
  log: Logger,
): Promise<void> {
  const body = renderMarkdown(report, { markerId: inputs.commentId, runUrl: facts.runUrl, dashboardUrl: inputs.dashboardUrl, notes });
  try {
    const done = await publisher.upsert(facts.prNumber, body, inputs.commentId);
    log.info(`PR comment ${done.action}: ${done.url}`);
  } catch (e) {
    const status = (e as { status?: number }).status;
    const why =
      status === 403
        ? 'the token may not write to pull requests (a fork PR gets a read-only token: post from a workflow_run job, see the README)'
        : (e as Error).message;
    log.warning(`Could not post the PR comment (${status ?? 'error'}): ${why}. The report is in the job summary.`);
  }
}
