/**
 * A loopback GitHub REST server for tests: the few endpoints the action calls (issue comments,
 * the token's user, pull requests by commit), with state across requests, GitHub's pagination
 * (`Link` headers), and GitHub's answers for a read-only token (403) and a body over 65,536
 * characters (422). Every request is validated against GitHub's published OpenAPI description
 * (`github-openapi.json`, extracted from `@octokit/openapi` by `extract-github-openapi.ts`); a
 * request that does not conform is answered 400 and kept in `invalid` for the test to assert on.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { OpenAPIBackend, type Context, type Document } from 'openapi-backend';

export interface GitHubUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** What a token is: whose identity it carries, and what GitHub lets it do. */
export interface TokenInfo {
  user: GitHubUser;
  /** Comment writes answer 403 (a fork PR's GITHUB_TOKEN). */
  readOnly?: boolean;
  /** `GET /user` answers 403 for installation tokens such as GITHUB_TOKEN. */
  installation?: boolean;
  /** Without `actions: read`, listing the Actions caches answers 403. */
  noActionsRead?: boolean;
  /** Writes answer 400 with an error body echoing the request's Authorization header (as some proxies do). */
  echoesAuthorization?: boolean;
}

export const ACTIONS_BOT: GitHubUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const OCTOCAT: GitHubUser = { login: 'octocat', id: 583231, type: 'User' };

/** Tokens the server knows by default. */
export const TOKENS = {
  /** A workflow's GITHUB_TOKEN with `pull-requests: write`. */
  actions: 'ghs_loopbackActionsToken',
  /** A fork pull request's read-only GITHUB_TOKEN. */
  readOnly: 'ghs_loopbackReadOnlyToken',
  /** A personal access token of `octocat`. */
  octocat: 'ghp_loopbackOctocatToken',
  /** A GITHUB_TOKEN whose job's `permissions:` leave out `actions: read`. */
  noActionsRead: 'ghs_loopbackNoActionsReadToken',
} as const;

/** An Actions cache entry as the REST API lists it (the fake cache service's entries, shared). */
export interface ListedCache {
  id: number;
  key: string;
  version: string;
  ref: string;
  created_at: string;
  size_in_bytes: number;
}

export interface StoredComment {
  id: number;
  body: string;
  user: GitHubUser;
  created_at: string;
  updated_at: string;
}

export interface StoredPull {
  number: number;
  headSha: string;
  state?: 'open' | 'closed';
  /** Fork PRs: GitHub's commit → pulls listing does not return them (the action must fall back). */
  fork?: boolean;
}

export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason?: 'completed' | 'not_planned' | 'reopened' | null;
  labels: string[];
  /** Logins it was assigned to when it was created. */
  assignees?: string[];
  user: GitHubUser;
  created_at: string;
  updated_at: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  operationId?: string;
  status: number;
}

export interface GitHubServer {
  /** Base URL for `getOctokit(token, { baseUrl })` or `GITHUB_API_URL`. */
  url: string;
  requests: RecordedRequest[];
  /** Requests that did not conform to GitHub's OpenAPI description. */
  invalid: Array<{ method: string; path: string; errors: unknown }>;
  comments(owner: string, repo: string, issue: number): StoredComment[];
  addComment(owner: string, repo: string, issue: number, c: { body: string; user: GitHubUser }): StoredComment;
  addPull(owner: string, repo: string, pr: StoredPull): void;
  /** The repository's issues (not pull requests), in creation order. */
  issues(owner: string, repo: string): StoredIssue[];
  addIssue(owner: string, repo: string, i: Partial<StoredIssue> & { title: string; user: GitHubUser }): StoredIssue;
  close(): Promise<void>;
}

export interface ServerOptions {
  tokens?: Record<string, TokenInfo>;
  /** The Actions cache entries `GET /repos/{owner}/{repo}/actions/caches` lists (e.g. `fakeCache.listed`). */
  caches?: () => ListedCache[];
  /** GitHub's limit on comment bodies. */
  maxBodyLength?: number;
  /** Repositories (`owner/repo`) whose issues are disabled: GitHub answers 410 there. */
  issuesDisabled?: string[];
}

const SPEC = JSON.parse(readFileSync(join(import.meta.dirname, 'github-openapi.json'), 'utf8')) as Document;

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const error = (status: number, message: string, extra: object = {}): Reply => ({
  status,
  body: { message, documentation_url: 'https://docs.github.com/rest', status: String(status), ...extra },
});

