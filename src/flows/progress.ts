import type { ProgressEvent } from '../bench/types.js';
import { plainBlock } from '../report/escape.js';
import { formatValue } from '../model/format.js';
import { splitError } from '../report/words.js';
import type { Logger } from '../model/logger.js';

const seconds = (ms: number) =>
  ms < 60_000 ? `${(ms / 1000).toFixed(0)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

/**
 * Turns runner events into log lines: one group per suite, a line per task, errors as warnings.
 * `label` marks the task and error lines of one side of an A/B (e.g. "base 1a2b3c4").
 */
export function progressLogger(log: Logger, label?: string): (e: ProgressEvent) => void {
  const tag = label ? `[${label}] ` : '';
  return (e) => {
    switch (e.type) {
      case 'suite-start':
        log.startGroup(`suite ${JSON.stringify(e.suite)} (${e.kind})`);
        break;
      case 'task-done': {
        const b = e.benchmark;
        log.info(`  ✓ ${tag}${JSON.stringify(e.task)}: ${b.stats.n} samples, median ${formatValue(b.value, b.unit)}`);
        break;
      }
      case 'info':
        log.info(`  ${e.message}`);
        break;
      case 'count-progress':
        log.info(
          `  ⧗ ${tag}${JSON.stringify(e.suite)} [${e.measure}]: ${e.done}/${e.total} tasks counted in ${seconds(e.elapsedMs)}${e.done < e.total ? `, about ${seconds(e.etaMs)} left` : ''}`,
        );
        break;
      case 'error': {
        // The first line is the warning; a command's stderr follows as a fenced block, not one flattened line.
        const { head, detail } = splitError(e.message);
        log.warning(`${tag}${JSON.stringify(e.suite)}${e.task ? ` / ${JSON.stringify(e.task)}` : ''}: ${head}`);
        if (detail) log.info(['```', plainBlock(detail), '```'].join('\n'));
        break;
      }
      case 'suite-done':
        log.info(`  ${e.benchmarks} benchmark(s), ${e.errors} error(s) in ${(e.durationMs / 1000).toFixed(1)} s`);
        log.endGroup();
        break;
    }
  };
}
