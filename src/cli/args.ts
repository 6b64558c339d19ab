/**
 * Argument parsing shared by every verb: node's parseArgs, with unknown options and missing
 * values turned into UsageError, and list options that take every following non-flag argument
 * (`--baseline a.json b.json`, so a shell glob `--baseline runs/*.json` works) as well as
 * repeated flags (`--baseline a.json --baseline b.json`).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../model/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses `argv`. Options declared `multiple: true` with type string are lists: the bare words
 * after one take its values until the next flag (or `--`). Other bare words are positionals,
 * refused unless `positionals` is true.
 */
export function parse<T extends Options>(argv: string[], options: T, positionals = false) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, tokens } = parsed;
  const lists = values as Record<string, unknown>;
  const bare: string[] = [];
  let list: string | undefined; // the list option whose values the bare words extend
  for (const t of tokens) {
    if (t.kind === 'option') list = isList(options[t.name]) ? t.name : undefined;
    else if (t.kind === 'option-terminator') list = undefined;
    else if (list) (lists[list] as string[]).push(t.value);
    else bare.push(t.value);
  }
  if (bare.length && !positionals)
    throw new UsageError(
      `unexpected argument '${bare[0]}': this command takes no positional arguments (a file goes after its option, e.g. --baseline FILE...).`,
    );
  return { values: parsed.values, positionals: bare };
}

function isList(o: Options[string] | undefined): boolean {
  return o?.type === 'string' && o.multiple === true;
}
