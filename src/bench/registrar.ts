import type { MetricOptions, MetricValue, Suite, TaskOptions } from '../suite.js';
import { SuiteUsageError } from '../model/errors.js';

export interface RegisteredTask {
  name: string;
  fn: () => unknown;
  options: TaskOptions;
}

export interface RegisteredMetric {
  name: string;
  value: MetricValue;
  options: MetricOptions;
}

/** Collects what a suite file registers; nothing runs until the worker has the whole list. */
export class Registrar implements Suite {
  readonly tasks: RegisteredTask[] = [];
  readonly metrics: RegisteredMetric[] = [];

  add(name: string, fn: () => unknown, options: TaskOptions = {}): Suite {
    checkName('task', name);
    if (typeof fn !== 'function')
      throw new SuiteUsageError(`suite.add(${JSON.stringify(name)}, fn): fn must be a function, got ${typeof fn}`);
    if (this.taken(name))
      throw new SuiteUsageError(`suite.add: ${JSON.stringify(name)} is already the name of a task or metric in this suite`);
    this.tasks.push({ name, fn, options });
    return this;
  }

  metric(name: string, value: MetricValue, options: MetricOptions = {}): Suite {
    checkName('metric', name);
    // A metric of its own becomes a benchmark `suite/name`: its name must not clash.
    if (options.task === undefined && this.taken(name)) {
      throw new SuiteUsageError(`suite.metric: ${JSON.stringify(name)} is already the name of a task or metric in this suite`);
    }
    this.metrics.push({ name, value, options });
    return this;
  }

  private taken(name: string): boolean {
    return this.tasks.some((t) => t.name === name) || this.metrics.some((m) => m.name === name && m.options.task === undefined);
  }
}

function checkName(what: string, name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new SuiteUsageError(
      `suite.${what === 'task' ? 'add' : 'metric'}: the ${what} name must be a non-empty string, got ${JSON.stringify(name)}`,
    );
  }
}

/** Evaluates a metric value (calling it when it is a function) into finite samples. */
export async function metricSamples(value: MetricValue): Promise<number[]> {
  const v = typeof value === 'function' ? await value() : value;
  const samples = Array.isArray(v) ? v : [v];
  if (samples.length === 0 || !samples.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new SuiteUsageError(`expected a finite number or a non-empty array of them, got ${JSON.stringify(v)}`);
  }
  return samples;
}
