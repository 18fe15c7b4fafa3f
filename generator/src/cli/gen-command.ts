/**
 * `tbk-gen gen` (`npm run gen`): scrape the configured sources into the spec, then generate the
 * package from it. The two stages stay separate commands; this one only chains them and stops
 * after a failed scrape so a broken spec never reaches generated/.
 */
import { optionString, readCommandArgs } from './cli-args.js';
import { readTemplateFiles } from '../emit/copy-runtime.js';
import { TemplateDeclarations } from '../pipeline/template-declarations.js';
import { runGenerate } from './generate-command.js';
import { runScrape } from './scrape-command.js';

const HELP = `usage: tbk-gen gen [SOURCES...] [--spec DIR] [--out DIR] [--force] [--accept-loss] [--quiet]

Scrape SOURCES (default: spec/sources.yaml) into the spec folder, then generate the
tbk-client package from it. A stage whose inputs and outputs are exactly as its last
successful run left them is not run again (its summary is replayed).

  --spec DIR  spec folder (default: spec)
  --out DIR   package folder (default: generated)
  --force     run both stages in full and cold: no replayed stage, no unit reused from the
              package folder, no cached template declaration
  --accept-loss  let the scrape drop committed facts no source states any more (see
              \`tbk-gen scrape --help\`); without it such a scrape writes nothing and gen stops
  --quiet     print only errors and the two summary lines (replays count their warnings)

Exit status: the scrape's when it fails (1 a page could not be read or nothing was written,
2 usage or spec/sources.yaml), otherwise generate's (0 ok, 1 not written, 2 bad spec).`;

export async function runGen(args: string[]): Promise<number> {
  const read = readCommandArgs(
    'gen',
    HELP,
    args,
    { values: ['spec', 'out'], flags: ['force', 'accept-loss', 'quiet'] },
    (parsed) => ({
      sources: parsed.positionals,
      spec: optionString(parsed, 'spec', 'spec'),
      out: optionString(parsed, 'out', 'generated'),
      force: parsed.options['force'] === true ? ['--force'] : [],
      acceptLoss: parsed.options['accept-loss'] === true ? ['--accept-loss'] : [],
      quiet: parsed.options['quiet'] === true ? ['--quiet'] : [],
    }),
  );
  if ('exit' in read) return read.exit;
  const { sources, spec, out, force, acceptLoss, quiet } = read.options;
  // The template copies' declarations depend on nothing the scrape does: looked up in the
  // cache at once, and any missing one computed on a worker thread while the main thread scrapes.
  let declarations: TemplateDeclarations | undefined;
  const startDeclarations = (): TemplateDeclarations => {
    if (declarations) return declarations;
    const started = (declarations = new TemplateDeclarations({ useCache: force.length === 0 }));
    // A failed scrape can close the declarations before the templates are read: then nothing is declared.
    void readTemplateFiles()
      .then((templates) => {
        for (const t of templates)
          if (t.path.startsWith('src/') && t.path.endsWith('.ts')) void started.declare(t.path, t.source);
      })
      .catch(() => {});
    return started;
  };
  try {
    // `--` keeps a source named like an option a positional.
    const scraped = await runScrape(['--spec', spec, ...force, ...acceptLoss, ...quiet, '--', ...sources], {
      beforeRun: startDeclarations,
    });
    if (scraped !== 0) {
      process.stderr.write('tbk-gen gen: scrape failed; generated/ left as it was\n');
      return scraped;
    }
    return await runGenerate(['--spec', spec, '--out', out, ...force, ...quiet], { declarations: startDeclarations });
  } finally {
    await declarations?.close();
  }
}
