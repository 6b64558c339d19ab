/**
 * The one PR comment: found by its hidden marker through a paginated listing and matched on its
 * author, then updated in place, or created when there is none. Only GitHub I/O lives here;
 * what the body says is `render.ts`'s business.
 */
import type { getOctokit } from '@actions/github';
import { marker } from '../report/escape.js';
import { CommentPermissionError } from '../model/errors.js';

/** The client `@actions/github`'s `getOctokit(token, options)` returns. */
export type Octokit = ReturnType<typeof getOctokit>;

/** The login GitHub shows for comments made with a workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

export interface UpsertParams {
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  markerId: string;
  /**
   * The login our comments carry. Default: the token's own login when `GET /user` answers it
   * (a personal token), else `github-actions[bot]` (GITHUB_TOKEN cannot read `/user`).
   */
  authorLogin?: string;
  /** A shorter body to send once if GitHub rejects the first as too long (422). */
  shorterBody?: (tooLong: string) => string;
}

export interface UpsertResult {
  action: 'created' | 'updated';
  id: number;
  url: string;
}

/** The HTTP status of an Octokit error, if it has one. */
export function status(e: unknown): number | undefined {
  const s = (e as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}

/** Our login: `GET /user` for a personal token; a GITHUB_TOKEN gets 403 there and is the Actions bot. */
export async function whoAmI(octokit: Octokit): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (e) {
    if (status(e) === 403 || status(e) === 401 || status(e) === 404) return ACTIONS_BOT_LOGIN;
    throw e;
  }
}

/** Finds the first comment on the issue that carries the marker and was written by `login`. */
export async function findComment(
  octokit: Octokit,
  p: { owner: string; repo: string; issueNumber: number; markerId: string; login: string },
): Promise<{ id: number; url: string } | undefined> {
  const tag = marker(p.markerId);
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: p.owner,
    repo: p.repo,
    issue_number: p.issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    const hit = page.data.find((c) => c.user?.login === p.login && (c.body ?? '').includes(tag));
    if (hit) return { id: hit.id, url: hit.html_url }; // leaving the loop stops the paging
  }
  return undefined;
}

/**
 * Half the body, cut at a line end, open `<details>` closed, and a note; the marker (first
 * line) survives. Used once after a 422 when the caller gave no shorter rendering.
 */
export function truncateBody(body: string): string {
  const note = "\n\n<sub>The report was cut to fit GitHub's comment limit; the job summary has all of it.</sub>\n";
  let cut = body.slice(0, Math.floor(body.length / 2)).replace(/[^\n]*$/, '');
  const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  if (open > 0) cut += '\n</details>'.repeat(open);
  return cut + note;
}

async function write(octokit: Octokit, p: UpsertParams, existing: { id: number } | undefined, body: string): Promise<UpsertResult> {
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({ owner: p.owner, repo: p.repo, comment_id: existing.id, body });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({ owner: p.owner, repo: p.repo, issue_number: p.issueNumber, body });
  return { action: 'created', id: data.id, url: data.html_url };
}

/**
 * Creates or updates the one comment with `p.body` on the pull request (issue) `p.issueNumber`.
 * Exactly one comment per PR and marker id: someone else's comment with the same marker is
 * never touched. A 422 (body too long) is retried once with a shorter body. A 403 throws
 * {@link CommentPermissionError}; other API errors are thrown as Octokit gives them.
 */
export async function upsertComment(octokit: Octokit, p: UpsertParams): Promise<UpsertResult> {
  const body = p.body.includes(marker(p.markerId)) ? p.body : `${marker(p.markerId)}\n${p.body}`;
  try {
    const login = p.authorLogin ?? (await whoAmI(octokit));
    const existing = await findComment(octokit, { ...p, login });
    try {
      return await write(octokit, p, existing, body);
    } catch (e) {
      if (status(e) !== 422) throw e;
      const shorter = (p.shorterBody ?? truncateBody)(body);
      return await write(octokit, p, existing, shorter.includes(marker(p.markerId)) ? shorter : `${marker(p.markerId)}\n${shorter}`);
    }
  } catch (e) {
    if (status(e) === 403)
      throw new CommentPermissionError(
        `GitHub refused to write the comment on ${p.owner}/${p.repo}#${p.issueNumber} (403): the token cannot write ` +
          'to pull requests. A pull request from a fork gets a read-only token: post the comment from a ' +
          '`workflow_run` job instead (see the README), or give the job `pull-requests: write`.',
        e,
      );
    throw e;
  }
}

/**
 * The open pull request whose head is `sha` (for `workflow_run`, whose `pull_requests` is empty
 * for forks): first the commit's associated pulls, then the repository's open pulls by head sha.
 */
export async function findPullRequestForSha(
  octokit: Octokit,
  p: { owner: string; repo: string; sha: string },
): Promise<number | undefined> {
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: p.owner,
    repo: p.repo,
    commit_sha: p.sha,
  });
  const open = data.filter((pr) => pr.state === 'open');
  const exact = open.find((pr) => pr.head.sha === p.sha) ?? open[0];
  if (exact) return exact.number;
  const pages = octokit.paginate.iterator(octokit.rest.pulls.list, {
    owner: p.owner,
    repo: p.repo,
    state: 'open',
    per_page: 100,
  });
  for await (const page of pages) {
    const hit = page.data.find((pr) => pr.head.sha === p.sha);
    if (hit) return hit.number;
  }
  return undefined;
}
