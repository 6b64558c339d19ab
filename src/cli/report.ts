import { DEFAULT_MARKER_ID, renderMarkdown } from '../report/index.js';
import { gate } from '../compare/gate.js';
import { baselineOptionsHelp } from './baseline-args.js';
import { compareFiles } from './compare.js';
import { failOnHelp, failOnOf } from './fail-on.js';
import { write, type CliIO } from './io.js';

export const reportHelp = `Usage: track-performance report --baseline FILE... --current FILE... [--paired] [--config FILE]
       track-performance report --baseline-dir DIR [--branch NAME] --current FILE... [options]

Prints the markdown report — what the PR comment shows — for the given runs.
Takes the same options as compare, and exits as compare does: 0 when nothing failed, 1 on a
regression, a crossed alert or an errored suite, 2 on bad usage or bad input.

Options:
${baselineOptionsHelp}
  --current FILE...   current runs (repeat the flag or list several files)
  --paired            treat baseline and current runs as interleaved pairs
  --config FILE       config with minEffect, targets and thresholds (default: performance-tracker.json if present)
${failOnHelp}
  -h, --help          this help`;

export async function reportCommand(argv: string[], io: CliIO): Promise<number> {
  const done = await compareFiles(argv, io);
  if (!done) return (write(io.stdout, reportHelp), 0);
  write(io.stdout, renderMarkdown(done.report, { markerId: DEFAULT_MARKER_ID, audience: 'summary' }));
  return gate(done.report, failOnOf(done.values)).exitCode;
}
