/**
 * The statistics engine's face: baseline and current run files in, a Report out (compare-runs.ts),
 * and the pieces other rooms reuse. Pure — no I/O.
 */
export { compareRuns, DEFAULT_ALPHA, DEFAULT_LOCATION, type CompareInput } from './compare-runs.js';
export { gate, verdictOf } from './gate.js';
export { studentTCdf, studentTQuantile, studentTTwoSidedP } from './student-t.js';
export { holmAdjust } from './holm.js';
export { DEFAULT_NOISE_FLOOR } from './single.js';
export { DEFAULT_MACHINE_NOISE, machineDifferences, osParts } from './machine.js';
export { pairsToDetect } from './finish.js';
export { DEFAULT_MIN_EFFECT } from '../config/index.js';
export type { LocationStatistic } from '../model/index.js';
export { compareScaling, withScalingFits } from './scaling-runs.js';
export { sweepExtra } from './scaling/index.js';
