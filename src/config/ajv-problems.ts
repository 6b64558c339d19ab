import type { ErrorObject } from 'ajv/dist/2020.js';
import { closest, distance } from 'fastest-levenshtein';
import { CONDITION_EXPECTED } from './condition.js';
import { allowedKeys, describeSchema, requiredAlternatives } from './describe-schema.js';
import { CONFIG_SCHEMA } from './schema.js';
import { describeValue, fromPointer, type Problem, type Segment } from './problem.js';

type Schema = Record<string, unknown>;

/** The closest allowed key when it is close enough to be a typo ('rusn' → 'runs'), else undefined. */
export function suggestKey(key: string, allowed: readonly string[]): string | undefined {
  if (allowed.length === 0) return undefined;
  const lower = key.toLowerCase();
  const ci = allowed.find((k) => k.toLowerCase() === lower);
  if (ci) return ci;
  const best = closest(key, [...allowed]);
  return distance(lower, best.toLowerCase()) <= Math.max(1, Math.ceil(key.length * 0.4)) ? best : undefined;
}

function isUnder(child: string, parent: string): boolean {
  return child.startsWith(parent + '/');
}

/**
 * Keep the useful errors: a oneOf/anyOf failure is replaced by its branches' errors at deeper
 * paths when there are some (`command.x` is not a string), else kept alone (not one line per
 * branch); a type error hides other errors on the same value.
 */
function prune(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  for (const c of errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
    const branch = kept.filter((e) => isUnder(e.schemaPath, c.schemaPath));
    const deeper = branch.filter((e) => isUnder(e.instancePath, c.instancePath));
    kept = kept.filter((e) => !branch.includes(e) || deeper.includes(e));
    if (deeper.length) kept = kept.filter((e) => e !== c);
  }
  const typed = new Set(kept.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  return kept.filter((e) => {
    if (typed.has(e.instancePath) && e.keyword !== 'type') return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function problemOf(e: ErrorObject, root: unknown, base: Segment[]): Problem {
  const at = [...base, ...fromPointer(e.instancePath, root)];
  const parent = (e.parentSchema ?? {}) as Schema;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = allowedKeys(parent);
      const near = suggestKey(key, allowed);
      return {
        at: [...at, key],
        unknownKey: true,
        found: JSON.stringify(key),
        expected: `one of: ${allowed.join(', ')}`,
        ...(near ? { hint: `did you mean ${JSON.stringify(near)}?` } : {}),
      };
    }
    case 'required': {
      const key = String((e.params as { missingProperty: string }).missingProperty);
      const prop = (parent.properties as Record<string, Schema> | undefined)?.[key];
      return { at: [...at, key], expected: prop ? describeSchema(prop, CONFIG_SCHEMA) : 'a value', found: 'nothing (the key is missing)' };
    }
    case 'anyOf':
    case 'oneOf': {
      const keys = requiredAlternatives(parent);
      if (keys) return { at, expected: `${keys.map((k) => JSON.stringify(k)).join(' or ')} (or both)`, found: 'neither' };
      return { at, expected: describeSchema(parent), found: describeValue(e.data) };
    }
    case 'pattern': {
      const last = at[at.length - 1];
      if (last === 'target' || last === 'alert') return { at, expected: CONDITION_EXPECTED, found: describeValue(e.data) };
      if (last === 'name') return { at, expected: "a suite name without '/' or control characters", found: describeValue(e.data) };
      return { at, expected: `a string matching ${parent.pattern as string}`, found: describeValue(e.data) };
    }
    default:
      return { at, expected: describeSchema(parent), found: describeValue(e.data) };
  }
}

/**
 * Turn raw ajv errors (run with allErrors and verbose) into problems, one per bad value.
 * `root` is the validated value and `base` its path in the whole config.
 */
export function ajvProblems(errors: readonly ErrorObject[], root: unknown, base: Segment[] = []): Problem[] {
  return prune(errors).map((e) => problemOf(e, root, base));
}
