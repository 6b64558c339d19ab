/**
 * One benchmark's chart (uPlot): the location per run with its interval as a band, change points
 * as vertical lines, anomalies as marked points, an optional second branch drawn over it, a log
 * scale, drag to zoom (double-click resets), hover shows commit, date, value and change, and a
 * click opens the commit.
 */
import uPlot from 'uplot';
import { formatChange, formatValue } from '../../model/format.js';
import type { BaseUnit } from '../../model/run-file.js';
import type { Point } from './series.js';

export interface ChartInput {
  main: Point[];
  overlay?: { branch: string; points: Point[] };
  /** Indexes into `main` of the first run after each change point. */
  changes: Array<{ at: number; verdict: 'regression' | 'improvement' }>;
  unit: BaseUnit;
  log: boolean;
  width: number;
  height: number;
  commitUrl?: string;
  /** Where the hover text goes (a live region beside the chart). */
  hover: HTMLElement;
}

/** A colour of the page's theme (style.css), so charts follow light and dark mode. */
export function css(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Draws the chart into `into`; returns it (destroy it when the card leaves the page). */
export function drawChart(into: HTMLElement, c: ChartInput): uPlot {
  const line = css('--line', '#2563eb');
  const other = css('--overlay', '#d97706');
  const bad = css('--bad', '#dc2626');
  const good = css('--good', '#16a34a');
  const text = css('--fg', '#111');
  const grid = css('--grid', '#8883');
  const log = c.log && c.main.every((p) => p.value > 0);

  // Both branches on one time axis: each series is null where its branch has no run.
  const xs = [...new Set([...c.main.map((p) => p.t), ...(c.overlay?.points.map((p) => p.t) ?? [])])].sort((a, b) => a - b);
  const at = (ps: Point[]) => {
    const m = new Map(ps.map((p) => [p.t, p]));
    return xs.map((x) => m.get(x) ?? null);
  };
  const mainAt = at(c.main);
  const overlayAt = c.overlay ? at(c.overlay.points) : undefined;
  const data: uPlot.AlignedData = [
    xs,
    mainAt.map((p) => p?.value ?? null),
    mainAt.map((p) => p?.lo ?? null),
    mainAt.map((p) => p?.hi ?? null),
    mainAt.map((p) => (p?.anomaly ? p.value : null)),
    ...(overlayAt ? [overlayAt.map((p) => p?.value ?? null)] : []),
  ];
  const fmt = (v: number | null) => (v === null || v === undefined ? '—' : formatValue(v, c.unit));
  const changeXs = c.changes.map((ch) => ({ x: c.main[ch.at]?.t, verdict: ch.verdict })).filter((ch) => ch.x !== undefined);

  const opts: uPlot.Options = {
    width: c.width,
    height: c.height,
    scales: { x: { time: true }, y: log ? { distr: 3 } : {} },
    axes: [
      { stroke: text, grid: { stroke: grid } },
      { stroke: text, grid: { stroke: grid }, size: 70, values: (_u, ticks) => ticks.map((t) => formatValue(t, c.unit)) },
    ],
    legend: { show: false },
    cursor: { drag: { x: true, y: false }, points: { size: 8 } },
    series: [
      {},
      { label: 'value', stroke: line, width: 2, points: { show: true, size: 4 }, spanGaps: true, value: (_u, v) => fmt(v) },
      { label: '95% interval low', stroke: 'transparent', points: { show: false } },
      { label: '95% interval high', stroke: 'transparent', points: { show: false } },
      { label: 'anomaly', stroke: bad, paths: () => null, points: { show: true, size: 9, stroke: bad, fill: 'transparent', width: 2 } },
      ...(c.overlay
        ? [{ label: c.overlay.branch, stroke: other, width: 2, dash: [6, 4], spanGaps: true, points: { show: true, size: 4 } }]
        : []),
    ],
    bands: [{ series: [3, 2], fill: `${line}33` }],
    hooks: {
      draw: [
        (u) => {
          const ctx = u.ctx;
          ctx.save();
          ctx.lineWidth = 2 * devicePixelRatio;
          ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
          for (const ch of changeXs) {
            const x = u.valToPos(ch.x!, 'x', true);
            ctx.strokeStyle = ch.verdict === 'regression' ? bad : good;
            ctx.beginPath();
            ctx.moveTo(x, u.bbox.top);
            ctx.lineTo(x, u.bbox.top + u.bbox.height);
            ctx.stroke();
          }
          ctx.restore();
        },
      ],
      setCursor: [
        (u) => {
          const i = u.cursor.idx;
          const p = i === null || i === undefined ? null : (mainAt[i] ?? null);
          const o = i === null || i === undefined ? null : (overlayAt?.[i] ?? null);
          c.hover.textContent = p
            ? describe(p, c.unit) + (o ? ` · ${c.overlay!.branch}: ${fmt(o.value)}` : '')
            : o
              ? `${c.overlay!.branch}: ${describe(o, c.unit)}`
              : '';
        },
      ],
    },
  };
  const u = new uPlot(opts, data, into);
  if (c.commitUrl) {
    u.over.addEventListener('click', () => {
      const i = u.cursor.idx;
      const p = i === null || i === undefined ? null : (mainAt[i] ?? overlayAt?.[i] ?? null);
      // A drag (zoom) also ends in a click: open only when nothing was selected.
      if (p?.commit && u.select.width < 2) window.open(c.commitUrl + encodeURIComponent(p.commit), '_blank', 'noopener');
    });
    u.over.style.cursor = 'pointer';
  }
  return u;
}

/** The hover text of a point: commit, date, value, change from the previous run. */
export function describe(p: Point, unit: BaseUnit): string {
  const parts = [p.commit ? p.commit.slice(0, 7) : 'no commit', p.date.slice(0, 16).replace('T', ' '), formatValue(p.value, unit)];
  if (p.change !== null) parts.push(`${formatChange(p.change)} vs previous`);
  if (p.anomaly) parts.push('anomaly');
  return parts.join(' · ');
}
