/**
 * The model: the shapes every room speaks (the run file, the Report) and the small pure helpers
 * they share (errors, summaries, units and formatting, redaction). It imports no other room.
 */
export * from './run-file.js';
export * from './report.js';
export * from './shard.js';
export * from './scaling.js';
export * from './shard-cost.js';
