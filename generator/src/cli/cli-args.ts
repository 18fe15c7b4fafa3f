/**
 * Tiny argument parser shared by the commands: `--name value`, `--name=value`, boolean
 * `--flag`, and positionals. Unknown options are errors (exit 2), never silently ignored.
 */
export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

export class UsageError extends Error {}

export function parseArgs(
  args: readonly string[],
  spec: { values?: readonly string[]; flags?: readonly string[] },
): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const flags = new Set([...(spec.flags ?? []), 'help']);
  const result: ParsedArgs = { positionals: [], options: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      result.positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') && arg !== '-h') {
      result.positionals.push(arg);
      continue;
    }
    const [rawName, inline] = arg === '-h' ? ['help', undefined] : splitOnce(arg.slice(2), '=');
    if (flags.has(rawName)) {
      if (inline !== undefined) throw new UsageError(`option --${rawName} takes no value`);
      result.options[rawName] = true;
    } else if (values.has(rawName)) {
      const value = inline ?? args[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new UsageError(`option --${rawName} needs a value`);
      result.options[rawName] = value;
    } else {
      throw new UsageError(`unknown option --${rawName}`);
    }
  }
  return result;
}

function splitOnce(text: string, sep: string): [string, string | undefined] {
  const at = text.indexOf(sep);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
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
