/**
 * Argument parsing shared by the commands: `--name value`, `--name=value`, boolean `--flag`,
 * `-h`/`--help`, and positionals; everything after `--` is positional. Node's own
 * `util.parseArgs` splits the arguments into tokens; the rules it leaves open are kept here, so
 * every command reports the same way: an unknown option is an error (exit 2), never silently
 * ignored; a value option followed by another option (`--out --force`) has no value; a single
 * dash word other than `-h` (`-`, `-5`) is a positional, as it was before the tokens came from
 * Node (a CLI library would render help as well, but each command's usage text is written by
 * hand, with examples, and is pinned by the tests).
 */
import { parseArgs as tokenize } from 'node:util';

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

export class UsageError extends Error {}

type OptionConfig = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export function parseArgs(
  args: readonly string[],
  spec: { values?: readonly string[]; flags?: readonly string[] },
): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const flags = new Set([...(spec.flags ?? []), 'help']);
  const config: OptionConfig = { help: { type: 'boolean', short: 'h' } };
  for (const name of flags) config[name] ??= { type: 'boolean' };
  for (const name of values) config[name] = { type: 'string' };
  const { tokens } = tokenize({
    args: [...args],
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const result: ParsedArgs = { positionals: [], options: {} };
  let shortWord = -1;
  for (const token of tokens) {
    if (token.kind === 'positional') result.positionals.push(token.value);
    if (token.kind !== 'option') continue;
    if (!token.rawName.startsWith('--') && args[token.index] !== '-h') {
      // `-5` or `-xy`: a word, as it was typed (a group gives one token per letter, one word).
      if (shortWord !== token.index) result.positionals.push(args[token.index]!);
      shortWord = token.index;
      continue;
    }
    const name = token.name;
    if (flags.has(name)) {
      if (token.value !== undefined) throw new UsageError(`option --${name} takes no value`);
      result.options[name] = true;
    } else if (values.has(name)) {
      const value = token.value;
      if (value === undefined || (!token.inlineValue && value.startsWith('--')))
        throw new UsageError(`option --${name} needs a value`);
      result.options[name] = value;
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return result;
}

export function optionString(parsed: ParsedArgs, name: string, fallback: string): string {
  const v = parsed.options[name];
  return typeof v === 'string' ? v : fallback;
}

export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * The frame every command shares: `--help` prints the usage (exit 0); a UsageError thrown while
 * parsing or by `read` prints the message and the usage (exit 2). Returns the options `read`
 * built from the parsed arguments, or the exit status to return.
 */
export function readCommandArgs<T>(
  command: string,
  usage: string,
  args: readonly string[],
  spec: { values?: readonly string[]; flags?: readonly string[] },
  read: (parsed: ParsedArgs) => T,
  io: CommandIo = process,
): { options: T } | { exit: number } {
  try {
    const parsed = parseArgs(args, spec);
    if (parsed.options.help) {
      io.stdout.write(`${usage}\n`);
      return { exit: 0 };
    }
    return { options: read(parsed) };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`tbk-gen ${command}: ${e.message}\n\n${usage}\n`);
    return { exit: 2 };
  }
}
