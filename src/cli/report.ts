import { DEFAULT_MARKER_ID, renderMarkdown } from '../comment/index.js';
import { compareFiles } from './compare.js';
import { write, type CliIO } from './io.js';

export const reportHelp = `Usage: track-performance report --baseline FILE... --current FILE... [--paired] [--config FILE]

Prints the markdown report — what the PR comment shows — for the given runs.
Takes the same options as compare; always exits 0 unless the input is bad.`;

export async function reportCommand(argv: string[], io: CliIO): Promise<number> {
  const done = await compareFiles(argv, io);
  if (!done) return write(io.stdout, reportHelp), 0;
  write(io.stdout, renderMarkdown(done.report, { markerId: DEFAULT_MARKER_ID }));
  return 0;
}
