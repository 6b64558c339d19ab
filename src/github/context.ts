/** What the flows need from the runner's event, read once from the runner's environment. */
import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../model/errors.js';

export interface RunnerFacts {
  eventName: string;
  ref: string;
  sha: string;
  owner: string;
  repo: string;
  defaultBranch?: string;
  /** The PR number on pull_request events. */
  prNumber?: number;
  /** A PR's base branch and commit. */
  baseRef?: string;
  baseSha?: string;
  /** workflow_run: the triggering run's head commit and the PRs GitHub lists for it (empty for forks). */
  workflowRun?: { headSha: string; prNumbers: number[]; id: number };
  runUrl?: string;
  /** The workflow run and its attempt (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT): shard runs record them, the merge checks them. */
  runId?: string;
  runAttempt?: number;
  /** The repository's web address (`https://github.com/owner/repo`), for commit links. */
  repoUrl?: string;
}

/** The subset of @actions/github's Context that is read (kept structural so tests pass plain objects). */
export interface ContextLike {
  eventName: string;
  ref: string;
  sha: string;
  runId: number;
  runAttempt?: number;
  serverUrl: string;
  payload: Record<string, unknown>;
  repo: { owner: string; repo: string };
}

/** Extracts the facts from a context. Pure. */
export function runnerFacts(ctx: ContextLike): RunnerFacts {
  const p = ctx.payload as {
    repository?: { default_branch?: string };
    pull_request?: { number?: number; base?: { ref?: string; sha?: string } };
    workflow_run?: { id?: number; head_sha?: string; pull_requests?: Array<{ number?: number }> };
  };
  const wr = p.workflow_run;
  return {
    eventName: ctx.eventName,
    ref: ctx.ref,
    sha: ctx.sha,
    owner: ctx.repo.owner,
    repo: ctx.repo.repo,
    defaultBranch: p.repository?.default_branch,
    prNumber: p.pull_request?.number,
    baseRef: p.pull_request?.base?.ref,
    baseSha: p.pull_request?.base?.sha,
    workflowRun: wr?.head_sha
      ? {
          headSha: wr.head_sha,
          id: wr.id ?? 0,
          prNumbers: (wr.pull_requests ?? []).map((pr) => pr.number).filter((n): n is number => typeof n === 'number'),
        }
      : undefined,
    ...(ctx.runId && { runId: String(ctx.runId) }),
    ...(ctx.runAttempt && { runAttempt: ctx.runAttempt }),
    runUrl: ctx.runId ? `${ctx.serverUrl}/${ctx.repo.owner}/${ctx.repo.repo}/actions/runs/${ctx.runId}` : undefined,
    repoUrl: ctx.serverUrl ? `${ctx.serverUrl}/${ctx.repo.owner}/${ctx.repo.repo}` : undefined,
  };
}

/**
 * The context as @actions/github's `Context` reads it from the environment (same variables, same
 * defaults, the payload from GITHUB_EVENT_PATH), without the module that holds it: that module
 * also loads Octokit and undici, which only a run that calls GitHub needs (client.ts). Unlike it,
 * an unreadable payload is an InputError naming the file, not a crash at start-up.
 */
export function readContext(env: NodeJS.ProcessEnv = process.env): ContextLike {
  let payload: Record<string, unknown> = {};
  const file = env.GITHUB_EVENT_PATH;
  if (file && existsSync(file)) {
    try {
      payload = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new InputError(`GITHUB_EVENT_PATH ${file} is not the event's JSON payload: ${(e as Error).message}`, file);
    }
  } else if (file) process.stdout.write(`GITHUB_EVENT_PATH ${file} does not exist\n`);
  const runAttempt = parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10);
  // Unset variables stay undefined, as Context leaves them (a run file then has no commit, not "").
  return {
    eventName: env.GITHUB_EVENT_NAME as string,
    sha: env.GITHUB_SHA as string,
    ref: env.GITHUB_REF as string,
    runId: parseInt(env.GITHUB_RUN_ID ?? '', 10),
    ...(!Number.isNaN(runAttempt) && { runAttempt }),
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    payload,
    repo: repoOf(env.GITHUB_REPOSITORY, payload),
  };
}

/** owner/repo from GITHUB_REPOSITORY, else from the payload's repository, as Context.repo finds it. */
function repoOf(repository: string | undefined, payload: Record<string, unknown>): ContextLike['repo'] {
  if (repository) {
    const [owner, repo] = repository.split('/') as [string, string];
    return { owner, repo };
  }
  const r = payload.repository as { name?: string; owner?: { login?: string } } | undefined;
  if (r?.owner?.login && r.name) return { owner: r.owner.login, repo: r.name };
  throw new InputError(
    'GITHUB_REPOSITORY is not set: the action runs on a GitHub runner (or @github/local-action); use the track-performance CLI elsewhere.',
  );
}
