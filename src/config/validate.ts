import { ajvProblems, suggestKey } from './ajv-problems.js';
import { CONDITION_EXPECTED, conditionProblem } from './condition.js';
import { allowedKeys } from './describe-schema.js';
import { describeValue, displayPath, type Problem } from './problem.js';
import { CONFIG_SCHEMA, SUITE_DEFS, validateConfigSchema, validateSuiteSchema } from './schema.js';

type Kind = keyof typeof SUITE_DEFS;
const KINDS = Object.keys(SUITE_DEFS) as Kind[];
const KIND_LIST = '"tinybench", "command" or "import"';

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function keysOfKind(kind: Kind): string[] {
  return allowedKeys((CONFIG_SCHEMA.$defs as Record<string, Record<string, unknown>>)[SUITE_DEFS[kind]]!);
}

function andList(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * One suite, checked against the schema of its kind. The schema's `oneOf` of the three kinds
 * would make ajv report every branch; picking the kind first gives one plain message.
 */
function suiteProblems(suite: unknown, i: number): Problem[] {
  const at = ['suites', i];
  if (!isObject(suite)) return [{ at, expected: `a suite object with a "name" and one of ${KIND_LIST}`, found: describeValue(suite) }];
  const kinds = KINDS.filter((k) => k in suite);
  if (kinds.length === 0) {
    const typo = Object.keys(suite)
      .map((k) => [k, suggestKey(k, KINDS)] as const)
      .find(([k, near]) => near !== undefined && !(k in SUITE_DEFS));
    const hint = typo ? `did you mean ${JSON.stringify(typo[1])} instead of ${JSON.stringify(typo[0])}?` : undefined;
    return [{ at, expected: `exactly one of ${KIND_LIST} (what the suite runs)`, found: 'none of them', ...(hint ? { hint } : {}) }];
  }
  if (kinds.length > 1) {
    const found = `${kinds.length === 2 ? 'both ' : ''}${andList(kinds.map((k) => JSON.stringify(k)))}`;
    return [{ at, expected: `exactly one of ${KIND_LIST} (split it into one suite per kind)`, found }];
  }
  const kind = kinds[0]!;
  return ajvProblems(validateSuiteSchema(kind, suite), suite, at).map((p) => {
    const key = p.at[p.at.length - 1];
    if (!p.unknownKey || typeof key !== 'string') return p;
    const owner = KINDS.find((k) => k !== kind && keysOfKind(k).includes(key));
    return owner ? { ...p, hint: `${JSON.stringify(key)} applies to ${owner} suites, and this is a ${kind} suite` } : p;
  });
}

function duplicateNames(suites: unknown[]): Problem[] {
  const first = new Map<string, number>();
  const out: Problem[] = [];
  suites.forEach((s, i) => {
    if (!isObject(s) || typeof s.name !== 'string') return;
    const j = first.get(s.name);
    if (j === undefined) first.set(s.name, i);
    else
      out.push({
        at: ['suites', i, 'name'],
        expected: 'a unique suite name',
        found: `${JSON.stringify(s.name)} again (also at ${displayPath(['suites', j, 'name'])})`,
      });
  });
  return out;
}

/** Conditions that parse but cannot be meant (a band upside down or mixing ms with MB). */
function conditionProblems(thresholds: unknown): Problem[] {
  if (!Array.isArray(thresholds)) return [];
  const out: Problem[] = [];
  thresholds.forEach((t, i) => {
    if (!isObject(t)) return;
    for (const key of ['target', 'alert'] as const) {
      const text = t[key];
      const why = typeof text === 'string' ? conditionProblem(text) : undefined;
      // Text outside the grammar is reported by ajv (the schema pattern) already.
      if (why?.expected === CONDITION_EXPECTED) continue;
      if (why) out.push({ at: ['thresholds', i, key], ...why });
    }
  });
  return out;
}

/** Speedup bounds in order: min ≤ goal ≤ max. */
function speedupProblems(targets: unknown): Problem[] {
  if (!Array.isArray(targets)) return [];
  const out: Problem[] = [];
  targets.forEach((t, i) => {
    const s = isObject(t) && isObject(t.speedup) ? t.speedup : undefined;
    if (!s) return;
    const pairs = [
      ['min', 'goal'],
      ['goal', 'max'],
      ['min', 'max'],
    ] as const;
    const bad = pairs.find(([lo, hi]) => typeof s[lo] === 'number' && typeof s[hi] === 'number' && (s[lo] as number) > (s[hi] as number));
    if (bad)
      out.push({
        at: ['targets', i, 'speedup'],
        expected: `${bad[0]} ≤ ${bad[1]}`,
        found: `${bad[0]} ${s[bad[0]]} > ${bad[1]} ${s[bad[1]]}`,
      });
  });
  return out;
}

/** Keys a scaling suite takes only with `tinybench` (the schema's dependentRequired). */
const TINYBENCH_SCALING_KEYS = ['task', 'time', 'iterations'] as const;

/**
 * What a scaling suite runs: exactly one of `command` and `tinybench`, and the tinybench-only keys
 * with `tinybench`. Checked here for one plain message instead of ajv's oneOf branches.
 */
function scalingKindProblems(scaling: unknown): Problem[] {
  if (!Array.isArray(scaling)) return [];
  const out: Problem[] = [];
  scaling.forEach((s, i) => {
    if (!isObject(s)) return;
    const at = ['scaling', i];
    const kinds = (['command', 'tinybench'] as const).filter((k) => k in s);
    if (kinds.length !== 1)
      out.push({
        at,
        expected: 'exactly one of "command" (with {N}) or "tinybench" (a file with a suite.scaling task)',
        found: kinds.length === 0 ? 'neither' : 'both',
      });
    if (kinds[0] === 'command')
      for (const key of TINYBENCH_SCALING_KEYS.filter((k) => k in s))
        out.push({
          at: [...at, key],
          expected: `no ${JSON.stringify(key)} in a command sweep`,
          found: `${JSON.stringify(key)}`,
          hint: `${JSON.stringify(key)} applies to a "tinybench" sweep`,
        });
  });
  return out;
}

/** ajv's errors for what scalingKindProblems says better (schema paths are relative to the scalingSuite $def). */
const isScalingKindError = (e: { instancePath: string; schemaPath: string }) =>
  /^\/scaling\/\d+$/.test(e.instancePath) && /^#\/(oneOf|dependentRequired)/.test(e.schemaPath);

/**
 * Every problem of a parsed config value, in no particular order; empty when it is valid.
 * Pure: the loader adds the file name and positions.
 */
export function configProblems(value: unknown): Problem[] {
  const suites = isObject(value) && Array.isArray(value.suites) ? value.suites : undefined;
  // Suite errors from the whole-schema run are the oneOf noise; suites are checked one by one below.
  const rest = validateConfigSchema(value).filter(
    (e) => !(suites && /^\/suites\/\d+(\/|$)/.test(e.instancePath)) && !isScalingKindError(e),
  );
  const out = ajvProblems(rest, value);
  if (suites) {
    suites.forEach((s, i) => out.push(...suiteProblems(s, i)));
    out.push(...duplicateNames(suites));
  }
  if (isObject(value))
    out.push(...conditionProblems(value.thresholds), ...speedupProblems(value.targets), ...scalingKindProblems(value.scaling));
  return out;
}
