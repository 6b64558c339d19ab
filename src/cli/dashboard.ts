import { nodeChildProcess } from '../model/node-lazy.js';
import { join, resolve } from 'node:path';
import { buildSite, writeSite } from '../dashboard/index.js';
import { importFile } from '../importers/index.js';
import { directoryHistories, emptyHistory, insertRun } from '../store/index.js';
import { parse, UsageError, write, type CliIO } from './io.js';
import { dashboardSettings } from '../flows/baseline-source.js';
import { optionalConfig } from './compare.js';

export const dashboardHelp = `Usage: track-performance dashboard [--dir DIR | --baseline FILE...] [options]

Builds the static dashboard (the site the action publishes on the gh-pages branch) from every
branch history of a directory store, or from run files. Open index.html in a browser: it works
from the file system, with no server.

Options:
  --dir DIR          a directory store (default: .track-performance/baseline)
  --baseline FILE    run files instead of a store (repeat), recorded as the --branch history
  --branch NAME      the default branch, drawn first and used for the overview (default: main)
  --out DIR          where the site is written (default: .track-performance/dashboard);
                     its data/ folder is replaced, nothing else in it is removed
  --config FILE      its targets and thresholds are checked on the newest run, its budgets
                     forecast (default: performance-tracker.json when there is one)
  --repository O/R   link commits to https://github.com/O/R/commit/… (default: GITHUB_REPOSITORY)
  --open             open the site in the default browser
  -h, --help         this help`;

export async function dashboardCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parse(argv, {
    dir: { type: 'string' },
    baseline: { type: 'string', multiple: true },
    branch: { type: 'string', default: 'main' },
    out: { type: 'string', default: '.track-performance/dashboard' },
    repository: { type: 'string' },
    config: { type: 'string' },
    open: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (write(io.stdout, dashboardHelp), 0);
  if (values.dir && values.baseline?.length) throw new UsageError('give either --dir or --baseline, not both.');
  const repo = values.repository ?? (process.env.GITHUB_REPOSITORY || undefined);
  if (repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new UsageError(`--repository must be OWNER/REPO; found '${repo}'.`);
  const cwd = io.cwd ?? process.cwd();
  let histories;
  if (values.baseline?.length) {
    const doc = emptyHistory(values.branch);
    for (const f of values.baseline) insertRun(doc, (await importFile(resolve(cwd, f))).run);
    histories = [doc];
  } else {
    const dir = resolve(cwd, values.dir ?? '.track-performance/baseline');
    histories = await directoryHistories(dir, (m) => write(io.stderr, `warning: ${m}`));
    if (!histories.length) write(io.stderr, `No history stored in ${dir}: the dashboard is empty.`);
  }
  const config = await optionalConfig(values.config, cwd);
  const files = await buildSite({
    histories,
    ...(config && dashboardSettings(config)),
    defaultBranch: values.branch,
    generated: new Date().toISOString(),
    ...(repo ? { repository: { serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com', name: repo } } : {}),
  });
  const out = resolve(cwd, values.out);
  await writeSite(out, files);
  const index = join(out, 'index.html');
  const benchmarks = new Set(histories.flatMap((h) => Object.keys(h.benchmarks))).size;
  write(io.stdout, `Dashboard of ${benchmarks} benchmark(s) on ${histories.length} branch(es) written to ${index} (${files.size} files).`);
  if (values.open) openInBrowser(index, io);
  return 0;
}

/** The platform's opener, detached; a missing one is a note, not a failure. */
function openInBrowser(file: string, io: CliIO): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [file]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', file]]
        : ['xdg-open', [file]];
  const child = nodeChildProcess().spawn(cmd, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () => write(io.stderr, `Could not start ${cmd}: open ${file} in a browser.`));
  child.unref();
}
