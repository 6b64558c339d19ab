import { describeExit, runShell } from '../../bench/process.js';

/**
 * Runs a setup command (e.g. `npm ci && npm run build`) through the shell, the way benchmarked
 * commands run: the step's environment without the action's inputs (no token), its own process
 * group. On failure, the message carries the first error lines of its stderr.
 */
export async function runSetup(command: string, cwd: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const o = await runShell(command, cwd);
  return o.code === 0
    ? { ok: true }
    : { ok: false, message: `\`${command}\` ${describeExit(o)} in ${cwd}:\n${setupExcerpt(o.stderrHead, o.stderrTail)}` };
}

const ERROR_LINE = /error|ERR!|fatal|fail/i;
/** A line that is only a tool's error prefix ("npm error", "npm ERR!", "error:"): no reason in it. */
const BARE_PREFIX = /^[\w\s-]*?(?:error|ERR!|fatal)[\s:!]*$/i;
const MAX_LINES = 6;

/**
 * The lines that explain a failed setup: a tool puts its reason first and its help or log path
 * last (npm ci without a lockfile prints the reason, then 90 lines of usage), so the first lines
 * naming an error (else the first lines), then how much was left out and the very last line.
 */
export function setupExcerpt(head: string, tail: string): string {
  const lines = head
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() && !BARE_PREFIX.test(l));
  if (!lines.length) return '(it wrote nothing to stderr)';
  const errors = lines.filter((l) => ERROR_LINE.test(l));
  const shown = (errors.length ? errors : lines).slice(0, MAX_LINES);
  const last = tail.trimEnd().split('\n').at(-1)?.trim() ?? '';
  const rest = lines.length - shown.length;
  if (rest <= 0) return shown.join('\n');
  return [
    ...shown,
    `… (${rest} more line${rest === 1 ? '' : 's'} of stderr${last && !shown.includes(last) ? `; the last: ${last}` : ''})`,
  ].join('\n');
}
