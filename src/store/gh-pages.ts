/**
 * History on a branch of the user's own repository (gh-pages by default), through the git CLI.
 * All work happens in a temporary bare repository: the user's checkout is only asked for its
 * `origin` URL. Each save is one commit adding the run to `<dataDir>/<branch>.json`; a push
 * rejected because another job pushed first is redone on top of the fresh tip, so no run is lost.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { StoreError } from '../model/errors.js';
import type { RunFile } from '../model/index.js';
import { gitIn, type Git } from './git.js';
import { historyFileName } from './layout.js';
import { isHistoryFileName, parseHistories } from './histories.js';
import type { HistoryDoc } from './history.js';
import { HistoryText } from './record.js';
import { refuseOnPullRequest } from './guard.js';
import { backoffMs, classifyPush, DEFAULT_BACKOFF, remoteReason } from './push-retry.js';
import { makeTempDir, removeTempDir } from './temp-dirs.js';
import { stderrWarn, type GhPagesOptions, type Store } from './types.js';

/** A store on branch `branch` (default gh-pages) of the `origin` of the checkout at `repoDir`. */
export function ghPagesStore(o: GhPagesOptions): Store {
  const pagesBranch = o.branch ?? 'gh-pages';
  const dataDir = checkDataDir(o.dataDir ?? 'benchmarks');
  const siteDir = o.site ? checkSiteDir(o.site.dir, dataDir) : undefined;
  const maxRetries = o.maxRetries ?? 100;
  const backoff = { ...DEFAULT_BACKOFF, ...(o.retryBudgetMs === undefined ? {} : { budgetMs: o.retryBudgetMs }) };
  const pathOf = (branch: string) => (dataDir ? `${dataDir}/${historyFileName(branch)}` : historyFileName(branch));
  const label = (path: string) => `${path} on branch ${pagesBranch}`;
  const warn = o.warn ?? stderrWarn;
  const history = new HistoryText((m) => void warn(m));

  return {
    describe: () => `gh-pages branch ${pagesBranch}, dir ${dataDir || '.'}/`,
    load: (branch, limit) =>
      inTempRepo(o, async (git, url) => {
        const tip = await fetchTip(git, url, pagesBranch);
        const text = tip && (await readAt(git, tip, pathOf(branch)));
        return text === undefined ? undefined : history.newestRuns(text, label(pathOf(branch)), limit);
      }),
    async save(run: RunFile, branch: string) {
      refuseOnPullRequest(`gh-pages branch ${pagesBranch}`);
      return inTempRepo(o, async (git, url) => {
        const path = pathOf(branch);
        const started = Date.now();
        for (let attempt = 0; ; attempt++) {
          const tip = await fetchTip(git, url, pagesBranch);
          const text = tip && (await readAt(git, tip, path));
          // Throws on a damaged file before anything is committed: the file stays as it is.
          const { doc, text: next } = history.appendRun(text, label(path), run, branch, o.retention);
          const message = `track-performance: record ${branch} at ${run.commit?.slice(0, 12) ?? run.timestamp}`;
          // The site is rebuilt from this tip's histories on every attempt, so a lost race never publishes stale data.
          const site =
            o.site && siteDir ? { dir: siteDir, files: await o.site.build(await allHistories(git, tip, dataDir, path, doc)) } : undefined;
          const commit = await commitFile(git, tip, path, next, message, site);
          const push = await git.run(['push', '--quiet', '--no-verify', url, `${commit}:refs/heads/${pagesBranch}`]);
          if (push.code === 0) return doc;
          const failure = classifyPush(push.stderr);
          if (failure === 'permanent')
            throw new StoreError(
              `The remote refused the push to branch ${pagesBranch} (branch protection, a server hook or missing permissions: not retried); the run was not recorded. ` +
                `Allow the workflow's token to push to ${pagesBranch}, or choose another gh-pages-branch. The remote said:\n${remoteReason(push.stderr)}`,
            );
          if (failure === 'other') throw new StoreError(`Pushing to branch ${pagesBranch} failed: ${push.stderr.trim()}`);
          const elapsed = Date.now() - started;
          if (attempt >= maxRetries || elapsed >= backoff.budgetMs)
            throw new StoreError(
              `Pushing to branch ${pagesBranch} was rejected ${attempt + 1} times in ${Math.round(elapsed / 1000)} s (other jobs kept pushing first); the run was not recorded. Re-run the job, or run fewer writers at once.`,
            );
          await sleep(Math.min(backoffMs(attempt, backoff), backoff.budgetMs - elapsed));
        }
      });
    },
  };
}

/** Runs `fn` with git in a fresh temporary bare repository, removed afterwards (see temp-dirs.ts). */
async function inTempRepo<T>(o: GhPagesOptions, fn: (git: Git, url: string) => Promise<T>): Promise<T> {
  const url = await originUrl(o.repoDir);
  const dir = await makeTempDir();
  try {
    const git = gitIn(dir, o.token);
    await git.ok(['init', '--quiet', '--bare'], 'Creating a temporary repository');
    return await fn(git, url);
  } finally {
    await removeTempDir(dir);
  }
}

/** The checkout's `origin` URL; a relative path is taken from the checkout. */
async function originUrl(repoDir: string): Promise<string> {
  const url = await gitIn(repoDir).ok(['remote', 'get-url', 'origin'], `Reading the origin remote of ${repoDir}`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[^/\\]+@[^:]+:/.test(url) || isAbsolute(url)) return url;
  return resolve(repoDir, url);
}

