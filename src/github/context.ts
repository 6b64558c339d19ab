/** What the flows need from the runner's event, read once from @actions/github's context. */
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
