import { resolve } from 'node:path';
import { importFile } from '../importers/index.js';
import { createStore } from '../store/index.js';
import { runTable } from './run-table.js';
import { parse, UsageError, write, type CliIO } from './io.js';

export const baselineHelp = `Usage: track-performance baseline save FILE [options]
       track-performance baseline show [options]

Keeps baselines in a local directory store (the same layout the action uses).
  save FILE   record a run file (or any supported foreign format) as the newest baseline
  show        print the stored baseline runs of a branch

Options:
  --dir DIR        the store directory (default: .track-performance/baseline)
  --branch NAME    the branch the runs belong to (default: main)
  --json           show: print the runs as JSON
  -h, --help       this help`;

export async function baselineCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      dir: { type: 'string', default: '.track-performance/baseline' },
      branch: { type: 'string', default: 'main' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) return (write(io.stdout, baselineHelp), 0);
  const cwd = io.cwd ?? process.cwd();
  const store = createStore({ kind: 'directory', dir: resolve(cwd, values.dir) });
  const [action, file, ...rest] = positionals;
  if (rest.length) throw new UsageError(`unexpected argument '${rest[0]}'.`);
  if (action === 'save') {
    if (!file) throw new UsageError('baseline save needs the FILE of a run.');
    const { run, format } = await importFile(resolve(cwd, file));
    await store.save(run, values.branch);
    write(
      io.stderr,
      `Recorded ${run.benchmarks.length} benchmarks (${format}) as the baseline of ${values.branch} in ${store.describe()}.`,
    );
    return 0;
  }
  if (action === 'show') {
    if (file) throw new UsageError(`baseline show takes no FILE; found '${file}'.`);
    const runs = await store.load(values.branch);
    if (!runs?.length) return (write(io.stderr, `No baseline stored for ${values.branch} in ${store.describe()}.`), 0);
    if (values.json) write(io.stdout, JSON.stringify(runs, null, 2));
    else for (const r of runs) write(io.stdout, `${r.timestamp}  ${r.commit ?? ''}\n${runTable(r)}\n`);
    return 0;
  }
  throw new UsageError(action ? `unknown action '${action}': expected save or show.` : 'baseline needs an action: save or show.');
}
