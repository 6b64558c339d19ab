import { describe, expect, it } from 'vitest';
import { metricSamples, Registrar } from '../../src/bench/registrar.js';
import { SuiteUsageError } from '../../src/model/errors.js';

describe('Registrar', () => {
  it('collects tasks and metrics in order', () => {
    const r = new Registrar();
    const fn = () => 1;
    r.add('a', fn).add('b', fn, { beforeEach: fn }).metric('score', 3, { unit: 'points' }).metric('rss', 1, { task: 'a' });
    expect(r.tasks.map((t) => t.name)).toEqual(['a', 'b']);
    expect(r.metrics.map((m) => [m.name, m.options.task])).toEqual([
      ['score', undefined],
      ['rss', 'a'],
    ]);
  });

  it('refuses names that would give two benchmarks the same id', () => {
    const r = new Registrar().add('a', () => 1).metric('m', 1);
    expect(() => r.add('a', () => 2)).toThrow(SuiteUsageError);
    expect(() => r.add('m', () => 2)).toThrow('suite.add: "m" is already the name of a task or metric in this suite');
    expect(() => r.metric('a', 1)).toThrow(SuiteUsageError);
    expect(() => r.metric('a', 1, { task: 'a' })).not.toThrow();
  });

  it('refuses empty names and non-function tasks', () => {
    const r = new Registrar();
    expect(() => r.add('  ', () => 1)).toThrow('the task name must be a non-empty string');
    expect(() => r.add('x', 42 as unknown as () => unknown)).toThrow('fn must be a function, got number');
  });

  it('collects scaling tasks apart from the tasks, and refuses bad levels, work and repeated names', () => {
    const r = new Registrar();
    r.add('a', () => 1).scaling('a', async () => {}, { levels: [1, 2, 4], work: 3, unit: 'pages' });
    expect(r.tasks.map((t) => t.name)).toEqual(['a']);
    expect(r.scalingTasks.map((t) => [t.name, t.options.levels])).toEqual([['a', [1, 2, 4]]]);
    expect(() => r.scaling('a', async () => {})).toThrow('suite.scaling: "a" is already the name of a scaling task in this suite');
    expect(() => r.scaling('b', async () => {}, { levels: [1, 0.5] })).toThrow(
      'suite.scaling("b"): levels must be a non-empty array of whole numbers ≥ 1, got [1,0.5]',
    );
    expect(() => r.scaling('c', async () => {}, { levels: [] })).toThrow('levels must be a non-empty array');
    expect(() => r.scaling('d', async () => {}, { work: 0 })).toThrow('suite.scaling("d"): work must be a number above 0, got 0');
    expect(() => r.scaling('', async () => {})).toThrow('suite.scaling: the scaling task name must be a non-empty string');
    expect(() => r.scaling('e', 1 as unknown as () => undefined)).toThrow('fn must be a function of the level n, got number');
  });
});

describe('metricSamples', () => {
  it('accepts a number, an array, or a sync or async function of either', async () => {
    expect(await metricSamples(0.5)).toEqual([0.5]);
    expect(await metricSamples([1, 2])).toEqual([1, 2]);
    expect(await metricSamples(() => 3)).toEqual([3]);
    expect(await metricSamples(async () => [4, 5])).toEqual([4, 5]);
  });

  it('refuses what is not a finite number', async () => {
    await expect(metricSamples(Number.NaN)).rejects.toThrow('expected a finite number');
    await expect(metricSamples([])).rejects.toThrow(SuiteUsageError);
    await expect(metricSamples((() => '3') as unknown as () => number)).rejects.toThrow('got "3"');
  });
});
