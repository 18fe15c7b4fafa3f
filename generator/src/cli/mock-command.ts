/**
 * `tbk-gen mock [--spec spec] [--port N] [--app KEY=SECRET]`: serves the methods of a spec
 * folder on a local TOP-compatible gateway (docs/mock-gateway.md) until SIGINT or SIGTERM.
 * The default app is TOP's own signature example (app key 12345678, secret helloworld).
 */
import { readIr } from '../ir/read-ir.js';
import { formatDiagnostic } from '../report/diagnostic.js';
import { startMockGateway } from '../../../templates/testing/mock-gateway.js';
import { optionString, readCommandArgs, UsageError } from './cli-args.js';

const HELP = `usage: tbk-gen mock [--spec spec] [--port N] [--host 127.0.0.1] [--app KEY=SECRET]

Runs a local TOP gateway at http://HOST:PORT/router/rest that checks signatures, timestamps,
methods and params like TOP, and answers with the doc samples of every method in the spec.
  --spec   spec folder (default spec)
  --port   port to listen on (default 0: any free port, printed at start)
  --host   address to listen on (default 127.0.0.1)
  --app    the app key and secret accepted (default 12345678=helloworld)
Stops on Ctrl-C.`;

export const DEFAULT_APP = { key: '12345678', secret: 'helloworld' };

/** `stop`: resolves to stop the gateway (tests); otherwise it runs until SIGINT or SIGTERM. */
export async function runMock(args: string[], stop?: Promise<void>): Promise<number> {
  const read = readCommandArgs('mock', HELP, args, { values: ['spec', 'port', 'host', 'app'] }, (parsed) => {
    if (parsed.positionals.length) throw new UsageError(`unexpected argument ${parsed.positionals[0]}`);
    return {
      spec: optionString(parsed, 'spec', 'spec'),
      port: readPort(optionString(parsed, 'port', '0')),
      host: optionString(parsed, 'host', '127.0.0.1'),
      app: readApp(parsed.options['app']),
    };
  });
  if ('exit' in read) return read.exit;
  const options = read.options;

  // The read problems as they are; of the IR's only the errors (a method they name may be
  // missing): the warnings are about the generated package, not about what the gateway serves.
  const { ir, read: readProblems, build } = await readIr(options.spec);
  const diagnostics = [...readProblems, ...build.filter((d) => d.level === 'error')];
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const fixtures = ir.methods.map((m) => m.fixture);
  if (fixtures.length === 0) {
    process.stderr.write(`tbk-gen mock: no method specs in ${options.spec}/methods\n`);
    return 1;
  }
  const gateway = await startMockGateway({
    apps: { [options.app.key]: options.app.secret },
    methods: fixtures,
    port: options.port,
    host: options.host,
  });
  process.stdout.write(
    [
      `mock TOP gateway: ${gateway.url}`,
      `app_key ${options.app.key}, app secret ${options.app.secret}`,
      `${fixtures.length} methods from ${options.spec}; any session is accepted. Ctrl-C stops.`,
      '',
    ].join('\n'),
  );
  await (stop ?? untilSignal());
  await gateway.close();
  return 0;
}

function readPort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port must be a port number (0-65535), got ${text}`);
  return port;
}

function readApp(value: string | true | undefined): { key: string; secret: string } {
  if (value === undefined) return DEFAULT_APP;
  const at = typeof value === 'string' ? value.indexOf('=') : -1;
  if (typeof value !== 'string' || at < 1 || at === value.length - 1) throw new UsageError('--app must be KEY=SECRET');
  return { key: value.slice(0, at), secret: value.slice(at + 1) };
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
