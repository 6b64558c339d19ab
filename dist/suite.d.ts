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
/** Setup and teardown around a task, as tinybench runs them (for warm-up and for the measured phase). */
export interface TaskOptions {
    /** Once before the task's iterations (called for warm-up and again for the measured phase). */
    beforeAll?: () => unknown;
    /** Before every iteration, outside the timed window. */
    beforeEach?: () => unknown;
    /** After every iteration, outside the timed window. */
    afterEach?: () => unknown;
    /** Once after the task's iterations. */
    afterAll?: () => unknown;
}
export interface MetricOptions {
    /** Unit as shown and compared: `ratio`, `%`, `B`, `ns`, `ops/s` or your own. Default `''`. */
    unit?: string;
    /** Which way is better. Default `bigger` (scores, accuracy, throughput). */
    direction?: 'smaller' | 'bigger';
    /** Attach the metric to this task's benchmark instead of making a benchmark of its own. */
    task?: string;
}
/**
 * What a scaling task may return (or resolve to): `units` of work the call did (overriding
 * `work`), and other numbers (accuracy, errors, …) kept per level, each level's mean per round.
 */
export type ScalingReturn = void | undefined | Record<string, number>;
export interface ScalingTaskOptions {
    /** Levels N to measure (the config's `levels` and `optimize --levels` take precedence). Default 1, 2, 3, 4, 6, … up to 2 × cores. */
    levels?: number[];
    /** Units of work one call does (default 1); throughput = units / the calls' time. The config's `work` takes precedence. */
    work?: number;
    /** Each of the N workers does `work` units, so a call does work × N (weak scaling). Default false. */
    workPerWorker?: boolean;
    /** Name of a work unit for the report (default "runs"). */
    unit?: string;
    /** Once at each level before its calls of a round, outside the timed window (start a pool of N). */
    beforeLevel?: (n: number) => unknown;
    /** Once at each level after its calls of a round (stop the pool). */
    afterLevel?: (n: number) => unknown;
}
/** A number, several samples of it, or a function (sync or async) computing either. */
export type MetricValue = number | number[] | (() => number | number[] | Promise<number | number[]>);
/** What a suite file's default export receives. */
export interface Suite {
    /** Registers a task; its latency is measured by tinybench. Names must be unique in the suite. */
    add(name: string, fn: () => unknown, options?: TaskOptions): Suite;
    /** Records a custom metric (computed after the tasks ran), e.g. accuracy or compression ratio. */
    metric(name: string, value: MetricValue, options?: MetricOptions): Suite;
    /**
     * Registers a scaling task: `fn(n)` does the work at concurrency n. Only a `scaling` entry of
     * the config sweeps it; a plain tinybench suite of the same file leaves it out.
     */
    scaling(name: string, fn: (n: number) => ScalingReturn | Promise<ScalingReturn>, options?: ScalingTaskOptions): Suite;
}
/** The default export of a suite file. It may be async (e.g. to load fixtures). */
export type SuiteFunction = (suite: Suite) => void | Promise<void>;
/** Identity helper that gives a JS or TS suite file its types: `export default defineSuite((suite) => …)`. */
export declare function defineSuite(fn: SuiteFunction): SuiteFunction;
