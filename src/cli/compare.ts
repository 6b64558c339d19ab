import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { importFile } from '../importers/index.js';
import { DEFAULT_MARKER_ID, renderConsole, renderMarkdown } from '../report/index.js';
import { compareRuns } from '../compare/index.js';
import { DEFAULT_CONFIG_FILE, loadConfig, type Config } from '../config/index.js';
import { engineOptions } from '../flows/track.js';
import { gate } from '../compare/gate.js';
import type { Report } from '../model/index.js';
import { baselineOptions, baselineOptionsHelp, hasBaseline, readBaselines } from './baseline-args.js';
import { parse, UsageError, write, type CliIO } from './io.js';
import { failOnHelp, failOnOf, failOnOption } from './fail-on.js';

export const compareHelp = `Usage: track-performance compare --baseline FILE... --current FILE... [options]
       track-performance compare --baseline-dir DIR [--branch NAME] --current FILE... [options]

Compares runs with the statistics engine. Files are run files or any supported foreign format
(hyperfine --export-json, Google Benchmark JSON, go test output, …); one file is one run, and a
history file (what a store keeps) is its newest runs. Several baseline runs form a history
(oldest first); with --paired, the i-th baseline and the i-th current run were measured side by
side (A/B).

Options:
${baselineOptionsHelp}
  --current FILE...   current runs (repeat the flag or list several files)
  --paired            treat baseline and current runs as interleaved pairs
  --config FILE       config with minEffect, targets and thresholds (default: performance-tracker.json if present)
  --json              print the JSON report
  --markdown          print the markdown report (as the PR comment shows it)
${failOnHelp}
  -h, --help          this help

Exit status: 0 when nothing failed, 1 on a regression, a crossed alert or an errored suite (see
docs/verdicts.md; --fail-on changes which), 2 on bad usage or bad input.`;

const options = {
  ...baselineOptions,
  current: { type: 'string', multiple: true },
  paired: { type: 'boolean' },
  config: { type: 'string' },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  ...failOnOption,
  help: { type: 'boolean', short: 'h' },
} as const;

/** Reads the files named on the command line and compares them. */
export async function compareFiles(
  argv: string[],
  io: CliIO,
): Promise<{ report: Report; values: ReturnType<typeof parse<typeof options>>['values'] } | undefined> {
  const { values } = parse(argv, options);
  if (values.help) return undefined;
  failOnOf(values); // a bad level is bad usage before any file is read
  if (!hasBaseline(values) || !values.current?.length)
    throw new UsageError('compare needs a baseline (--baseline FILE... or --baseline-dir DIR) and at least one --current FILE.');
  const cwd = io.cwd ?? process.cwd();
  const config = await optionalConfig(values.config, cwd);
  const report = compareRuns({
    baseline: await readBaselines(values, cwd),
    current: await Promise.all(values.current.map(async (f) => (await importFile(resolve(cwd, f))).run)),
    paired: values.paired ?? false,
    ...engineOptions(config),
  });
  return { report, values };
}

export async function compareCommand(argv: string[], io: CliIO): Promise<number> {
  const done = await compareFiles(argv, io);
  if (!done) return (write(io.stdout, compareHelp), 0);
  const { report, values } = done;
  if (values.json) write(io.stdout, JSON.stringify(report, null, 2));
  else if (values.markdown) write(io.stdout, renderMarkdown(report, { markerId: DEFAULT_MARKER_ID, audience: 'summary' }));
  else write(io.stdout, renderConsole(report));
  return gate(report, failOnOf(values)).exitCode;
}

/** The config named by --config, or performance-tracker.json when it exists; compare works without one. */
export async function optionalConfig(file: string | undefined, cwd: string): Promise<Config | undefined> {
  if (file) return loadConfig(resolve(cwd, file));
  const fallback = resolve(cwd, DEFAULT_CONFIG_FILE);
  return existsSync(fallback) ? loadConfig(fallback) : undefined;
}
