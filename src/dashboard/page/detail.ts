/**
 * The detail of one benchmark: a wide chart, its change points with their commits and intervals,
 * its drift, forecasts and checked thresholds, the newest run's statistics and extra metrics, and
 * the distribution of the newest kept raw samples.
 */
import { formatChange, formatInterval, formatValue } from '../../model/format.js';
import type { Manifest, ManifestBenchmark, RunsIndex, Shard } from '../../report/dashboard-types.js';
import { drawChart } from './chart.js';
import { chartPoints, pointsTable } from './card.js';
import { el, table, withClass } from './dom.js';
import { loadData } from './load.js';
import type { ViewState } from './state.js';
import { checksView, driftView, forecastsView } from './trends-view.js';
import { commitsTable, comparedPoints } from './commits-view.js';

const BINS = 12;

/** Renders the detail of `b` into `into`. */
export async function renderDetail(into: HTMLElement, b: ManifestBenchmark, m: Manifest, s: ViewState, runs: RunsIndex): Promise<void> {
  const shard = await loadData<Shard>(b.shard);
  const home = shard.branches[m.defaultBranch];
  const { main, overlay, changes } = chartPoints(shard, runs, m, { ...s, metric: '' });
  const hover = el('p', { class: 'hover', 'aria-live': 'polite' });
  const plot = el('div', { class: 'plot wide' });
  into.append(
    el('h2', { id: 'detail-title', tabindex: '-1' }, b.name),
    el('p', { class: 'suite' }, `${m.suites[b.suite] ?? ''} · ${b.id} · ${b.direction} is better`),
    plot,
    hover,
  );
  if (main.length) {
    const width = Math.max(320, Math.min(1100, into.clientWidth || 900));
    drawChart(plot, { main, overlay, changes, unit: b.unit, log: s.log, width, height: 320, commitUrl: m.commitUrl, hover });
  } else plot.append(el('span', { class: 'empty' }, `No run of ${m.defaultBranch} has it.`));

  const compared = comparedPoints(shard, runs, s, m.defaultBranch);
  if (compared) into.append(commitsTable(compared, s, b.unit));

  const cps = home?.cp ?? [];
  into.append(
    withClass(
      table(
        'Change points (default branch)',
        ['first run after', 'date', 'change', '95% interval', 'verdict'],
        cps.map((c) => {
          const p = main[c.at];
          return [p?.commit.slice(0, 7) ?? '', p?.date.slice(0, 10) ?? '', formatChange(c.change), formatInterval(c.ci), c.verdict];
        }),
      ),
      'changes',
    ),
  );
  if (cps.length === 0) into.append(el('p', {}, 'No change point found.'));
  const checked = m.overview.checks?.run;
  into.append(
    driftView(home),
    forecastsView(home, b.unit),
    checksView(shard.checks, m.overview.checks !== undefined, checked ? `${checked[0].slice(0, 7)} ${checked[1].slice(0, 10)}` : ''),
  );

  const stats = home?.stats ?? {};
  const rows = Object.entries(stats).map(([k, v]) => [k, k === 'n' ? String(v) : formatValue(v, b.unit)]);
  for (const [name, ms] of Object.entries(home?.metrics ?? {})) {
    const v = ms.v.at(-1);
    if (v !== null && v !== undefined) rows.push([name, `${formatValue(v, ms.unit)} (${ms.direction} is better)`]);
  }
  into.append(withClass(table('Newest run: statistics and metrics', ['metric', 'value'], rows), 'stats'));

  const samples = home?.samples;
  if (samples) {
    const p = main[samples.at];
    into.append(
      histogram(
        samples.values,
        b.unit,
        `Samples of the newest run that kept them (${p?.commit.slice(0, 7) ?? ''} ${p?.date.slice(0, 10) ?? ''})`,
      ),
    );
  } else into.append(el('p', {}, 'No raw samples kept (retention summarized every run, or the tool gave none).'));
  into.append(el('details', { class: 'points' }, el('summary', {}, 'Table of every run'), pointsTable(b.name, main, b.unit)));
}

/** The samples' distribution as horizontal bars, with the counts as text. */
function histogram(values: number[], unit: string, caption: string): HTMLElement {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const width = (hi - lo) / BINS || 1;
  const counts = new Array<number>(BINS).fill(0);
  for (const v of values) counts[Math.min(BINS - 1, Math.floor((v - lo) / width))]!++;
  const most = Math.max(...counts);
  return el(
    'figure',
    { class: 'histogram' },
    el('figcaption', {}, `${caption}: ${values.length} samples`),
    ...counts.map((n, i) =>
      el(
        'div',
        { class: 'bin' },
        el('span', { class: 'range' }, `${formatValue(lo + i * width, unit)} – ${formatValue(lo + (i + 1) * width, unit)}`),
        el('span', { class: 'bar', style: `width:${(100 * n) / most}%` }),
        el('span', { class: 'count' }, String(n)),
      ),
    ),
  );
}