/** Fetches the tip of `branch`; undefined when the branch does not exist yet. */
async function fetchTip(git: Git, url: string, branch: string): Promise<string | undefined> {
  const ref = `refs/remotes/origin/${branch}`;
  const r = await git.run(['fetch', '--quiet', '--no-tags', '--depth=1', url, `+refs/heads/${branch}:${ref}`]);
  if (r.code !== 0) {
    if (/couldn't find remote ref/i.test(r.stderr)) return undefined;
    throw new StoreError(`Fetching branch ${branch} failed: ${r.stderr.trim()}`);
  }
  return git.ok(['rev-parse', '--verify', ref], `Reading branch ${branch}`);
}

/** The text of `path` at `commit`; undefined when the file does not exist there. */
async function readAt(git: Git, commit: string, path: string): Promise<string | undefined> {
  const r = await git.run(['cat-file', 'blob', `${commit}:${path}`]);
  if (r.code === 0) return r.stdout;
  if (/does not exist|not a valid object name/i.test(r.stderr)) return undefined;
  throw new StoreError(`Reading ${path} on ${commit} failed: ${r.stderr.trim()}`);
}

/**
 * One commit on top of `parent` (an orphan when absent) that sets `path` to `text`, and, with
 * `site`, replaces the folder `site.dir` by `site.files` (staged from a temporary work tree).
 */
async function commitFile(
  git: Git,
  parent: string | undefined,
  path: string,
  text: string,
  message: string,
  site?: { dir: string; files: Map<string, string> },
): Promise<string> {
  const env = { GIT_INDEX_FILE: `index-${process.pid}-${Date.now()}` };
  const blob = await git.ok(['hash-object', '-w', '--stdin'], 'Writing the history file', { input: text });
  await git.ok(parent ? ['read-tree', parent] : ['read-tree', '--empty'], 'Reading the branch tree', { env });
  await git.ok(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], 'Staging the history file', { env });
  if (site) await stageSite(git, site.dir, site.files, env);
  const tree = await git.ok(['write-tree'], 'Writing the tree', { env });
  const args = ['commit-tree', tree, '-m', message, ...(parent ? ['-p', parent] : [])];
  return git.ok(args, 'Committing the history file', { env });
}

/** Every branch's history at `tip` under `dataDir`, with `saved` (the one being saved, not parsed again from its text) for the file at `path`. */
async function allHistories(git: Git, tip: string | undefined, dataDir: string, path: string, saved: HistoryDoc): Promise<HistoryDoc[]> {
  const files: Array<{ path: string; text: string }> = [];
  if (tip) {
    const listed = await git.ok(['ls-tree', '--name-only', tip, dataDir ? `${dataDir}/` : '.'], 'Listing the history files');
    for (const p of listed.split('\n').filter(Boolean)) {
      if (p === path || !isHistoryFileName(p.slice(p.lastIndexOf('/') + 1))) continue;
      const t = await readAt(git, tip, p);
      if (t !== undefined) files.push({ path: p, text: t });
    }
  }
  return [saved, ...parseHistories(files)];
}

/** Replaces the folder `dir` of the index by `files`, written into a temporary work tree and added in one git call. */
async function stageSite(git: Git, dir: string, files: Map<string, string>, env: Record<string, string>): Promise<void> {
  const work = await makeTempDir();
  try {
    for (const [p, t] of files) {
      const file = join(work, dir, p);
      if (!file.startsWith(join(work, dir) + sep)) throw new StoreError(`Site file ${p} would leave the folder ${dir}.`);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, t);
    }
    // With a work tree git may change directory: the index is named by its absolute path.
    const gitDir = await git.ok(['rev-parse', '--absolute-git-dir'], 'Locating the temporary repository');
    const index = { GIT_INDEX_FILE: resolve(gitDir, env.GIT_INDEX_FILE!) };
    const tree = ['--git-dir', gitDir, '--work-tree', work];
    await git.ok([...tree, 'rm', '-r', '--cached', '--quiet', '--ignore-unmatch', '--', dir], 'Removing the old site', { env: index });
    await git.ok([...tree, 'add', '--force', '--', dir], 'Staging the site', { env: index });
  } finally {
    await removeTempDir(work);
  }
}

/** The site's folder: a folder of its own, never holding or inside the histories' folder (replacing it must not touch them). */
function checkSiteDir(dir: string, dataDir: string): string {
  const clean = checkDataDir(dir);
  const inside = (a: string, b: string) => a === b || b === '' || a.startsWith(`${b}/`);
  if (clean === '' || inside(clean, dataDir) || inside(dataDir, clean))
    throw new StoreError(
      `The dashboard folder "${dir}" must be a folder of its own on the branch, apart from the history folder "${dataDir || '.'}" (such as "dashboard").`,
    );
  return clean;
}

/** `dir` without leading or trailing slashes; a path that would leave the branch's tree is refused. */
function checkDataDir(dir: string): string {
  const clean = dir.replace(/^\/+|\/+$/g, '');
  if (clean.split('/').some((seg) => seg === '..' || seg === '.' || (clean !== '' && seg === '') || seg === '.git'))
    throw new StoreError(
      `The gh-pages data directory "${dir}" must be a relative path inside the branch, such as "benchmarks" or "data/perf".`,
    );
  return clean;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
