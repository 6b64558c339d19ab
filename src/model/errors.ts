/**
 * Named errors for what the user can fix. Each message says where (file, JSON path, line) and
 * what was expected, so it reads as one clear paragraph in a log.
 */

/** Bad input in the config file or the action's inputs. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    readonly file?: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

/** A foreign tool's output that could not be read. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    message: string,
    readonly file: string,
    readonly format?: string,
    /** 1-based line, or a JSON path such as `$.benchmarks[3].real_time`. */
    readonly location?: string | number,
  ) {
    super(message);
  }
}

/** A baseline or history that cannot be read or written safely. Nothing stored is touched. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    message: string,
    readonly location?: string,
  ) {
    super(message);
  }
}

/** A suite that could not run at all (missing file, crashed process, failing command). */
export class BenchError extends Error {
  override name = 'BenchError';
  constructor(
    message: string,
    readonly suite?: string,
    readonly task?: string,
  ) {
    super(message);
  }
}

/**
 * A file or runner fact the run was handed that is not what it expects, though no setting is
 * wrong: a report artifact that is not a report, a missing GITHUB_* variable.
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}

/** Errors the user can act on: printed as a message, not a stack trace. */
export function isUserError(e: unknown): e is ConfigError | ImportError | StoreError | BenchError | InputError {
  return (
    e instanceof ConfigError || e instanceof ImportError || e instanceof StoreError || e instanceof BenchError || e instanceof InputError
  );
}

/** 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** A JSON syntax error at a position (config/json-source.ts); the caller turns it into a ConfigError naming the file. */
export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
  }
}

/** Bad usage of a CLI verb: printed with the verb's help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A mistake in how a suite file uses the registrar (bench/registrar.ts): reported by its message alone, without our stack. */
export class SuiteUsageError extends Error {
  override name = 'SuiteUsageError';
}

/**
 * GitHub refused to write the comment (403): typically the read-only token of a pull request
 * from a fork. The caller warns and goes on; the verdict does not depend on the comment.
 */
export class CommentPermissionError extends Error {
  override name = 'CommentPermissionError';
  readonly status = 403;
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}

/**
 * GitHub refused the issue call: 403 (the token lacks `issues: write`) or 410 (issues are
 * disabled on the repository). The caller warns and goes on; no verdict depends on an issue.
 */
export class IssueAccessError extends Error {
  override name = 'IssueAccessError';
  constructor(
    message: string,
    readonly status: 403 | 410,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}
