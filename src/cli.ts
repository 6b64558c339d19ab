import { isUserError } from './model/errors.js';
import { abCommand, abHelp } from './cli/ab.js';
import { baselineCommand, baselineHelp } from './cli/baseline.js';
import { benchmarkCommand, benchmarkHelp } from './cli/benchmark.js';
import { compareCommand, compareHelp } from './cli/compare.js';
import { dashboardCommand, dashboardHelp } from './cli/dashboard.js';
import { importCommand, importHelp } from './cli/import.js';
import { mergeCommand, mergeHelp } from './cli/merge.js';
import { optimizeCommand, optimizeHelp } from './cli/optimize.js';
import { UsageError, write, type CliIO } from './cli/io.js';
import { reportCommand, reportHelp } from './cli/report.js';
import { trendCommand, trendHelp } from './cli/trend.js';

const verbs: Record<string, { run: (argv: string[], io: CliIO) => Promise<number>; help: string; summary: string }> = {
  benchmark: { run: benchmarkCommand, help: benchmarkHelp, summary: 'run the suites and write a run file' },
  compare: { run: compareCommand, help: compareHelp, summary: 'compare runs and give a verdict' },
  ab: { run: abCommand, help: abHelp, summary: 'measure a base commit and this tree interleaved (A/B)' },
  baseline: { run: baselineCommand, help: baselineHelp, summary: 'save or show baselines in a local store' },
  report: { run: reportCommand, help: reportHelp, summary: 'print the markdown report (the PR comment)' },
  merge: { run: mergeCommand, help: mergeHelp, summary: "merge sharded jobs' run files into one run file" },
  import: { run: importCommand, help: importHelp, summary: "convert another tool's output to a run file" },
  optimize: { run: optimizeCommand, help: optimizeHelp, summary: 'sweep concurrency levels and fit the scalability law' },
  trend: { run: trendCommand, help: trendHelp, summary: 'change points, drift and forecasts of a branch history' },
  dashboard: { run: dashboardCommand, help: dashboardHelp, summary: 'build the static dashboard site from the stored histories' },
};

export const mainHelp = `Usage: track-performance <command> [options]

Commands:
${Object.entries(verbs)
  .map(([name, v]) => `  ${name.padEnd(10)} ${v.summary}`)
  .join('\n')}

Run 'track-performance <command> --help' for a command's options.`;

/** The CLI: returns the exit code (0 ok, 1 failing verdict or failed run, 2 bad usage or input). */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help') return (write(io.stdout, mainHelp), verb ? 0 : 2);
  const command = verbs[verb];
  if (!command) return (write(io.stderr, `Unknown command '${verb}'.\n\n${mainHelp}`), 2);
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) return (write(io.stderr, `Error: ${e.message}\n\n${command.help}`), 2);
    if (isUserError(e)) return (write(io.stderr, `Error: ${e.message}`), 2);
    throw e;
  }
}
