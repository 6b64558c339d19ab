/**
 * Threshold conditions: `OP NUMBER[UNIT]` (OP one of >=, <=, >, <, ==) or a band
 * `NUMBER[UNIT]..NUMBER[UNIT]` (inclusive). Units convert to base units: time to ns, memory to
 * bytes (KB = 1000 B, KiB = 1024 B), `x` is a plain factor, and `%` is read against the metric's
 * unit — a fraction (90% = 0.9) for unitless/`ratio` metrics, the number itself (90) for `%`.
 */
import { ConfigError } from '../model/errors.js';

const UNIT = '(ns|us|µs|ms|s|min|B|KB|MB|GB|KiB|MiB|GiB|%|x)?';
const NUM = '(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)';
/** The grammar, also used by the config validator (JSON Schema `pattern`). */
export const CONDITION_PATTERN = `^\\s*(?:(>=|<=|>|<|==)\\s*${NUM}\\s*${UNIT}|${NUM}\\s*${UNIT}\\s*\\.\\.\\s*${NUM}\\s*${UNIT})\\s*$`;
const RE = new RegExp(CONDITION_PATTERN);

export type ConditionUnit = 'ns' | 'us' | 'µs' | 'ms' | 's' | 'min' | 'B' | 'KB' | 'MB' | 'GB' | 'KiB' | 'MiB' | 'GiB' | '%' | 'x';
export type Comparator = '>=' | '<=' | '>' | '<' | '==';

/** A parsed condition; numbers are still in the written unit (see `toBase`). */
export type Condition =
  | { kind: 'compare'; op: Comparator; value: number; unit?: ConditionUnit; text: string }
  | { kind: 'band'; low: number; lowUnit?: ConditionUnit; high: number; highUnit?: ConditionUnit; text: string };

const SCALE: Record<string, { to: 'ns' | 'B'; factor: number }> = {
  ns: { to: 'ns', factor: 1 },
  us: { to: 'ns', factor: 1e3 },
  µs: { to: 'ns', factor: 1e3 },
  ms: { to: 'ns', factor: 1e6 },
  s: { to: 'ns', factor: 1e9 },
  min: { to: 'ns', factor: 60e9 },
  B: { to: 'B', factor: 1 },
  KB: { to: 'B', factor: 1e3 },
  MB: { to: 'B', factor: 1e6 },
  GB: { to: 'B', factor: 1e9 },
  KiB: { to: 'B', factor: 1024 },
  MiB: { to: 'B', factor: 1024 ** 2 },
  GiB: { to: 'B', factor: 1024 ** 3 },
};

/** Parses a condition; throws ConfigError naming the text and the expected grammar. */
export function parseCondition(text: string): Condition {
  const m = RE.exec(text);
  if (!m) {
    throw new ConfigError(
      `Condition "${text}" is not understood: expected "OP NUMBER[UNIT]" with OP one of >=, <=, >, <, == ` +
        `(e.g. ">= 0.95", "<= 30s") or a band "LOW..HIGH" (e.g. "70%..90%"); units: ns us µs ms s min B KB MB GB KiB MiB GiB % x.`,
    );
  }
  const unit = (u: string | undefined) => (u ? (u as ConditionUnit) : undefined);
  if (m[1]) return { kind: 'compare', op: m[1] as Comparator, value: Number(m[2]), unit: unit(m[3]), text };
  const low = Number(m[4]);
  const high = Number(m[6]);
  if (low > high) throw new ConfigError(`Condition "${text}": the band's low end ${low} is above its high end ${high}.`);
  return { kind: 'band', low, lowUnit: unit(m[5]), high, highUnit: unit(m[7]), text };
}

/**
 * A written number in the metric's base unit, or an error message when the unit does not fit
 * (e.g. "30s" against a memory metric).
 */
export function toBase(value: number, unit: ConditionUnit | undefined, metricUnit: string): number | string {
  if (unit === undefined || unit === 'x') return value;
  if (unit === '%') return metricUnit === '%' ? value : value / 100;
  const s = SCALE[unit] as { to: 'ns' | 'B'; factor: number };
  if (s.to !== metricUnit) return `unit ${unit} does not fit a metric measured in ${metricUnit}`;
  return value * s.factor;
}

/** Whether `value` satisfies the condition; a string explains a unit mismatch. */
export function holds(c: Condition, value: number, metricUnit: string): boolean | string {
  if (c.kind === 'band') {
    const lo = toBase(c.low, c.lowUnit, metricUnit);
    const hi = toBase(c.high, c.highUnit, metricUnit);
    if (typeof lo === 'string') return lo;
    if (typeof hi === 'string') return hi;
    return value >= lo && value <= hi;
  }
  const t = toBase(c.value, c.unit, metricUnit);
  if (typeof t === 'string') return t;
  switch (c.op) {
    case '>=':
      return value >= t;
    case '<=':
      return value <= t;
    case '>':
      return value > t;
    case '<':
      return value < t;
    case '==':
      return Math.abs(value - t) <= 1e-9 * Math.max(1, Math.abs(t));
  }
}
