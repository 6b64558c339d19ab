import type { BenchmarkResult, Metric } from '../model/index.js';
import { summarize, summarizeValue } from '../model/summarize.js';
import type { WorkerMessage } from './worker-protocol.js';

type TaskMessage = Extract<WorkerMessage, { type: 'task' }>;
type MetricMessage = Extract<WorkerMessage, { type: 'metric' }>;

/** A measured task: latency in ns (median of the samples), with `heapUsed` beside it unless `withHeap` is false. */
export function taskBenchmark(suite: string, m: TaskMessage, withHeap = true): BenchmarkResult {
  return {
    id: `${suite}/${m.task}`,
    suite,
    name: m.task,
    unit: 'ns',
    direction: 'smaller',
    value: m.stats.median,
    samples: m.samples,
    stats: m.stats,
    ...(withHeap && { metrics: { heapUsed: { unit: 'B', direction: 'smaller', value: m.heapUsed, stats: summarizeValue(m.heapUsed) } } }),
  };
}

/** A custom metric as a Metric (median of its samples as the value). */
export function customMetric(m: MetricMessage): Metric {
  const stats = m.samples.length > 1 ? summarize(m.samples) : summarizeValue(m.samples[0]!);
  return {
    unit: m.unit,
    direction: m.direction,
    value: stats.median,
    ...(m.samples.length > 1 && { samples: m.samples }),
    stats,
  };
}

/**
 * A custom metric not attached to a task becomes a benchmark of its own (`suite/name`), and also
 * carries itself under `metrics[name]`, so both a benchmark rule and a metric rule find it.
 */
export function metricBenchmark(suite: string, m: MetricMessage): BenchmarkResult {
  const metric = customMetric(m);
  return {
    id: `${suite}/${m.name}`,
    suite,
    name: m.name,
    unit: metric.unit,
    direction: metric.direction,
    value: metric.value,
    ...(metric.samples && { samples: metric.samples }),
    stats: metric.stats!,
    metrics: { [m.name]: metric },
  };
}