/** GitHub's `Link` header for page `page` of `total` items. */
function linkHeader(base: URL, page: number, perPage: number, total: number): string | undefined {
  const last = Math.max(1, Math.ceil(total / perPage));
  const at = (p: number): string => {
    const u = new URL(base.href);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(p));
    return `<${u.href}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${at(page - 1)}; rel="prev"`);
  if (page < last) links.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`);
  return links.length ? links.join(', ') : undefined;
}

function paginate<T>(items: T[], c: Context, url: URL): Reply {
  const q = c.request.query as Record<string, string | undefined>;
  const perPage = Math.min(100, Math.max(1, Number(q.per_page ?? 30)));
  const page = Math.max(1, Number(q.page ?? 1));
  const link = linkHeader(url, page, perPage, items.length);
  return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers: link ? { link } : {} };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

/** Starts the server on 127.0.0.1 at a free port. */
export async function startGitHubServer(opts: ServerOptions = {}): Promise<GitHubServer> {
  const tokens: Record<string, TokenInfo> = {
    [TOKENS.actions]: { user: ACTIONS_BOT, installation: true },
    [TOKENS.readOnly]: { user: ACTIONS_BOT, installation: true, readOnly: true },
    [TOKENS.octocat]: { user: OCTOCAT },
    [TOKENS.noActionsRead]: { user: ACTIONS_BOT, installation: true, noActionsRead: true },
    ...opts.tokens,
  };
  const maxBody = opts.maxBodyLength ?? 65_536;
  const comments = new Map<string, StoredComment[]>();
  const pulls = new Map<string, StoredPull[]>();
  const issueLists = new Map<string, StoredIssue[]>();
  let nextIssue = 1;
  let nextId = 1_000_000;
  let url = '';
  const requests: RecordedRequest[] = [];
  const invalid: GitHubServer['invalid'] = [];

  const thread = (owner: string, repo: string, issue: number): StoredComment[] => {
    const key = `${owner}/${repo}#${issue}`;
    if (!comments.has(key)) comments.set(key, []);
    return comments.get(key)!;
  };
  const findComment = (owner: string, repo: string, id: number): [StoredComment, number] | undefined => {
    for (const [key, list] of comments)
      if (key.startsWith(`${owner}/${repo}#`)) {
        const c = list.find((x) => x.id === id);
        if (c) return [c, Number(key.split('#')[1])];
      }
    return undefined;
  };
  const commentJson = (owner: string, repo: string, issue: number, c: StoredComment): object => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${url}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${c.id}`,
    issue_url: `${url}/repos/${owner}/${repo}/issues/${issue}`,
    body: c.body,
    user: { ...c.user, node_id: `U_${c.user.id}`, site_admin: false },
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
  });
  const pullJson = (owner: string, repo: string, p: StoredPull): object => ({
    id: p.number * 10,
    number: p.number,
    state: p.state ?? 'open',
    title: `PR ${p.number}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${p.number}`,
    user: OCTOCAT,
    head: { sha: p.headSha, ref: `feature-${p.number}`, repo: { full_name: p.fork ? `fork/${repo}` : `${owner}/${repo}` } },
    base: { sha: '0'.repeat(40), ref: 'main', repo: { full_name: `${owner}/${repo}` } },
  });
  const addComment = (owner: string, repo: string, issue: number, c: { body: string; user: GitHubUser }): StoredComment => {
    const now = new Date().toISOString();
    const stored = { id: nextId++, body: c.body, user: c.user, created_at: now, updated_at: now };
    thread(owner, repo, issue).push(stored);
    return stored;
  };
  const issuesOf = (owner: string, repo: string): StoredIssue[] => {
    const key = `${owner}/${repo}`;
    if (!issueLists.has(key)) issueLists.set(key, []);
    return issueLists.get(key)!;
  };
  const addIssue: GitHubServer['addIssue'] = (owner, repo, i) => {
    const now = new Date().toISOString();
    const stored: StoredIssue = { body: '', state: 'open', labels: [], created_at: now, updated_at: now, ...i, number: nextIssue++ };
    issuesOf(owner, repo).push(stored);
    return stored;
  };
  const issueJson = (owner: string, repo: string, i: StoredIssue): object => ({
    id: i.number * 100,
    node_id: `I_${i.number}`,
    number: i.number,
    url: `${url}/repos/${owner}/${repo}/issues/${i.number}`,
    html_url: `https://github.com/${owner}/${repo}/issues/${i.number}`,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.state_reason ?? null,
    labels: i.labels.map((name, k) => ({ id: k + 1, name, color: 'ededed', default: false })),
    user: { ...i.user, node_id: `U_${i.user.id}`, site_admin: false },
    comments: 0,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.state === 'closed' ? i.updated_at : null,
    author_association: i.user.type === 'Bot' ? 'NONE' : 'MEMBER',
  });
  /** 410 where issues are disabled, 403 for a read-only token; undefined when the call may go on. */
  const refuseIssues = (owner: string, repo: string, who: TokenInfo | undefined): Reply | undefined => {
    if (opts.issuesDisabled?.includes(`${owner}/${repo}`)) return error(410, 'Issues are disabled for this repo');
    if (who?.readOnly) return error(403, 'Resource not accessible by integration');
    return undefined;
  };
  const labelNames = (labels: unknown): string[] =>
    Array.isArray(labels) ? labels.map((l) => (typeof l === 'string' ? l : String((l as { name?: string }).name ?? ''))) : [];

  /** 403 for a read-only token, 422 for a body over the limit; undefined when the write may go on. */
  const refuseWrite = (who: TokenInfo, body: string): Reply | undefined => {
    if (who.readOnly) return error(403, 'Resource not accessible by integration');
    if (body.length > maxBody)
      return error(422, 'Validation Failed', {
        errors: [
          { resource: 'IssueComment', code: 'custom', field: 'body', message: `body is too long (maximum is ${maxBody} characters)` },
        ],
      });
    return undefined;
  };

  type P = Record<string, string>;
  const handlers: Record<string, (c: Context, who: TokenInfo, u: URL) => Reply> = {
    'users/get-authenticated': (_c, who) =>
      who.installation ? error(403, 'Resource not accessible by integration') : { status: 200, body: who.user },
    'issues/list-comments': (c, _w, u) => {
      const p = c.request.params as P;
      const list = thread(p.owner!, p.repo!, Number(p.issue_number));
      return paginate(
        list.map((x) => commentJson(p.owner!, p.repo!, Number(p.issue_number), x)),
        c,
        u,
      );
    },
    'issues/create-comment': (c, who) => {
      const p = c.request.params as P;
      const body = String((c.request.requestBody as { body: string }).body);
      const refused = refuseWrite(who, body);
      if (refused) return refused;
      const stored = addComment(p.owner!, p.repo!, Number(p.issue_number), { body, user: who.user });
      return { status: 201, body: commentJson(p.owner!, p.repo!, Number(p.issue_number), stored) };
    },
    'issues/get-comment': (c) => {
      const p = c.request.params as P;
      const hit = findComment(p.owner!, p.repo!, Number(p.comment_id));
      return hit ? { status: 200, body: commentJson(p.owner!, p.repo!, hit[1], hit[0]) } : error(404, 'Not Found');
    },
    'issues/update-comment': (c, who) => {
      const p = c.request.params as P;
      const hit = findComment(p.owner!, p.repo!, Number(p.comment_id));
      if (!hit) return error(404, 'Not Found');
      const body = String((c.request.requestBody as { body: string }).body);
      const refused = refuseWrite(who, body);
      if (refused) return refused;
      // GitHub lets an integration edit only its own comments.
      if (hit[0].user.login !== who.user.login) return error(403, 'Resource not accessible by integration');
      hit[0].body = body;
      hit[0].updated_at = new Date().toISOString();
      return { status: 200, body: commentJson(p.owner!, p.repo!, hit[1], hit[0]) };
    },
    'repos/list-pull-requests-associated-with-commit': (c, _w, u) => {
      const p = c.request.params as P;
      const list = (pulls.get(`${p.owner}/${p.repo}`) ?? []).filter((x) => x.headSha === p.commit_sha && !x.fork);
      return paginate(
        list.map((x) => pullJson(p.owner!, p.repo!, x)),
        c,
        u,
      );
    },
    'actions/get-actions-cache-list': (c, who, u) => {
      if (who.noActionsRead) return error(403, 'Resource not accessible by integration');
      const q = c.request.query as P;
      // GitHub matches `key` as a prefix and `ref` exactly.
      const list = (opts.caches?.() ?? []).filter((e) => (!q.key || e.key.startsWith(q.key)) && (!q.ref || e.ref === q.ref));
      const field = q.sort === 'size_in_bytes' ? 'size_in_bytes' : 'created_at';
      const sign = q.direction === 'asc' ? 1 : -1;
      list.sort((a, b) => sign * (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : a.id - b.id));
      const page = paginate(list, c, u);
      return { ...page, body: { total_count: list.length, actions_caches: page.body } };
    },
    'issues/list-for-repo': (c, _w, u) => {
      const p = c.request.params as P;
      const refused = refuseIssues(p.owner!, p.repo!, undefined);
      if (refused) return refused;
      const q = c.request.query as P;
      const state = q.state ?? 'open';
      const want = (q.labels ?? '').split(',').filter(Boolean);
      const list = issuesOf(p.owner!, p.repo!).filter(
        (i) =>
          (state === 'all' || i.state === state) && want.every((l) => i.labels.includes(l)) && (!q.creator || i.user.login === q.creator),
      );
      // GitHub's default order: newest first.
      const sorted = q.direction === 'asc' ? list : [...list].reverse();
      return paginate(
        sorted.map((i) => issueJson(p.owner!, p.repo!, i)),
        c,
        u,
      );
    },
    'issues/create': (c, who) => {
      const p = c.request.params as P;
      const refused = refuseIssues(p.owner!, p.repo!, who);
      if (refused) return refused;
      const b = c.request.requestBody as { title: string | number; body?: string; labels?: unknown[]; assignees?: unknown[] };
      const tooLong = refuseWrite(who, String(b.body ?? ''));
      if (tooLong) return tooLong;
      const stored = addIssue(p.owner!, p.repo!, {
        title: String(b.title),
        body: b.body ?? '',
        labels: labelNames(b.labels),
        ...(b.assignees ? { assignees: b.assignees.map(String) } : {}),
        user: who.user,
      });
      return { status: 201, body: issueJson(p.owner!, p.repo!, stored) };
    },
    'issues/update': (c, who) => {
      const p = c.request.params as P;
      const refused = refuseIssues(p.owner!, p.repo!, who);
      if (refused) return refused;
      const hit = issuesOf(p.owner!, p.repo!).find((i) => i.number === Number(p.issue_number));
      if (!hit) return error(404, 'Not Found');
      const b = c.request.requestBody as Partial<{
        title: string;
        body: string;
        state: 'open' | 'closed';
        state_reason: StoredIssue['state_reason'];
        labels: unknown[];
      }>;
      if (b.body !== undefined) {
        const tooLong = refuseWrite(who, b.body);
        if (tooLong) return tooLong;
        hit.body = b.body;
      }
      if (b.title !== undefined) hit.title = String(b.title);
      if (b.state !== undefined) hit.state = b.state;
      if (b.state_reason !== undefined) hit.state_reason = b.state_reason;
      if (b.labels !== undefined) hit.labels = labelNames(b.labels);
      hit.updated_at = new Date().toISOString();
      return { status: 200, body: issueJson(p.owner!, p.repo!, hit) };
    },
    'pulls/list': (c, _w, u) => {
      const p = c.request.params as P;
      const state = (c.request.query as P).state ?? 'open';
      const list = (pulls.get(`${p.owner}/${p.repo}`) ?? []).filter((x) => state === 'all' || (x.state ?? 'open') === state);
      return paginate(
        list.map((x) => pullJson(p.owner!, p.repo!, x)),
        c,
        u,
      );
    },
  };

  const api = new OpenAPIBackend({
    definition: SPEC,
    validate: true,
    coerceTypes: true,
    quick: true,
    // The one string format these operations use; checked rather than ignored with a warning.
    customizeAjv: (ajv) => ajv.addFormat('date-time', { type: 'string', validate: (s: string) => !Number.isNaN(Date.parse(s)) }),
  });
  api.register({
    ...Object.fromEntries(
      Object.entries(handlers).map(([id, h]) => [id, (c: Context, who: TokenInfo, u: URL) => ({ id, ...h(c, who, u) })]),
    ),
    validationFail: (c: Context) => {
      invalid.push({ method: c.request.method.toUpperCase(), path: c.request.path, errors: c.validation.errors });
      return {
        id: c.operation?.operationId,
        ...error(400, `Request does not match GitHub's OpenAPI description: ${JSON.stringify(c.validation.errors)}`),
      };
    },
    notFound: (c: Context) => {
      invalid.push({ method: c.request.method.toUpperCase(), path: c.request.path, errors: 'no such operation in github-openapi.json' });
      return error(404, 'Not Found');
    },
  });
  await api.init();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const u = new URL(req.url ?? '/', url);
      const raw = await readBody(req);
      const auth = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const who = auth ? tokens[auth] : undefined;
      let reply: (Reply & { id?: string }) | undefined;
      if (!who) reply = error(401, 'Bad credentials');
      else if (who.echoesAuthorization && req.method !== 'GET')
        reply = error(400, `Rejected request with headers {"authorization": "${req.headers.authorization}"}`);
      else {
        let body: unknown;
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          reply = error(400, 'Problems parsing JSON');
        }
        reply ??= await api.handleRequest(
          {
            method: req.method ?? 'GET',
            path: u.pathname,
            query: Object.fromEntries(u.searchParams),
            headers: req.headers as Record<string, string>,
            body,
          },
          who,
          u,
        );
      }
      if (!reply) throw new Error('no reply');
      requests.push({ method: req.method ?? 'GET', path: u.pathname + u.search, operationId: reply.id, status: reply.status });
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    })().catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: String(e) }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    invalid,
    comments: (owner, repo, issue) => thread(owner, repo, issue),
    addComment,
    addPull: (owner, repo, pr) => {
      const key = `${owner}/${repo}`;
      pulls.set(key, [...(pulls.get(key) ?? []), pr]);
    },
    issues: (owner, repo) => issuesOf(owner, repo),
    addIssue,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((e) => (e ? fail(e) : done()));
      }),
  };
}
