/**
 * The public face of a tinybench suite file. A suite file default-exports a function that
 * receives a {@link Suite} and registers tasks and metrics on it:
 *
 * ```ts
 * import type { Suite } from 'track-performance/suite';
 * export default (suite: Suite) => {
 *   suite.add('parse small', () => parse(small));
 *   suite.add('parse big', () => parse(big), { beforeEach() { big = makeBig(); } });
 *   suite.metric('accuracy', () => evaluate(model), { unit: 'ratio', direction: 'bigger' });
 * };
 * ```
 *
 * A scaling task receives the concurrency N and does its work with N at once (N promises, N
 * worker threads, a pool of N); listed under `scaling` in the config (`"tinybench": file`), it
 * is swept over the levels and fitted like a command with `{N}` (docs/optimize.md):
 *
 * ```ts
 * suite.scaling('fetch all', (n) => fetchAll(urls, { concurrency: n }), { levels: [1, 2, 4, 8, 16], work: urls.length, unit: 'pages' });
 * ```
 *
 * Each suite file runs in its own Node process; tasks run one after the other. In A/B mode the
 * base tree's copy of the file is loaded into the same process (its own module instances, its
 * own working directory) and measured task by task beside this one, unless the suite sets
 * `abSameProcess: false`: state on `globalThis` is shared between the two copies.
 *
 * Published as `track-performance/suite` (package.json `exports`): `npm run build` emits this
 * file alone with tsc (tsconfig.suite.json) to dist/suite.js and dist/suite.d.ts, so it must
 * import nothing — the declaration has to stand alone in the package.
 */
/** Identity helper that gives a JS or TS suite file its types: `export default defineSuite((suite) => …)`. */
export function defineSuite(fn) {
    return fn;
}
