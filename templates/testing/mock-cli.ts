/**
 * `tbk-mock [--port N] [--host H] [--app KEY=SECRET]`: the mock gateway from a shell, as the
 * package's bin (`npx tbk-mock`). It serves the methods it is given (the bin passes every
 * fixture of the package), prints where it listens, then one line per request it answers
 * (answer-line.ts), until SIGINT or SIGTERM. The default app is TOP's own signature example
 * (app key 12345678, secret helloworld), like `tbk-gen mock` in the generator's repository.
 */
import type { MethodFixture } from '../runtime/metadata.js';
import { describeAnswer } from './answer-line.js';
import { startMockGateway } from './mock-gateway.js';

export const MOCK_CLI_USAGE: string = `usage: tbk-mock [--port N] [--host 127.0.0.1] [--app KEY=SECRET]

Runs a local TOP gateway at http://HOST:PORT/router/rest that checks signatures, timestamps,
methods and params like TOP, answers with the doc samples of every method of the package, and
prints one line per request it answers.
  --port   port to listen on (default 0: any free port, printed at start)
  --host   address to listen on (default 127.0.0.1)
  --app    the app key and secret accepted (default 12345678=helloworld); may be repeated
Stops on Ctrl-C.`;

export interface MockCliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

interface MockCliOptions {
  port: number;
  host: string;
  apps: Record<string, string>;
}

class UsageError extends Error {}

/** Runs until `stop` resolves (tests) or SIGINT/SIGTERM; the exit status: 0, 1 cannot listen, 2 bad usage. */
export async function runMockCli(
  args: readonly string[],
  methods: readonly MethodFixture[],
  io: MockCliIo = process,
  stop?: Promise<void>,
): Promise<number> {
  let options: MockCliOptions;
  try {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(`${MOCK_CLI_USAGE}\n`);
      return 0;
    }
    options = readOptions(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`tbk-mock: ${e.message}\n\n${MOCK_CLI_USAGE}\n`);
    return 2;
  }
  let gateway;
  try {
    gateway = await startMockGateway({
      apps: options.apps,
      methods,
      port: options.port,
      host: options.host,
      onAnswer: (answer) => io.stdout.write(`${describeAnswer(answer)}\n`),
    });
  } catch (e) {
    io.stderr.write(`tbk-mock: cannot listen on ${options.host}:${options.port}: ${(e as Error).message}\n`);
    return 1;
  }
  const apps = Object.entries(options.apps).map(([key, secret]) => `app_key ${key}, app secret ${secret}`);
  io.stdout.write(
    [
      `mock TOP gateway: ${gateway.url}`,
      ...apps,
      `${methods.length} methods; any session is accepted. Ctrl-C stops.`,
      '',
    ].join('\n'),
  );
  await (stop ?? untilSignal());
  await gateway.close();
  return 0;
}

function readOptions(args: readonly string[]): MockCliOptions {
  const options: MockCliOptions = { port: 0, host: '127.0.0.1', apps: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? (eq > 0 ? arg.slice(2, eq) : arg.slice(2)) : undefined;
    if (name !== 'port' && name !== 'host' && name !== 'app') throw new UsageError(`unknown argument ${arg}`);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new UsageError(`option --${name} needs a value`);
    if (name === 'port') options.port = readPort(value);
    else if (name === 'host') options.host = value;
    else {
      const at = value.indexOf('=');
      if (at < 1 || at === value.length - 1) throw new UsageError('--app must be KEY=SECRET');
      options.apps[value.slice(0, at)] = value.slice(at + 1);
    }
  }
  if (!Object.keys(options.apps).length) options.apps['12345678'] = 'helloworld';
  return options;
}

function readPort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port must be a port number (0-65535), got ${text}`);
  return port;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
