import { resolve } from 'node:path';
import { importFile } from '../importers/index.js';
import { parse, UsageError, write, type CliIO } from './io.js';

export const importHelp = `Usage: track-performance import FILE [--format F] [--suite NAME]

Reads another tool's output and prints it as a track-performance run file (JSON). The format is
detected from the content unless --format names it; the chosen format goes to stderr.

Options:
  --format F     force a format (see the README for the list)
  --suite NAME   suite name for the benchmarks (default: the tool's grouping or the format)
  -h, --help     this help`;

export async function importCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { format: { type: 'string' }, suite: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (values.help) return (write(io.stdout, importHelp), 0);
  if (positionals.length !== 1) throw new UsageError('import needs exactly one FILE.');
  const { run, format } = await importFile(resolve(io.cwd ?? process.cwd(), positionals[0]!), {
    format: values.format,
    suite: values.suite,
  });
  write(io.stderr, `Format: ${format}; ${run.benchmarks.length} benchmarks.`);
  write(io.stdout, JSON.stringify(run, null, 2));
  return 0;
}
