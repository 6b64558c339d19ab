/**
 * Variables an action process holds that a plain workflow `run:` step does not see: the action's
 * inputs (the token among them) and the runtime's service credentials. Benchmarked code is often
 * the pull request's own code, so it gets the environment of a `run:` step, not the action's.
 */
const ACTION_ONLY = [
  /^INPUT_/,
  /^ACTIONS_RUNTIME_TOKEN$/,
  /^ACTIONS_RUNTIME_URL$/,
  /^ACTIONS_ID_TOKEN_REQUEST_(TOKEN|URL)$/,
  /^ACTIONS_(CACHE|RESULTS)_URL$/,
  /^ACTIONS_CACHE_SERVICE_V2$/,
];

/** `base` without the action-only variables, plus `extra` (a suite's own `env`). */
export function childEnv(base: NodeJS.ProcessEnv = process.env, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (!ACTION_ONLY.some((re) => re.test(k))) env[k] = v;
  return { ...env, ...extra };
}
