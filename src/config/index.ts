/** The config file: its types, JSON Schema, loading and validation. */
export type {
  Config,
  SuiteConfig,
  SuiteBase,
  TinybenchSuite,
  CommandSuite,
  ImportSuite,
  ScalingSuite,
  ScalingTargets,
  ScalingQuality,
  CompareConfig,
  SpeedupTarget,
  ThresholdConfig,
  TrendConfig,
  NotifyConfig,
  NotifyChannel,
  NotifyEvent,
  NotifyLevel,
} from './types.js';
export { parseConfig, loadConfig, DEFAULT_CONFIG_FILE } from './load.js';
export { suiteKind, suiteMinEffects, resolveMinEffect, matchesGlob, DEFAULT_MIN_EFFECT, type SuiteKind } from './min-effect.js';
export { parseCondition, CONDITION_PATTERN, type Condition, type ConditionUnit } from './condition-grammar.js';
export { conditionProblem, CONDITION_UNITS } from './condition.js';
export { CONFIG_SCHEMA } from './schema.js';
