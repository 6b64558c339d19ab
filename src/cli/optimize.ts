import { resolve } from 'node:path';
import { machineInfo } from '../bench/machine.js';
import { sweepRecord, sweepSuite, type ScalingSweep } from '../bench/scaling.js';
import { analyseScaling, sweepExtra, type ScalingAnalysis } from '../compare/scaling/index.js';
import { checkScalingTargets } from '../compare/scaling-targets.js';
import { checkQuality, levelValues } from '../compare/scaling-quality.js';
import type { LevelValues, TargetResult } from '../model/index.js';
import { DEFAULT_CONFIG_FILE, loadConfig, type ScalingSuite } from '../config/index.js';
import { ConfigError } from '../model/errors.js';
import { streamLogger } from '../model/logger.js';
import { progressLogger } from '../flows/progress.js';
import { parse, UsageError, write, type CliIO } from './io.js';
import { renderMarkdown, renderText } from '../report/scaling.js';

export const optimizeHelp = `Usage: track-performance optimize [options]

Runs the config's scaling suites (a command with {N} in it, or a tinybench scaling task called
with N, at each concurrency level N, the
repeats interleaved across levels), fits Gunther's Universal Scalability Law and Amdahl's law,
and prints per level the throughput with its interval, the speedup and the efficiency; the fit
(σ contention, κ coherency, the peak N*), advice in words and a chart. See docs/optimize.md.

Options:
  --config FILE    the config (default: performance-tracker.json)
  --suite NAME     run only this scaling suite (repeatable)
  --levels LIST    concurrency levels, e.g. 1,2,4,8,16 (default: the suite's, else 1, 2, 3, 4, 6, … up to 2 × cores)
  --repeats N      timed runs per level (default: the suite's, else 3)
  --json           print the measurements and the analysis as JSON
  --markdown       print markdown (for a job summary or a comment)
  -h, --help       this help

Exit code: 0 when every level ran (with or without a fit; the reason is printed), 1 when a level
failed or a target's min was missed, 2 on bad usage or config.`;

/** A sweep and its analysis: what --json prints per suite. */
export interface OptimizeResult extends ScalingSweep {
  machine: ReturnType<typeof machineInfo>;
  analysis: ScalingAnalysis;
  targets: TargetResult[];
  /** The other numbers the runs reported, each level's mean. */
  quality: LevelValues;
}

export async function optimizeCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parse(argv, {
    config: { type: 'string', default: DEFAULT_CONFIG_FILE },
    suite: { type: 'string', multiple: true },
    levels: { type: 'string' },
    repeats: { type: 'string' },
    json: { type: 'boolean' },
    markdown: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (write(io.stdout, optimizeHelp), 0);
  if (values.json && values.markdown) throw new UsageError('--json and --markdown exclude each other.');
  const levelsArg = values.levels === undefined ? undefined : parseLevels(values.levels);
  const repeats = values.repeats === undefined ? undefined : parseCount(values.repeats, '--repeats');
  const cwd = io.cwd ?? process.cwd();
  const file = resolve(cwd, values.config);
  const config = await loadConfig(file);
  const suites = selectScaling(config.scaling ?? [], values.suite, file);
  const machine = machineInfo();
  const log = progressLogger(streamLogger(io.stderr));
  const results: OptimizeResult[] = [];
  /** Suites that could not run at all (a broken tinybench file); already logged to stderr. */
  const failedSuites: string[] = [];
  for (const s of suites) {
    const suite = repeats === undefined ? s : { ...s, repeats };
    const sweep = await sweepSuite(
      suite,
      { cwd, emit: log },
      { cores: machine.cores, ...(levelsArg && { levels: levelsArg }), extra: (l) => sweepExtra(suite, l) },
    );
    if (!('levels' in sweep)) {
      failedSuites.push(sweep.message);
      continue;
    }
    const record = sweepRecord(sweep);
    const analysis = analyseScaling(record.levels, {
      ...(suite.efficiencyFloor !== undefined && { efficiencyFloor: suite.efficiencyFloor }),
    });
    const targets = [
      ...(suite.targets ? checkScalingTargets(suite.name, suite.targets, analysis) : []),
      ...checkQuality(suite.name, suite.quality ?? [], record),
    ];
    results.push({ ...sweep, machine, analysis, targets, quality: levelValues(record) });
  }
  if (values.json) write(io.stdout, JSON.stringify(results, null, 2));
  else {
    const render = values.markdown ? renderMarkdown : renderText;
    write(
      io.stdout,
      results
        .map((r) =>
          render({ suite: r.suite, command: r.command, unit: r.unit, analysis: r.analysis, targets: r.targets, quality: r.quality }),
        )
        .join('\n\n'),
    );
  }
  return failedSuites.length > 0 || results.some((r) => r.analysis.failed.length > 0 || r.targets.some((t) => t.status === 'failure'))
    ? 1
    : 0;
}

function parseLevels(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  const levels = parts.map(Number);
  const bad = parts.find((p, i) => !/^\d+$/.test(p) || levels[i]! < 1);
  if (bad !== undefined)
    throw new UsageError(`--levels: ${JSON.stringify(bad)} is not a whole number ≥ 1; expected a list such as 1,2,4,8,16.`);
  if (new Set(levels).size !== levels.length) throw new UsageError(`--levels: ${text} repeats a level; list each N once.`);
  return levels;
}

function parseCount(text: string, flag: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`${flag}: ${JSON.stringify(text)} is not a whole number ≥ 1.`);
  return Number(text);
}

/** The scaling suites to run; a ConfigError when there are none, a name repeats, or --suite names an unknown one. */
function selectScaling(all: readonly ScalingSuite[], only: readonly string[] | undefined, file: string): ScalingSuite[] {
  if (all.length === 0) {
    throw new ConfigError(
      `${file}: no "scaling" suites to run; add one, e.g. "scaling": [{ "name": "crawl", "command": "node crawl.js --concurrency {N}", "levels": [1, 2, 4, 8, 16, 32] }] (see docs/optimize.md)`,
      file,
    );
  }
  const names = all.map((s) => s.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined)
    throw new ConfigError(`${file}: two scaling suites are named ${JSON.stringify(twice)}; give each a unique name`, file);
  if (!only) return [...all];
  const unknown = only.filter((n) => !names.includes(n));
  if (unknown.length > 0) {
    throw new ConfigError(
      `${file}: no scaling suite named ${unknown.map((n) => JSON.stringify(n)).join(', ')}; its scaling suites are ${names.map((n) => JSON.stringify(n)).join(', ')}`,
      file,
    );
  }
  return all.filter((s) => only.includes(s.name));
}
