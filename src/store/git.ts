/**
 * Runs the `git` CLI for the gh-pages store. The token travels as the `http.extraheader` that
 * actions/checkout uses, but through GIT_CONFIG_* variables: it is in no command line (ps),
 * no config file, and it is redacted from every message this module returns.
 */
import { nodeChildProcess } from '../model/node-lazy.js';
import { StoreError } from '../model/errors.js';
import { mib, withinStringLimit } from './limits.js';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Git {
  /** Runs git in `cwd`; resolves whatever the exit code. */
  run(args: string[], opts?: { input?: string; env?: Record<string, string> }): Promise<GitResult>;
  /** Runs git and returns trimmed stdout; throws StoreError (with `what`) on a non-zero exit. */
  ok(args: string[], what: string, opts?: { input?: string; env?: Record<string, string> }): Promise<string>;
}

/** The committer of history commits, as GitHub's own bot. */
const IDENTITY = {
  GIT_AUTHOR_NAME: 'github-actions[bot]',
  GIT_AUTHOR_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com',
  GIT_COMMITTER_NAME: 'github-actions[bot]',
  GIT_COMMITTER_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com',
};

/** A git runner in `cwd`, authenticating with `token` when given. */
export function gitIn(cwd: string, token?: string): Git {
  const auth: Record<string, string> = token
    ? {
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'http.extraheader',
        GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`,
      }
    : {};
  const secrets = token ? [token, auth.GIT_CONFIG_VALUE_0!.slice('AUTHORIZATION: basic '.length)] : [];
  const redact = (s: string) => secrets.reduce((acc, t) => acc.split(t).join('***'), s);
  const run: Git['run'] = (args, opts = {}) =>
    new Promise((resolve, reject) => {
      const child = nodeChildProcess().spawn('git', args, {
        cwd,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...IDENTITY, ...auth, ...opts.env },
        stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout?.on('data', (d: Buffer) => out.push(d));
      child.stderr?.on('data', (d: Buffer) => err.push(d));
      child.on('error', (e) =>
        reject(
          new StoreError(
            `Cannot run git in ${cwd} (${redact(e.message)}): install the git CLI (Debian package git), and check that the directory exists.`,
          ),
        ),
      );
      child.on('close', (code) => {
        try {
          resolve({
            code: code ?? 1,
            stdout: textOf(out, `The output of git ${args[0]}`),
            stderr: redact(Buffer.concat(err).toString('utf8')),
          });
        } catch (e) {
          reject(e as Error);
        }
      });
      if (child.stdin) {
        child.stdin.on('error', () => undefined); // git may exit before reading; its exit code tells
        child.stdin.end(opts.input);
      }
    });
  return {
    run,
    async ok(args, what, opts) {
      const r = await run(args, opts);
      if (r.code !== 0) throw new StoreError(`${what} failed: git ${args[0]} exited with ${r.code}: ${r.stderr.trim()}`);
      return r.stdout.trim();
    },
  };
}

/** The UTF-8 text of `chunks`; a StoreError with the size past the string limit (`decode` is a seam for tests). */
export function textOf(chunks: Buffer[], what: string, decode: (b: Buffer) => string = (b) => b.toString('utf8')): string {
  const bytes = Buffer.concat(chunks);
  return withinStringLimit(
    () => decode(bytes),
    what,
    () => mib(bytes.length),
  );
}
