/**
 * `tbk-gen gen` (`npm run gen`): scrape the configured sources into the spec, then generate the
 * package from it. The two stages stay separate commands; this one only chains them and stops
 * after a failed scrape so a broken spec never reaches generated/.
 */
import { optionString, parseArgs, UsageError } from './cli-args.js';
import { runGenerate } from './generate-command.js';
import { runScrape } from './scrape-command.js';

const HELP = `usage: tbk-gen gen [SOURCES...] [--spec DIR] [--out DIR]

Scrape SOURCES (default: spec/sources.yaml) into the spec folder, then generate the
tbk-client package from it.

  --spec DIR  spec folder (default: spec)
  --out DIR   package folder (default: generated)`;

export async function runGen(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(args, { values: ['spec', 'out'] });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`tbk-gen gen: ${e.message}\n\n${HELP}\n`);
    return 2;
  }
  if (parsed.options.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const spec = optionString(parsed, 'spec', 'spec');
  const out = optionString(parsed, 'out', 'generated');
  const scraped = await runScrape([...parsed.positionals, '--spec', spec]);
  if (scraped !== 0) {
    process.stderr.write('tbk-gen gen: scrape failed; generated/ left as it was\n');
    return scraped;
  }
  return runGenerate(['--spec', spec, '--out', out]);
}
