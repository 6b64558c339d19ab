/**
 * A loopback fake of the GitHub Actions cache service v2, enough for the real `@actions/cache`
 * client: the three twirp calls (JSON) and the blob upload/download the client does with the
 * signed URLs (Azure block-blob PUT, plain GET). Entries live in memory.
 *
 * In a test: `const fake = await startFakeCacheServer()` then set the client's environment with
 * `fake.env` (ACTIONS_CACHE_SERVICE_V2, ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN; leave
 * GITHUB_SERVER_URL unset). As a process (for a test that blocks in spawnSync):
 * `node --import tsx __tests__/helpers/fake-cache-server.ts [port]` prints its URL on the first
 * line of stdout and serves until killed. `GET /_fake/entries` lists the finalized entries.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { ListedCache } from './github-server.js';

export interface FakeEntry {
  id: number;
  key: string;
  version: string;
  /** Order of finalization: the newest entry wins a prefix match. */
  seq: number;
  /** When it was finalized (ISO 8601), as the REST listing shows it. */
  createdAt?: string;
  finalized: boolean;
  data?: Buffer;
  blocks: Map<string, Buffer>;
}

export interface FakeCacheServer {
  url: string;
  /** The variables the cache client reads. */
  env: Record<string, string>;
  /** Finalized entries, oldest first. */
  entries(): FakeEntry[];
  /** The entries as GitHub's REST API lists them: pass to `startGitHubServer({ caches })`. */
  listed(): ListedCache[];
  /** Makes every later request of that kind fail (undefined: none): a restore's lookup, its download, or a garbage archive. */
  fault(kind: Fault | undefined): void;
  close(): Promise<void>;
}

export type Fault = 'lookup-error' | 'download-500' | 'garbage-archive';

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';
const TOKEN = 'fake-runtime-token';

/** Starts the fake on 127.0.0.1 (`port` 0 = any free port). */
export async function startFakeCacheServer(port = 0): Promise<FakeCacheServer> {
  const entries: FakeEntry[] = [];
  let seq = 0;
  let fault: Fault | undefined;
  let url = '';

  const twirp: Record<string, (body: Record<string, unknown>) => [number, unknown]> = {
    CreateCacheEntry({ key, version }) {
      if (entries.some((e) => e.key === key && e.version === version))
        return [409, { code: 'already_exists', msg: 'cache entry with the same key, version, and scope already exists' }];
      const e: FakeEntry = {
        id: entries.length + 1,
        key: String(key),
        version: String(version),
        seq: 0,
        finalized: false,
        blocks: new Map(),
      };
      entries.push(e);
      return [200, { ok: true, signed_upload_url: `${url}devstoreaccount1/cache/${e.id}?sig=fake` }];
    },
    FinalizeCacheEntryUpload({ key, version }) {
      const e = entries.find((x) => x.key === key && x.version === version && !x.finalized);
      if (!e?.data) return [200, { ok: false, message: `no upload for ${String(key)}` }];
      e.finalized = true;
      e.seq = ++seq;
      // Distinct and ordered even within one millisecond, as GitHub's listing sorts by it.
      e.createdAt = new Date(Date.UTC(2026, 0, 1) + e.seq * 1000).toISOString();
      return [200, { ok: true, entry_id: String(e.id) }];
    },
    GetCacheEntryDownloadURL({ key, restore_keys, version }) {
      // 501, which the client does not retry: a 500 fails the same way, after ~30 s of retries.
      if (fault === 'lookup-error') return [501, { code: 'unimplemented', msg: 'injected fault' }];
      const ready = entries.filter((e) => e.finalized && e.version === version);
      for (const k of [key, ...((restore_keys as string[] | undefined) ?? [])].map(String)) {
        const newest = (xs: FakeEntry[]) => xs.sort((a, b) => b.seq - a.seq)[0];
        const hit = newest(ready.filter((e) => e.key === k)) ?? newest(ready.filter((e) => e.key.startsWith(k)));
        if (hit) return [200, { ok: true, signed_download_url: `${url}devstoreaccount1/cache/${hit.id}?sig=fake`, matched_key: hit.key }];
      }
      return [200, { ok: false }];
    },
  };

  const listed = () => entries.filter((e) => e.finalized).sort((a, b) => a.seq - b.seq);
  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => send(res, 500, { code: 'internal', msg: String(e) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', url);
    const body = await readBody(req);
    if (u.pathname.startsWith(SERVICE) && req.method === 'POST') {
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(res, 401, { code: 'unauthenticated', msg: 'bad token' });
      const method = twirp[u.pathname.slice(SERVICE.length)];
      if (!method) return send(res, 404, { code: 'bad_route', msg: u.pathname });
      const [status, out] = method(JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>);
      return send(res, status, out);
    }
    if (u.pathname === '/_fake/entries' && req.method === 'GET')
      return send(
        res,
        200,
        listed().map((e) => ({ key: e.key, version: e.version, size: e.data?.length ?? 0 })),
      );
    const blob = /^\/devstoreaccount1\/cache\/(\d+)$/.exec(u.pathname);
    const entry = blob && entries.find((e) => e.id === Number(blob[1]));
    if (!entry) return send(res, 404, { msg: 'no such blob' });
    if (req.method === 'PUT') return putBlob(entry, u, body, res);
    if (req.method === 'GET' && entry.finalized && entry.data && fault === 'download-500') return send(res, 500, { msg: 'injected fault' });
    if (req.method === 'GET' && entry.finalized && entry.data && fault === 'garbage-archive') {
      const garbage = Buffer.from('this is not a tar archive '.repeat(40));
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': garbage.length });
      return void res.end(garbage);
    }
    if (req.method === 'GET' && entry.finalized && entry.data) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': entry.data.length });
      return void res.end(entry.data);
    }
    send(res, 404, { msg: 'blob not uploaded' });
  }

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    env: { ACTIONS_CACHE_SERVICE_V2: '1', ACTIONS_RESULTS_URL: url, ACTIONS_RUNTIME_TOKEN: TOKEN },
    entries: listed,
    listed: () =>
      listed().map((e) => ({
        id: e.id,
        key: e.key,
        version: e.version,
        ref: 'refs/heads/main',
        created_at: e.createdAt!,
        size_in_bytes: e.data?.length ?? 0,
      })),
    fault: (kind) => void (fault = kind),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Azure block-blob upload: one PUT, or staged blocks then a block list (large archives). */
function putBlob(entry: FakeEntry, u: URL, body: Buffer, res: ServerResponse): void {
  const comp = u.searchParams.get('comp');
  if (comp === 'block') entry.blocks.set(u.searchParams.get('blockid') ?? '', body);
  else if (comp === 'blocklist') {
    const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)].map((m) => m[1]!);
    entry.data = Buffer.concat(ids.map((id) => entry.blocks.get(id) ?? Buffer.alloc(0)));
  } else entry.data = body;
  res.writeHead(201, {
    etag: `"0x${entry.id.toString(16)}"`,
    'last-modified': new Date().toUTCString(),
    'x-ms-request-id': String(entry.id),
    'x-ms-version': '2024-11-04',
    'x-ms-request-server-encrypted': 'true',
  });
  res.end();
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

// Run as a process: print the URL, serve until killed. `/_fake/entries` lists keys for checks.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fake = await startFakeCacheServer(Number(process.argv[2] ?? 0));
  process.stdout.write(`${fake.url}\n`);
}
