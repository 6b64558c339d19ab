/**
 * "What was expected", in words, from a JSON Schema node: `{type: integer, minimum: 1}` reads
 * "an integer ≥ 1". Only the keywords our schema uses are covered.
 */

type Schema = Record<string, unknown>;

const ARTICLE: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function bounds(s: Schema): string[] {
  const out: string[] = [];
  if (typeof s.minimum === 'number') out.push(`≥ ${s.minimum}`);
  if (typeof s.exclusiveMinimum === 'number') out.push(`> ${s.exclusiveMinimum}`);
  if (typeof s.maximum === 'number') out.push(`≤ ${s.maximum}`);
  if (typeof s.exclusiveMaximum === 'number') out.push(`< ${s.exclusiveMaximum}`);
  return out;
}

function quoteList(values: readonly unknown[], last = 'or'): string {
  const q = values.map((v) => JSON.stringify(v));
  return q.length < 2 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} ${last} ${q[q.length - 1]}`;
}

/** Keys named by anyOf branches that each only require one property, e.g. target / alert. */
export function requiredAlternatives(s: Schema): string[] | undefined {
  const alts = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (!Array.isArray(alts)) return undefined;
  const keys = alts.map((a) =>
    Object.keys(a).length === 1 && Array.isArray(a.required) && a.required.length === 1 ? a.required[0] : undefined,
  );
  return keys.every((k): k is string => typeof k === 'string') ? keys : undefined;
}

/** The expected value of a schema node, in words (`$ref`s resolved against `root`'s `$defs`). */
export function describeSchema(s: Schema, root: Schema = {}): string {
  const ref = typeof s.$ref === 'string' ? /^#\/\$defs\/(\w+)$/.exec(s.$ref) : null;
  const target = ref ? (root.$defs as Record<string, Schema> | undefined)?.[ref[1]!] : undefined;
  if (target) return describeSchema(target, root);
  if (Array.isArray(s.enum)) return `one of ${quoteList(s.enum)}`;
  if ('const' in s) return JSON.stringify(s.const);
  const alts = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
  if (Array.isArray(alts) && s.type === undefined) return alts.map((a) => describeSchema(a, root)).join(' or ');
  const type = typeof s.type === 'string' ? s.type : undefined;
  if (!type) return 'a value';
  let text = ARTICLE[type] ?? type;
  if (type === 'string' && s.minLength === 1) text = 'a non-empty string';
  if (type === 'array' && s.minItems === 1) text = 'a non-empty array';
  if (type === 'object') {
    const keys = requiredAlternatives(s);
    if (keys) text = `an object with ${quoteList(keys)} (or both)`;
    else if (s.minProperties === 1) text = 'a non-empty object';
    if (s.additionalProperties && typeof s.additionalProperties === 'object' && !s.properties)
      text += ` whose values are each ${describeSchema(s.additionalProperties as Schema, root)}`;
  }
  const b = bounds(s);
  return b.length ? `${text} ${b.join(' and ')}` : text;
}

/** Allowed keys of an object schema, for "unknown key" messages. */
export function allowedKeys(s: Schema): string[] {
  return s.properties && typeof s.properties === 'object' ? Object.keys(s.properties) : [];
}
