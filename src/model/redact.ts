/**
 * The one redaction every message leaving the process goes through (log lines, warnings,
 * annotations, the job summary, the PR comment, the failure message, the CLI's output).
 *
 * The runner masks registered secrets in the log only; the PR comment and the job summary are
 * not masked by GitHub, and an API error body can echo the Authorization header. So values are
 * replaced here, before anything is written: the token, and the values of the step's
 * environment variables whose names look secret (what a user passes with `env:`).
 */

/** Names of environment variables whose values are treated as secrets. */
export const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE|CREDENTIAL|AUTH/i;

/** Shorter values are too likely to be ordinary words or flags (`true`, `1`) to hide everywhere. */
export const MIN_SECRET_LENGTH = 6;

/** What a secret is replaced with (the runner's own mask). */
export const MASK = '***';

export type Redact = (text: string) => string;

/**
 * The values to hide: each of `extra` (the token) and of the secret-looking
 * variables of `env`, and each line of a multi-line value (a key file). A token also in the
 * base64 form git's `http.extraheader` sends (`x-access-token:<token>`).
 */
export function secretValues(env: NodeJS.ProcessEnv, extra: Array<string | undefined> = []): string[] {
  const found = new Set<string>();
  const add = (value: string | undefined): void => {
    if (!value) return;
    for (const v of [value, ...value.split(/\r?\n/).map((l) => l.trim())]) if (v.length >= MIN_SECRET_LENGTH) found.add(v);
  };
  for (const token of extra) {
    add(token);
    if (token) add(Buffer.from(`x-access-token:${token}`).toString('base64'));
  }
  for (const [name, value] of Object.entries(env)) if (SECRET_NAME.test(name)) add(value);
  return [...found];
}

/** A function that replaces every occurrence of each of `secrets` (or its JSON-escaped form) with `***`. */
export function redactor(secrets: readonly string[]): Redact {
  if (!secrets.length) return (text) => text;
  // Each also as it is written inside a JSON string (a quote or backslash escaped), so a secret
  // echoed in a JSON body or a file's text is hidden too. Longest first, so a secret containing
  // another is replaced whole.
  const forms = new Set(secrets.flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]));
  const pattern = new RegExp(
    [...forms]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  return (text) => text.replace(pattern, MASK);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
