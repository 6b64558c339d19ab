/** `--fail-on`: the verbs that judge a report fail at the level the action's `fail-on` input names. */
import { FAIL_ON_LEVELS, type FailOn } from '../compare/gate.js';
import { UsageError } from '../model/errors.js';

export const failOnOption = { 'fail-on': { type: 'string' } } as const;

export const failOnHelp = `  --fail-on LEVEL     exit 1 on: regression (default: also a crossed alert or an errored suite), warning (also a missed target), never`;

/** The level `--fail-on` names; `regression` when absent. */
export function failOnOf(values: { 'fail-on'?: string | undefined }): FailOn {
  const v = values['fail-on'];
  if (v === undefined) return 'regression';
  if ((FAIL_ON_LEVELS as readonly string[]).includes(v)) return v as FailOn;
  throw new UsageError(`--fail-on must be one of ${FAIL_ON_LEVELS.join(', ')}; found '${v}'.`);
}
