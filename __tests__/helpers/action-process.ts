import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DIST_ACTION = resolve(import.meta.dirname, '../../dist/index.js');
export const DIST_CLI = resolve(import.meta.dirname, '../../dist/cli.js');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Runs the built action as a runner would: a separate process with INPUT_* variables, an event
 * payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. Asynchronous, so a loopback server in
 * this process keeps answering while the action runs.
 */
export async function runBuiltAction(opts: {
  workspace: string;
  eventName: string;
  event: object;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  ref?: string;
  sha?: string;
}): Promise<ActionRun> {
  const tmp = mkdtempSync(join(tmpdir(), 'tp-action-'));
  const files = { event: join(tmp, 'event.json'), output: join(tmp, 'output'), summary: join(tmp, 'summary.md') };
  writeFileSync(files.event, JSON.stringify(opts.event));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmp,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_REF: opts.ref ?? 'refs/heads/main',
    GITHUB_SHA: opts.sha ?? 'a'.repeat(40),
    GITHUB_RUN_ID: '42',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: tmp,
    ...Object.fromEntries(Object.entries(opts.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...opts.env,
  };
  const child = spawn(process.execPath, [DIST_ACTION], { env, cwd: opts.workspace });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(files.output, 'utf8')), summary: readFileSync(files.summary, 'utf8') };
}

/** GITHUB_OUTPUT as the runner reads it: `name=value` lines and `name<<delimiter … delimiter` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (eq > 0 && (heredoc < 0 || eq < heredoc)) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
      continue;
    }
    if (heredoc <= 0) throw new Error(`GITHUB_OUTPUT line ${i + 1} is neither name=value nor name<<delimiter: ${line}`);
    const delimiter = line.slice(heredoc + 2);
    const end = lines.indexOf(delimiter, i + 1);
    if (end < 0) throw new Error(`GITHUB_OUTPUT: no closing ${delimiter} for ${line.slice(0, heredoc)}`);
    out[line.slice(0, heredoc)] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return out;
}

/** A pull_request event payload shaped like GitHub's (the fields the action reads and a few more). */
export function pullRequestEvent(number: number, base = 'main'): object {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      title: 'Make it faster',
      user: { login: 'contributor', type: 'User' },
      head: { ref: 'feature', sha: 'b'.repeat(40), repo: { full_name: 'octo-org/octo-repo' } },
      base: { ref: base, sha: 'c'.repeat(40), repo: { full_name: 'octo-org/octo-repo' } },
    },
    repository: { name: 'octo-repo', full_name: 'octo-org/octo-repo', owner: { login: 'octo-org' }, default_branch: 'main' },
    sender: { login: 'contributor', type: 'User' },
  };
}

/** A push event payload for a branch. */
export function pushEvent(branch = 'main'): object {
  return {
    ref: `refs/heads/${branch}`,
    before: '0'.repeat(40),
    after: 'a'.repeat(40),
    repository: { name: 'octo-repo', full_name: 'octo-org/octo-repo', owner: { login: 'octo-org' }, default_branch: 'main' },
    pusher: { name: 'maintainer' },
  };
}
