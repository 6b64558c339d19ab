/**
 * The detail of a scaling sweep: throughput vs N (measured levels with their 95% intervals, the
 * fitted USL/Amdahl curve) and speedup vs N (with the ideal N× line), each with its table; and
 * the speedup every stored run recorded. All numbers come from the build (the compare room's
 * analysis); the page only draws them.
 */
import uPlot from 'uplot';
import { sig } from '../../model/format.js';
import type { Manifest, ManifestSweep, RunsIndex, SweepShard } from '../../report/dashboard-types.js';
import { css } from './chart.js';
import { el, table, withClass } from './dom.js';
import { loadData } from './load.js';

/** An x-is-N chart of `series` (each [x, y] points, drawn on the union of their xs). */
function nChart(
  into: HTMLElement,
  width: number,
  yLabel: string,
  series: Array<{ label: string; points: Array<[number, number]>; dash?: boolean; line?: boolean }>,
): void {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const colours = [css('--line', '#0969da'), css('--overlay', '#bc4c00'), css('--muted', '#57606a')];
  const text = css('--fg', '#111');
  const grid = css('--grid', '#8883');
  const data: uPlot.AlignedData = [xs, ...series.map((s) => xs.map((x) => s.points.find((p) => p[0] === x)?.[1] ?? null))];
  new uPlot(
    {
      width,
      height: 260,
      scales: { x: { time: false } },
      axes: [
        { stroke: text, grid: { stroke: grid }, label: 'N (concurrency)' },
        { stroke: text, grid: { stroke: grid }, size: 70, label: yLabel, values: (_u, ticks) => ticks.map((t) => sig(t)) },
      ],
      legend: { show: true },
      series: [
        { label: 'N' },
        ...series.map((s, i) => ({
          label: s.label,
          stroke: colours[i % colours.length]!,
          width: 2,
          spanGaps: true,
          ...(s.dash ? { dash: [6, 4] } : {}),
          ...(s.line === false ? { paths: () => null, points: { show: true, size: 8 } } : { points: { show: false } }),
        })),
      ],
    },
    data,
    into,
  );
}

/** Renders the sweep `w` into `into`. */
export async function renderSweep(into: HTMLElement, w: ManifestSweep, m: Manifest, runs: RunsIndex): Promise<void> {
  const s = await loadData<SweepShard>(w.shard);
  const [commit, date] = runs[m.defaultBranch]?.[s.run] ?? ['', ''];
  const width = Math.max(320, Math.min(1100, into.clientWidth || 900));
  const fit =
    s.model && s.params
      ? `${s.model.toUpperCase()} fit: σ ${sig(s.params.sigma)}, κ ${sig(s.params.kappa)}, λ ${sig(s.params.lambda)} ${s.unit}/s per worker${s.peak ? `, peak at N* ≈ ${sig(s.peak)}` : ''}`
      : `No fit: ${s.reason ?? 'too few levels'}`;
  into.append(
    el('h2', { id: 'detail-title', tabindex: '-1' }, `Scaling: ${s.suite}`),
    el('p', { class: 'suite' }, `Newest sweep ${commit.slice(0, 7)} ${date.slice(0, 10)} · ${fit}`),
    el('p', {}, s.advice),
  );
  const throughput = el('div', { class: 'plot wide sweep-throughput' });
  const speedup = el('div', { class: 'plot wide sweep-speedup' });
  into.append(throughput);
  nChart(throughput, width, `${s.unit}/s`, [
    { label: 'measured', points: s.levels.map((l) => [l.n, l.throughput]), line: false },
    { label: 'fitted', points: s.curve.map((c) => [c.n, c.throughput]) },
  ]);
  const interval = (lo: number, hi: number) => (Number.isFinite(lo) && Number.isFinite(hi) ? `[${sig(lo)}, ${sig(hi)}]` : '');
  into.append(
    withClass(
      table(
        `${s.suite}: throughput per level`,
        ['N', 'repeats', `throughput (${s.unit}/s)`, '95% interval', 'speedup', '95% interval', 'efficiency'],
        s.levels.map((l) => [
          String(l.n),
          String(l.repeats),
          sig(l.throughput),
          interval(l.interval.lo, l.interval.hi),
          `${sig(l.speedup)}×`,
          interval(l.speedupInterval.lo, l.speedupInterval.hi),
          `${Math.round(l.efficiency * 100)}%`,
        ]),
      ),
      'levels',
    ),
    speedup,
  );
  nChart(speedup, width, 'speedup', [
    { label: 'measured speedup', points: s.levels.map((l) => [l.n, l.speedup]), line: false },
    { label: 'ideal (N×)', points: s.levels.map((l) => [l.n, l.n]), dash: true },
  ]);
  const recorded = s.speedups.map((x) => {
    const [c, d] = runs[m.defaultBranch]?.[x.run] ?? ['', ''];
    return [
      c.slice(0, 7),
      d.slice(0, 10),
      String(x.at),
      `${sig(x.value)}×`,
      x.lo !== null && x.hi !== null ? `[${sig(x.lo)}, ${sig(x.hi)}]` : '',
    ];
  });
  into.append(
    withClass(
      table(`${s.suite}: speedup recorded by each run`, ['commit', 'date', 'at N', 'speedup', '95% interval'], recorded.reverse()),
      'speedups',
    ),
  );
}
