/**
 * Number formatting for the report: values in their base units scaled for reading, relative
 * changes as signed percentages, and trend sparklines. Pure functions, no locale dependence
 * (the same report renders the same everywhere, which the golden tests rely on).
 */

export { sig, formatValue } from '../format.js';

/** A relative change as a signed percentage: `+12.3%`, `-4.0%`, `0.0%`. */
export function formatChange(change: number): string {
  const pct = change * 100;
  const text = Math.abs(pct).toFixed(Math.abs(pct) >= 100 ? 0 : 1);
  if (/^0(\.0)?$/.test(text)) return `${text}%`;
  return `${pct > 0 ? '+' : '-'}${text}%`;
}

/** A confidence interval of a change: `[+8.1%, +16.0%]`. */
export function formatInterval(ci: [number, number] | undefined): string {
  return ci ? `[${formatChange(ci[0])}, ${formatChange(ci[1])}]` : '';
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * A sparkline of the values, one bar each, scaled from their minimum to their maximum. Flat
 * series draw at mid height; non-finite values draw as a space. At most `maxPoints` (the most
 * recent ones).
 */
export function sparkline(values: number[], maxPoints = 20): string {
  const points = values.slice(-maxPoints);
  const finite = points.filter(Number.isFinite);
  if (finite.length === 0) return '';
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return points
    .map((v) => {
      if (!Number.isFinite(v)) return ' ';
      if (hi === lo) return BARS[3];
      return BARS[Math.min(BARS.length - 1, Math.floor(((v - lo) / (hi - lo)) * BARS.length))];
    })
    .join('');
}
