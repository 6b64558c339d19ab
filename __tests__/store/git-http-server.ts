/**
 * A loopback smart-HTTP git server (git's own `git-http-backend` CGI) that demands
 * `Authorization: basic base64(x-access-token:<token>)`, as GitHub accepts it, and records the
 * headers it saw. Serves the bare repositories under `root` at `<url><name>.git`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** Where Debian's git package puts the CGI. */
export const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';
export const hasHttpBackend = existsSync(HTTP_BACKEND);

export interface GitHttpServer {
  url: string;
  /** Authorization headers of all requests, in order. */
  authorizations: Array<string | undefined>;
  close(): Promise<void>;
}

export async function startGitHttpServer(root: string, token: string): Promise<GitHttpServer> {
  const expected = `basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  const authorizations: Array<string | undefined> = [];
  const server = createServer((req, res) => {
    authorizations.push(req.headers.authorization);
    if (req.headers.authorization?.toLowerCase() !== expected.toLowerCase()) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="fake"' });
      return void res.end();
    }
    const u = new URL(req.url ?? '/', 'http://x');
    const cgi = spawn(HTTP_BACKEND, [], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        REMOTE_USER: 'x-access-token', // enables receive-pack (push)
        REQUEST_METHOD: req.method,
        PATH_INFO: u.pathname,
        QUERY_STRING: u.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      },
    });
    req.pipe(cgi.stdin);
    const out: Buffer[] = [];
    cgi.stdout.on('data', (d: Buffer) => out.push(d));
    cgi.on('close', () => {
      const all = Buffer.concat(out);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split).toString('utf8').split('\r\n');
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of head) {
        const [k, ...v] = line.split(':');
        if (k!.toLowerCase() === 'status') status = Number.parseInt(v.join(':').trim(), 10);
        else if (k) headers[k] = v.join(':').trim();
      }
      res.writeHead(status, headers);
      res.end(all.subarray(split + 4));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    authorizations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Path of a served repository `name` under `root`. */
export const repoPath = (root: string, name: string) => join(root, `${name}.git`);
