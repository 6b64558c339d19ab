/**
 * One concurrent writer, run as its own process by the store tests:
 * `node --import tsx store-writer.ts directory <dir> <i>` or `… gh-pages <repoDir> <i>`.
 * Saves one run with commit `writer-<i>` to branch `main`; exits 1 with the error on stderr.
 */
import { createStore } from '../../src/store/index.js';
import { at, makeRun } from './make-run.js';

const [kind, where, i] = process.argv.slice(2);
const store =
  kind === 'gh-pages'
    ? createStore({ kind: 'gh-pages', repoDir: where!, token: 'writer-token' })
    : createStore({ kind: 'directory', dir: where! });
try {
  await store.save(makeRun(`writer-${i}`, at(Number(i))), 'main');
} catch (e) {
  process.stderr.write(`${String(e)}\n`);
  process.exitCode = 1;
}
