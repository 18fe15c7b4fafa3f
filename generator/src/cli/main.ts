/**
 * `tbk-gen` command dispatcher (docs/design.md "CLI contract"). Each command lives in its own
 * module and is loaded only when called, so `tbk-gen check` does not pay for the fetcher.
 * Exit status: 0 ok, 1 the command's own failure (unreadable page, drift, breaking change),
 * 2 usage or input errors.
 */
export type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  scrape: {
    summary: 'read doc pages into spec/methods/*.yaml and spec/catalog.yaml',
    load: async () => (await import('./scrape-command.js')).runScrape,
  },
  generate: {
    summary: 'emit the tbk-client package from spec/',
    load: async () => (await import('./generate-command.js')).runGenerate,
  },
  gen: {
    summary: 'scrape the configured sources, then generate',
    load: async () => (await import('./gen-command.js')).runGen,
  },
  check: {
    summary: 'fail when spec/ or generated/ differ from a fresh run',
    load: async () => (await import('./check-command.js')).runCheck,
  },
  fetch: {
    summary: 'download doc records from the doc site into a local cache',
    load: async () => (await import('./fetch-command.js')).runFetch,
  },
  diff: {
    summary: 'compare two specs and classify every change',
    load: async () => (await import('./diff-command.js')).runDiff,
  },
  mock: {
    summary: 'run the local TOP-compatible mock gateway',
    load: async () => (await import('./mock-command.js')).runMock,
  },
  release: {
    summary: 'version the package from the diff since the last release, with a changelog entry',
    load: async () => (await import('./release-command.js')).runRelease,
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'usage: tbk-gen <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'tbk-gen <command> --help for options',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`tbk-gen: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  const run = await entry.load();
  return run(rest);
}
