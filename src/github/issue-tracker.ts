/** The issue calls the trend flow makes, bound to one repository; every body passes `redact` on its way out. */
import { closeMarkedIssue, findMarkedIssue, upsertMarkedIssue, type FoundIssue, type IssueResult } from './marked-issue.js';
import type { Octokit } from './upsert.js';
import type { Redact } from '../model/redact.js';

export interface IssueTracker {
  /** Our issue with the marker, open or closed. */
  find(markerId: string, label?: string): Promise<FoundIssue | undefined>;
  upsert(p: {
    markerId: string;
    label?: string;
    title: string;
    body: string;
    labels: string[];
    assignees?: string[];
  }): Promise<IssueResult>;
  close(p: { markerId: string; label?: string; body: string }): Promise<IssueResult | undefined>;
}

/** An issue tracker on `owner/repo` through the client `octokit` gives (created on the first call: see client.ts). */
export function octokitIssueTracker(octokit: () => Promise<Octokit>, owner: string, repo: string, redact: Redact): IssueTracker {
  const at = (markerId: string, label: string | undefined) => ({ owner, repo, markerId, ...(label ? { label } : {}) });
  return {
    find: async (markerId, label) => findMarkedIssue(await octokit(), at(markerId, label), 'all'),
    upsert: async (p) =>
      upsertMarkedIssue(await octokit(), {
        ...at(p.markerId, p.label),
        title: redact(p.title),
        body: redact(p.body),
        labels: p.labels,
        ...(p.assignees ? { assignees: p.assignees } : {}),
      }),
    close: async (p) => closeMarkedIssue(await octokit(), { ...at(p.markerId, p.label), body: redact(p.body), reason: 'completed' }),
  };
}
