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
  CompareConfig,
  SpeedupTarget,
  ThresholdConfig,
  TrendConfig,
} from './types.js';
export { parseConfig, loadConfig, DEFAULT_CONFIG_FILE } from './load.js';
export { suiteKind, minEffectFor, suiteMinEffects, matchesBenchmark, DEFAULT_MIN_EFFECT } from './lookup.js';
export { conditionProblem, CONDITION_UNITS } from './condition.js';
export { CONFIG_SCHEMA } from './schema.js';
