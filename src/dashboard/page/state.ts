/**
 * The page's view state (search, filters, toggles, the open benchmark) and its one home, the URL
 * fragment, so every view is a permalink. Pure: the page and the tests call the same functions.
 */
import { matchesGlob } from '../../config/min-effect.js';
import { DASHBOARD_BENCH_PARAM, type Manifest, type ManifestBenchmark } from '../../report/dashboard-types.js';

export interface ViewState {
  /** Name search: a substring, or a glob with `*` (both case-insensitive), against the id. */
  q: string;
  suite: string;
  /** An extra metric to chart instead of the primary one ('' = primary). */
  metric: string;
  /** A branch drawn over the default branch ('' = none). */
  branch: string;
  regressed: boolean;
  log: boolean;
  /** Benchmark id whose detail is open ('' = the list). */
  bench: string;
  /** Two commits compared (sha or a prefix of 7 or more; '' = none): the change between their values. */
  from: string;
  to: string;
  /** Scaling suite whose sweep is open ('' = none). */
  sweep: string;
}

export const EMPTY_STATE: ViewState = {
  q: '',
  suite: '',
  metric: '',
  branch: '',
  regressed: false,
  log: false,
  bench: '',
  from: '',
  to: '',
  sweep: '',
};

/** The state a fragment (`#q=parse&regressed=1`) names; unknown keys are ignored. */
export function parseState(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  return {
    q: p.get('q') ?? '',
    suite: p.get('suite') ?? '',
    metric: p.get('metric') ?? '',
    branch: p.get('branch') ?? '',
    regressed: p.get('regressed') === '1',
    log: p.get('log') === '1',
    bench: p.get(DASHBOARD_BENCH_PARAM) ?? '',
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    sweep: p.get('sweep') ?? '',
  };
}

/** The fragment of a state, defaults left out ('' for the default view). */
export function stateHash(s: ViewState): string {
  const p = new URLSearchParams();
  for (const k of ['q', 'suite', 'metric', 'branch'] as const) if (s[k]) p.set(k, s[k]);
  if (s.bench) p.set(DASHBOARD_BENCH_PARAM, s.bench);
  for (const k of ['from', 'to', 'sweep'] as const) if (s[k]) p.set(k, s[k]);
  if (s.regressed) p.set('regressed', '1');
  if (s.log) p.set('log', '1');
  const text = p.toString();
  return text ? `#${text}` : '';
}

/** Whether a benchmark passes the name search and the filters. */
export function matches(b: ManifestBenchmark, m: Manifest, s: ViewState): boolean {
  if (s.suite && m.suites[b.suite] !== s.suite) return false;
  if (s.regressed && b.status !== 'regression') return false;
  if (s.metric && !b.metrics.some((i) => m.metrics[i] === s.metric)) return false;
  if (s.branch && !b.branches.some((i) => m.branches[i]?.name === s.branch)) return false;
  if (!s.q) return true;
  const q = s.q.toLowerCase();
  const id = b.id.toLowerCase();
  return q.includes('*') ? matchesGlob(q, id) : id.includes(q);
}

/** Indexes of the matching benchmarks, grouped by suite (suites in name order, then ids). */
export function visible(m: Manifest, s: ViewState): number[] {
  const out: number[] = [];
  m.benchmarks.forEach((b, i) => {
    if (matches(b, m, s)) out.push(i);
  });
  const key = (i: number) => m.suites[m.benchmarks[i]!.suite]!;
  return out.sort((a, b) => cmp(key(a), key(b)) || cmp(m.benchmarks[a]!.id, m.benchmarks[b]!.id));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
