/**
 * The noise a synthetic sweep gets, measured on this machine's corpus
 * (research/corpus/data/corpus.jsonl.gz): the SD of log(run median) across rounds, per workload
 * and variant, and the median of those — the between-run noise one repeat of a command sweep
 * (its own process) carries.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, sampleStandardDeviation } from 'simple-statistics';
import { loadCorpus } from './corpus/load.js';
import { rng } from './corpus/simulate.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The corpus's between-run log-SD. */
export function corpusLogSd(): number {
  const corpus = loadCorpus(join(here, 'corpus', 'data', 'corpus.jsonl.gz'));
  const sds: number[] = [];
  for (const v of corpus.variants) {
    for (const w of corpus.workloads) {
      const logs = corpus.rounds.map((r) => Math.log(median(r[v]!.samples[w]!)));
      if (logs.length > 2) sds.push(sampleStandardDeviation(logs));
    }
  }
  return median(sds);
}

/** What the default log-SD is, for a script's header. */
export const CORPUS_NOISE =
  "the corpus's between-run noise: SD of log run-median across rounds, median over workloads and variants of research/corpus/data/corpus.jsonl.gz";

/**
 * What a synthetic-sweep script reads from its command line (`--trials=N`, `--log-sd=s`) and a
 * seeded standard normal (Box–Muller), so that every run prints the same figures.
 */
export function syntheticSetup(seed: number, defaultTrials: number) {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
  const logSdArg = opt('log-sd', '');
  const rand = rng(seed);
  return {
    trials: Number(opt('trials', String(defaultTrials))),
    logSd: logSdArg === '' ? corpusLogSd() : Number(logSdArg),
    /** Where the log-SD came from, for the header. */
    logSdSource: logSdArg === '' ? `(${CORPUS_NOISE})` : '(--log-sd)',
    gauss: () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()),
  };
}
