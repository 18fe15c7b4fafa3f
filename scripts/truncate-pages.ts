/**
 * `node --import tsx scripts/truncate-pages.ts [--seed N] [--cuts K]`: the no-silent-loss check
 * over every page under spec/pages. On a copy of the repository's inputs and committed spec, each
 * page is cut at K random points (between 5 % and 95 % of its bytes) and the sources are scraped
 * again; a cut passes when the scrape exits non-zero with an error naming what it could not keep
 * and the spec folder is byte for byte as committed. Prints one line per failing cut and a summary.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { listFiles } from '../generator/src/files/list-files.js';
import { scrapeIntoSpec } from '../generator/src/pipeline/scrape-into-spec.js';

const { values } = parseArgs({
  options: { seed: { type: 'string', default: '7' }, cuts: { type: 'string', default: '1' } },
});
let state = Number(values.seed);
const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'tbk-truncate-'));
for (const part of ['pages', 'overrides', 'methods'])
  cpSync(join(root, 'spec', part), join(work, 'spec', part), { recursive: true });
for (const file of ['sources.yaml', 'schema.json', 'catalog.yaml'])
  cpSync(join(root, 'spec', file), join(work, 'spec', file));

const listAll = async (dir: string): Promise<string[]> =>
  (await listFiles(dir, { all: true })).map((p) => join(dir, p));
const snapshot = async () =>
  (await listAll(join(work, 'spec')))
    .filter((f) => !f.includes('/pages/'))
    .map((f) => `${relative(work, f)}\n${readFileSync(f, 'utf8')}`)
    .join('\0');
const pages = (await listAll(join(work, 'spec/pages'))).filter((f) => !f.endsWith('provenance.yaml'));
const committed = await snapshot();

const tally = { cuts: 0, refused: 0, lossNamed: 0, readError: 0, failed: 0 };
const started = performance.now();
for (const page of pages) {
  const bytes = readFileSync(page);
  for (let k = 0; k < Number(values.cuts); k++) {
    const at = Math.floor(bytes.length * (0.05 + 0.9 * random()));
    writeFileSync(page, bytes.subarray(0, at));
    const result = await scrapeIntoSpec({ specDir: 'spec', cwd: work });
    writeFileSync(page, bytes);
    tally.cuts++;
    const errors = result.diagnostics.filter((d) => d.level === 'error');
    const refused = result.losses > 0 || result.unreadable > 0;
    const unchanged = (await snapshot()) === committed;
    if (result.losses > 0) tally.lossNamed++;
    else if (result.unreadable > 0) tally.readError++;
    if (refused && unchanged && errors.length) tally.refused++;
    else {
      tally.failed++;
      console.log(
        `FAIL ${relative(work, page)} cut at ${at}/${bytes.length}: exit ${refused ? 1 : 0}, spec ${unchanged ? 'unchanged' : 'CHANGED'}, ${errors.length} errors`,
      );
      // Put the committed spec back before the next cut.
      await scrapeIntoSpec({ specDir: 'spec', cwd: work, acceptLoss: true });
    }
  }
}
rmSync(work, { recursive: true, force: true });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `truncate-pages: ${pages.length} pages, ${tally.cuts} cuts: ${tally.refused} refused with the spec unchanged ` +
    `(${tally.lossNamed} naming lost facts TBK243, ${tally.readError} as unreadable pages), ${tally.failed} failed, ${seconds} s`,
);
process.exit(tally.failed ? 1 : 0);
