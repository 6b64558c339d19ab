/**
 * A config problem: where (a path of keys and indices), what was expected, what was found.
 * Kept as data so validation is pure and the loader formats every problem the same way.
 */

export type Segment = string | number;

export interface Problem {
  /** Path from the root: ['suites', 2, 'runs'] for `$.suites[2].runs`. */
  at: Segment[];
  /** What a valid value looks like, e.g. 'an integer ≥ 1'. */
  expected: string;
  /** What is there, e.g. '"ten"' or 'nothing'. */
  found: string;
  /** A fix suggestion, e.g. 'did you mean "runs"?'. */
  hint?: string;
  /** An unknown key: the message leads with the key and the suggestion. */
  unknownKey?: boolean;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** `$.suites[2].runs`; odd keys are quoted (`$.env["A-B"]`), so a hostile key stays on one line. */
export function displayPath(at: readonly Segment[]): string {
  let out = '$';
  for (const s of at) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += IDENT.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** RFC 6901 pointer of a path (the key of the parser's position map). */
export function toPointer(at: readonly Segment[]): string {
  return at.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * The path of an ajv `instancePath`, with array indices as numbers (found by walking `root`, so
 * an object key that looks like a number stays a key).
 */
export function fromPointer(pointer: string, root: unknown): Segment[] {
  if (pointer === '') return [];
  const out: Segment[] = [];
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const seg: Segment = Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : key;
    out.push(seg);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return out;
}

/** One line: `$.path: expected X, found Y; hint`, or for an unknown key `$.path: unknown key "k"; hint (expected …)`. */
export function formatProblem(p: Problem): string {
  const where = displayPath(p.at);
  if (p.unknownKey) return `${where}: unknown key ${p.found}${p.hint ? `; ${p.hint}` : ''} (expected ${p.expected})`;
  return `${where}: expected ${p.expected}, found ${p.found}${p.hint ? `; ${p.hint}` : ''}`;
}

/** How a found value reads in a message: strings quoted and cut short, containers by kind. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return v.length > 60 ? JSON.stringify(v.slice(0, 57)).slice(0, -1) + '…"' : JSON.stringify(v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty array' : `an array of ${v.length} item${v.length === 1 ? '' : 's'}`;
  if (v !== null && typeof v === 'object') return Object.keys(v).length === 0 ? 'an empty object' : 'an object';
  return String(v);
}
