/** Scalability of a concurrency sweep: per-level throughput, the USL and Amdahl fits, advice. */
export {
  analyseScaling,
  DEFAULT_EFFICIENCY_FLOOR,
  MIN_LEVELS,
  WARN_LEVELS,
  type Peak,
  type ScalingAnalysis,
  type ScalingFit,
  type ScalingOptions,
} from './analyse.js';
export { adviceFor, nearPeak } from './advice.js';
export { DEFAULT_KNEE_LEVELS, KNEE_HORIZON, kneeLevels, sweepExtra } from './knee-levels.js';
export { kneeOf, pooledLogSd, summarizeLevels, type LevelMeasurements, type LevelSummary } from './levels.js';
export { fitModel, uslThroughput, type Interval, type ModelFit, type ScalingPoint, type UslParams } from './usl.js';
