/**
 * Threshold `target` / `alert` conditions, checked when the config is loaded. The grammar and
 * its meaning (condition-grammar.ts, which the statistics engine reads) and the schema's
 * `pattern` is the same regular expression (a test keeps them equal), and this file only adds
 * the checks that would otherwise fail later, at comparison time.
 */
import { ConfigError } from '../model/errors.js';
import { CONDITION_PATTERN, parseCondition, type ConditionUnit } from './condition-grammar.js';

/** The units of the grammar. */
export const CONDITION_UNITS: readonly ConditionUnit[] = [
  'ns',
  'us',
  'µs',
  'ms',
  's',
  'min',
  'B',
  'KB',
  'MB',
  'GB',
  'KiB',
  'MiB',
  'GiB',
  '%',
  'x',
];

/** How the grammar is explained in error messages. */
export const CONDITION_EXPECTED =
  "a condition 'OP NUMBER[UNIT]' (OP one of >=, <=, >, <, ==) or a band 'NUMBER[UNIT]..NUMBER[UNIT]', " +
  `UNIT one of ${CONDITION_UNITS.join(' ')} (e.g. '>= 0.95', '<= 30s', '70%..90%')`;

const CONDITION_RE = new RegExp(CONDITION_PATTERN, 'u');

/**
 * What is wrong with a condition string, as expected/found, or undefined when the engine will
 * read it as meant. Beyond the grammar: a band has one unit at both ends (the engine does not
 * convert a bare end, so "70..90%" would compare 70 with 0.9, and it orders the ends by their
 * written numbers, so "900ms..1s" would be upside down), and its low end is ≤ its high end.
 */
export function conditionProblem(text: string): { expected: string; found: string } | undefined {
  const m = CONDITION_RE.exec(text);
  if (!m) return { expected: CONDITION_EXPECTED, found: JSON.stringify(text) };
  const [, , , , low, lowUnit, high, highUnit] = m;
  if (low === undefined) return undefined;
  const show = (u: string | undefined) => (u === undefined ? 'no unit' : `'${u}'`);
  if (lowUnit !== highUnit) return { expected: 'a band with the same unit at both ends', found: `${show(lowUnit)} and ${show(highUnit)}` };
  try {
    parseCondition(text);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return { expected: 'a band whose low end is ≤ its high end', found: `${low}${lowUnit ?? ''} > ${high}${highUnit ?? ''}` };
  }
  return undefined;
}
