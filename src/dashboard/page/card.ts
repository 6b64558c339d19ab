/**
 * One benchmark's card in the list: its name (as text), last value and status at once; its
 * chart, a Δ% badge against the overlaid branch, and a table of every point when the card
 * scrolls into view (the shard is loaded then).
 */
import type uPlot from 'uplot';
import { formatChange, formatValue } from '../../model/format.js';
import type { Manifest, ManifestBenchmark, RunsIndex, Shard } from '../../report/dashboard-types.js';
import { drawChart } from './chart.js';
import { el, table } from './dom.js';
import { loadData } from './load.js';
import { commitsLine, comparedPoints } from './commits-view.js';
import { branchDelta, points, runsOf, type Point } from './series.js';
import type { ViewState } from './state.js';

export interface CardContext {
  manifest: Manifest;
  state: ViewState;
  runs: () => Promise<RunsIndex>;
  /** Opens the benchmark's detail. */
  open: (id: string) => void;
}

/** What a drawn card needs to be torn down. */
export interface Card {
  root: HTMLElement;
  draw: () => Promise<void>;
  destroy: () => void;
}

export const STATUS_TEXT = { regression: 'regressed', improvement: 'improved', unchanged: '' } as const;
const CHECK_TEXT = { warning: 'target missed', failure: 'alert crossed' } as const;

/** The card of benchmark `b`; nothing is loaded until `draw`. */
export function makeCard(b: ManifestBenchmark, ctx: CardContext, size: { width: number; height: number }): Card {
  const m = ctx.manifest;
  const unit = ctx.state.metric ? undefined : b.unit;
  const status = STATUS_TEXT[b.status];
  const badge = el('span', { class: 'delta', hidden: true });
  const hover = el('p', { class: 'hover', 'aria-live': 'polite' });
  const commits = el('p', { class: 'commits', hidden: true });
  const plot = el('div', { class: 'plot', style: `height:${size.height}px` }, el('span', { class: 'loading' }, 'loading…'));
  const tableBox = el('details', { class: 'points' }, el('summary', {}, 'Table'));
  const detail = el('button', { type: 'button', class: 'open' }, 'Detail');
  detail.addEventListener('click', () => ctx.open(b.id));
  const root = el(
    'article',
    { class: `card ${b.status}`, 'data-id': b.id },
    el(
      'header',
      {},
      el('h3', {}, b.name),
      el('span', { class: 'suite' }, m.suites[b.suite] ?? ''),
      b.last !== undefined && !ctx.state.metric ? el('span', { class: 'last' }, formatValue(b.last, unit)) : null,
      status ? el('span', { class: `status ${b.status}` }, `${status} ${formatChange(b.change ?? 0)}`) : null,
      b.check ? el('span', { class: `check ${b.check}` }, CHECK_TEXT[b.check]) : null,
      badge,
      detail,
    ),
    plot,
    hover,
    commits,
    tableBox,
  );
  let chart: uPlot | undefined;
  let drawn = false;
  return {
    root,
    async draw() {
      if (drawn) return;
      drawn = true;
      const [shard, runs] = await Promise.all([loadData<Shard>(b.shard), ctx.runs()]);
      const { main, overlay, changes } = chartPoints(shard, runs, m, ctx.state);
      plot.textContent = '';
      if (main.length === 0) return void plot.append(el('span', { class: 'empty' }, `No run of ${m.defaultBranch} has it.`));
      const metricUnit = ctx.state.metric ? (shard.branches[m.defaultBranch]?.metrics[ctx.state.metric]?.unit ?? '') : b.unit;
      const width = plot.clientWidth || size.width;
      chart = drawChart(plot, {
        main,
        overlay,
        changes,
        unit: metricUnit,
        log: ctx.state.log,
        width,
        height: size.height,
        commitUrl: m.commitUrl,
        hover,
      });
      if (overlay) {
        const d = branchDelta(main, overlay.points);
        if (d !== null) {
          badge.hidden = false;
          badge.textContent = `${overlay.branch} ${formatChange(d)}`;
        }
      }
      const compared = comparedPoints(shard, runs, ctx.state, m.defaultBranch);
      if (compared) {
        commits.hidden = false;
        commits.textContent = commitsLine(compared, ctx.state, b.unit);
      }
      tableBox.append(pointsTable(b.name, main, metricUnit));
    },
    destroy: () => chart?.destroy(),
  };
}

/** The points charted for the state: the default branch's, and the overlaid branch's. */
export function chartPoints(shard: Shard, runs: RunsIndex, m: Manifest, s: ViewState) {
  const home = shard.branches[m.defaultBranch];
  const main = home ? points(home, runsOf(runs, m.defaultBranch), s.metric) : [];
  const other = s.branch && s.branch !== m.defaultBranch ? shard.branches[s.branch] : undefined;
  const overlay = other ? { branch: s.branch, points: points(other, runsOf(runs, s.branch), s.metric) } : undefined;
  const changes = home && !s.metric ? home.cp.map((c) => ({ at: c.at, verdict: c.verdict })) : [];
  return { main, overlay, changes };
}

/** Every point as a table row: the chart's text equivalent. */
export function pointsTable(name: string, ps: Point[], unit: string): HTMLTableElement {
  return table(
    `${name}: every run`,
    ['date', 'commit', 'value', '95% interval', 'change'],
    ps
      .slice()
      .reverse()
      .map((p) => [
        p.date.slice(0, 16).replace('T', ' '),
        p.commit.slice(0, 7),
        formatValue(p.value, unit) + (p.anomaly ? ' (anomaly)' : ''),
        p.lo !== null && p.hi !== null ? `${formatValue(p.lo, unit)} – ${formatValue(p.hi, unit)}` : '',
        p.change === null ? '' : formatChange(p.change),
      ]),
  );
}
