/**
 * The condition grammar of threshold `target` / `alert` strings, shared by the config validator
 * and the statistics engine so both read a condition the same way:
 *
 *   condition := OP NUMBER [UNIT] | NUMBER [UNIT] ".." NUMBER [UNIT]
 *   OP        := ">=" | "<=" | ">" | "<" | "=="
 *   UNIT      := ns us µs ms s min B KB MB GB KiB MiB GiB % x
 *
 * Spaces are allowed between the parts. Values are converted to the run file's base units
 * (time → ns, memory → B); `%` stays a percentage and `x` a plain ratio.
 */

export type ConditionOp = '>=' | '<=' | '>' | '<' | '==';
export type ConditionUnit = 'ns' | 'us' | 'µs' | 'ms' | 's' | 'min' | 'B' | 'KB' | 'MB' | 'GB' | 'KiB' | 'MiB' | 'GiB' | '%' | 'x';

/** A number as written, with its unit and its value in the base unit. */
export interface Quantity {
  /** The number as written. */
  amount: number;
  unit?: ConditionUnit;
  /** `amount` in the base unit: ns for time, B for memory, unchanged for %, x or no unit. */
  value: number;
  /** The base unit of `value`: 'ns', 'B', '%', 'x', or undefined for a bare number. */
  baseUnit?: 'ns' | 'B' | '%' | 'x';
}

export type Condition =
  | { kind: 'compare'; op: ConditionOp; bound: Quantity }
  | { kind: 'band'; low: Quantity; high: Quantity };

const FACTORS: Record<ConditionUnit, [number, Quantity['baseUnit']]> = {
  ns: [1, 'ns'],
  us: [1e3, 'ns'],
  µs: [1e3, 'ns'],
  ms: [1e6, 'ns'],
  s: [1e9, 'ns'],
  min: [60e9, 'ns'],
  B: [1, 'B'],
  KB: [1e3, 'B'],
  MB: [1e6, 'B'],
  GB: [1e9, 'B'],
  KiB: [1024, 'B'],
  MiB: [1024 ** 2, 'B'],
  GiB: [1024 ** 3, 'B'],
  '%': [1, '%'],
  x: [1, 'x'],
};

/** The accepted units. */
export const CONDITION_UNITS = Object.keys(FACTORS) as ConditionUnit[];

const NUM = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
const UNIT = String.raw`(?:ns|us|µs|ms|s|min|B|KB|MB|GB|KiB|MiB|GiB|%|x)`;
const QTY = String.raw`(${NUM})\s*(${UNIT})?`;
const COMPARE_RE = new RegExp(String.raw`^\s*(>=|<=|==|>|<)\s*${QTY}\s*$`, 'u');
const BAND_RE = new RegExp(String.raw`^\s*${QTY}\s*\.\.\s*${QTY}\s*$`, 'u');

/** How the grammar is explained in error messages. */
export const CONDITION_EXPECTED =
  "a condition 'OP NUMBER[UNIT]' (OP one of >=, <=, >, <, ==) or a band 'NUMBER[UNIT]..NUMBER[UNIT]', " +
  'UNIT one of ' +
  CONDITION_UNITS.join(' ') +
  " (e.g. '>= 0.95', '<= 30s', '70%..90%')";

function quantity(num: string, unit: string | undefined): Quantity {
  const amount = Number(num);
  if (unit === undefined) return { amount, value: amount };
  const [factor, baseUnit] = FACTORS[unit as ConditionUnit];
  return { amount, unit: unit as ConditionUnit, value: amount * factor, baseUnit };
}

/** Parse a condition; null when the text does not follow the grammar. */
export function parseCondition(text: string): Condition | null {
  const cmp = COMPARE_RE.exec(text);
  if (cmp) return { kind: 'compare', op: cmp[1] as ConditionOp, bound: quantity(cmp[2]!, cmp[3]) };
  const band = BAND_RE.exec(text);
  if (band) return { kind: 'band', low: quantity(band[1]!, band[2]), high: quantity(band[3]!, band[4]) };
  return null;
}

/**
 * Why a condition that parses is still unusable (a band whose ends have different kinds of
 * unit, or whose low end is above its high end), or undefined when it is fine.
 */
export function conditionProblem(c: Condition): { expected: string; found: string } | undefined {
  if (c.kind !== 'band') return undefined;
  const low = `${c.low.amount}${c.low.unit ?? ''}`;
  const high = `${c.high.amount}${c.high.unit ?? ''}`;
  if (c.low.baseUnit !== c.high.baseUnit && c.low.unit !== undefined && c.high.unit !== undefined)
    return { expected: 'a band whose two ends have the same kind of unit', found: `'${c.low.unit}' and '${c.high.unit}'` };
  if (lowValue(c) > highValue(c)) return { expected: 'a band whose low end is ≤ its high end', found: `${low} > ${high}` };
  return undefined;
}

/** Whether `value` (in the base unit) meets the condition. */
export function meetsCondition(c: Condition, value: number): boolean {
  if (c.kind === 'band') return value >= lowValue(c) && value <= highValue(c);
  const b = c.bound.value;
  switch (c.op) {
    case '>=':
      return value >= b;
    case '<=':
      return value <= b;
    case '>':
      return value > b;
    case '<':
      return value < b;
    case '==':
      return value === b;
  }
}

// A band written "70..90%" carries the unit of the end that has one.
function lowValue(c: Extract<Condition, { kind: 'band' }>): number {
  return c.low.unit === undefined && c.high.unit ? quantity(String(c.low.amount), c.high.unit).value : c.low.value;
}
function highValue(c: Extract<Condition, { kind: 'band' }>): number {
  return c.high.unit === undefined && c.low.unit ? quantity(String(c.high.amount), c.low.unit).value : c.high.value;
}
