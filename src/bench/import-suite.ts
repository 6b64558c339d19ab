import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BenchError } from '../model/errors.js';
import type { ImportSuite } from '../config/types.js';
import { importFile } from '../importers/index.js';
import { describeExit, runShell } from './process.js';
import { describeStderr } from './tail.js';
import { quote, type RunnerContext, type SuiteOutcome } from './types.js';

/**
 * Runs the suite's optional `run` command (shell, in the project root), then reads the file it
 * names with the importers. A failing command or a missing file is a BenchError naming it.
 */
export async function runImportSuite(suite: ImportSuite, ctx: RunnerContext): Promise<SuiteOutcome> {
  if (suite.run) {
    ctx.emit({ type: 'info', suite: suite.name, message: `Running ${suite.run}` });
    const o = await runShell(suite.run, ctx.cwd);
    if (o.code !== 0) {
      throw new BenchError(
        `Suite ${quote(suite.name)}: its run command ${quote(suite.run)} ${describeExit(o)}.${describeStderr(o.stderrTail)}`,
        suite.name,
      );
    }
  }
  const file = resolve(ctx.cwd, suite.import);
  try {
    await access(file);
  } catch {
    const made = suite.run ? ` (its run command ${quote(suite.run)} did not create it)` : '';
    throw new BenchError(
      `Suite ${quote(suite.name)}: import file ${quote(suite.import)} not found at ${file}${made}. Check "import" in the config.`,
      suite.name,
    );
  }
  const { run, format } = await importFile(file, { format: suite.format, suite: suite.name });
  ctx.emit({ type: 'info', suite: suite.name, message: `Read ${suite.import} as ${format}.` });
  for (const benchmark of run.benchmarks) {
    ctx.emit({ type: 'task-done', suite: suite.name, task: benchmark.name, benchmark });
  }
  return { benchmarks: run.benchmarks, errors: run.errors ?? [] };
}
