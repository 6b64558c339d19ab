import { join } from 'node:path';
import { runCli } from '../../src/cli.js';
import { sink } from './git-repo.js';

/** What one `ab` run gave: exit code, the JSON report as parsed (and its benchmarks by name), stderr. */
export interface AbRun {
  code: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report's JSON, asserted on field by field
  report: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  byName: Record<string, any>;
  stderr: string;
}

/**
 * Runs `track-performance ab --base HEAD~1 [args] --json --out REPO/.out` in `repo` through the
 * CLI's entry point, with stdout and stderr captured and the report parsed.
 */
export async function runAbJson(repo: string, args: string[]): Promise<AbRun> {
  const stdout = sink();
  const stderr = sink();
  const code = await runCli(['ab', '--base', 'HEAD~1', ...args, '--json', '--out', join(repo, '.out')], { stdout, stderr, cwd: repo });
  const report = JSON.parse(stdout.text());
  return { code, report, byName: Object.fromEntries(report.benchmarks.map((b: { name: string }) => [b.name, b])), stderr: stderr.text() };
}
