/** The config file: its types, JSON Schema, loading and validation. */
export type {
  Config,
  SuiteConfig,
  SuiteBase,
  TinybenchSuite,
  CommandSuite,
  ImportSuite,
  CompareConfig,
  SpeedupTarget,
  ThresholdConfig,
} from './types.js';
export { parseConfig, loadConfig } from './load.js';
export { suiteKind, minEffectFor, matchesBenchmark, DEFAULT_MIN_EFFECT } from './lookup.js';
export {
  parseCondition,
  meetsCondition,
  conditionProblem,
  CONDITION_UNITS,
  type Condition,
  type ConditionOp,
  type ConditionUnit,
  type Quantity,
} from './condition.js';
export { CONFIG_SCHEMA } from './schema.js';
