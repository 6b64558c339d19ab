/**
 * GitHub issues the action owns, found by a hidden marker as the PR comment is (upsert.ts): one
 * issue per change point, one per report period. Found among the repository's issues (optionally
 * only those with a label) written by our login; created, updated in place, or closed. Only
 * GitHub I/O lives here; what the issue says is the caller's business.
 */
import { marker } from '../report/escape.js';
import { IssueAccessError } from '../model/errors.js';
import { status, truncateBody, whoAmI, type Octokit } from './upsert.js';

export interface IssueTarget {
  owner: string;
  repo: string;
  /** The marker id: the issue body carries `<!-- track-performance:ID -->`. */
  markerId: string;
  /** Only issues with this label are searched (fewer pages on a busy repository); new issues get it. */
  label?: string;
  /** Our login; default: the token's own (see upsert.ts). */
  authorLogin?: string;
}

export interface FoundIssue {
  number: number;
  url: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
}

export interface IssueResult {
  action: 'created' | 'updated' | 'unchanged' | 'closed';
  number: number;
  url: string;
}

function refused(e: unknown, t: IssueTarget): never {
  const s = status(e);
  if (s === 403)
    throw new IssueAccessError(
      `GitHub refused to write issues on ${t.owner}/${t.repo} (403): give the job \`issues: write\` permission.`,
      403,
      e,
    );
  if (s === 410)
    throw new IssueAccessError(`Issues are disabled on ${t.owner}/${t.repo} (410): enable them, or turn issue alerts off.`, 410, e);
  throw e;
}

async function find(octokit: Octokit, t: IssueTarget, state: 'open' | 'all'): Promise<FoundIssue | undefined> {
  const tag = marker(t.markerId);
  const login = t.authorLogin ?? (await whoAmI(octokit));
  const pages = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    owner: t.owner,
    repo: t.repo,
    state,
    per_page: 100,
    ...(t.label ? { labels: t.label } : {}),
  });
  for await (const page of pages) {
    // The listing holds pull requests too; ours are issues.
    const hit = page.data.find((i) => !i.pull_request && i.user?.login === login && (i.body ?? '').includes(tag));
    if (hit)
      return { number: hit.number, url: hit.html_url, title: hit.title, body: hit.body ?? '', state: hit.state as 'open' | 'closed' };
  }
  return undefined;
}

/** Our open issue with the marker, if there is one (`state: 'all'` also finds closed ones, newest first). */
export async function findMarkedIssue(octokit: Octokit, t: IssueTarget, state: 'open' | 'all' = 'open'): Promise<FoundIssue | undefined> {
  try {
    return await find(octokit, t, state);
  } catch (e) {
    return refused(e, t);
  }
}

function withMarker(body: string, id: string): string {
  return body.includes(marker(id)) ? body : `${marker(id)}\n${body}`;
}

/**
 * Creates our open issue with the marker, or updates it in place when its title or body changed
 * (`unchanged` otherwise: a rerun makes no noise). A body over GitHub's limit (422) is cut once.
 */
export async function upsertMarkedIssue(
  octokit: Octokit,
  t: IssueTarget & { title: string; body: string; labels?: string[]; assignees?: string[] },
): Promise<IssueResult> {
  const body = withMarker(t.body, t.markerId);
  const labels = [...new Set([...(t.label ? [t.label] : []), ...(t.labels ?? [])])];
  try {
    const existing = await find(octokit, t, 'open');
    if (existing && existing.title === t.title && existing.body === body)
      return { action: 'unchanged', number: existing.number, url: existing.url };
    const send = async (text: string): Promise<IssueResult> => {
      if (existing) {
        const { data } = await octokit.rest.issues.update({
          owner: t.owner,
          repo: t.repo,
          issue_number: existing.number,
          title: t.title,
          body: text,
        });
        return { action: 'updated', number: data.number, url: data.html_url };
      }
      // Assignees only on creation: who works on it later is the maintainers' call.
      const assignees = t.assignees?.length ? { assignees: t.assignees } : {};
      const { data } = await octokit.rest.issues.create({ owner: t.owner, repo: t.repo, title: t.title, body: text, labels, ...assignees });
      return { action: 'created', number: data.number, url: data.html_url };
    };
    try {
      return await send(body);
    } catch (e) {
      if (status(e) !== 422) throw e;
      return await send(withMarker(truncateBody(body), t.markerId));
    }
  } catch (e) {
    return refused(e, t);
  }
}

/**
 * Closes our open issue with the marker, after replacing its body with `body` when given (the
 * reason, e.g. "the change was reversed at abc1234"). Undefined when there is none open.
 */
export async function closeMarkedIssue(
  octokit: Octokit,
  t: IssueTarget & { body?: string; reason?: 'completed' | 'not_planned' },
): Promise<IssueResult | undefined> {
  try {
    const existing = await find(octokit, t, 'open');
    if (!existing) return undefined;
    const { data } = await octokit.rest.issues.update({
      owner: t.owner,
      repo: t.repo,
      issue_number: existing.number,
      state: 'closed',
      state_reason: t.reason ?? 'completed',
      ...(t.body !== undefined ? { body: withMarker(t.body, t.markerId) } : {}),
    });
    return { action: 'closed', number: data.number, url: data.html_url };
  } catch (e) {
    return refused(e, t);
  }
}
