/**
 * A clone stands alone: every input page lives under spec/pages/, byte for byte as its
 * provenance file records, and no file of the project names a folder outside the repository.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGES = path.join(ROOT, 'spec/pages');

interface ProvenanceEntry {
  folder: string;
  format: string;
  origin: string;
  what: string;
  files?: Record<string, string>;
}

const provenance = parse(readFileSync(path.join(PAGES, 'provenance.yaml'), 'utf8')) as { sources: ProvenanceEntry[] };
const sources = (parse(readFileSync(path.join(ROOT, 'spec/sources.yaml'), 'utf8')) as { sources: { path: string }[] })
  .sources;

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('spec/pages and its provenance', () => {
  it('lists every source folder under spec/pages, with origin and description', () => {
    const folders = readdirSync(PAGES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const listed = provenance.sources.map((s) => s.folder);
    for (const folder of folders) expect(listed, `spec/pages/${folder} has no provenance entry`).toContain(folder);
    for (const entry of provenance.sources) {
      expect(entry.origin.trim(), entry.folder).not.toBe('');
      expect(entry.what.trim(), entry.folder).not.toBe('');
    }
  });

  it('holds each vendored file with the sha256 its provenance records, and nothing unlisted', () => {
    for (const entry of provenance.sources.filter((s) => s.files)) {
      const dir = path.join(PAGES, entry.folder);
      expect(readdirSync(dir).sort(), entry.folder).toEqual(Object.keys(entry.files!).sort());
      for (const [name, hash] of Object.entries(entry.files!))
        expect(sha256(path.join(dir, name)), `${entry.folder}/${name}`).toBe(hash);
    }
  });

  it('keeps the markdown dump with its CRLF line endings', () => {
    const dump = readFileSync(path.join(PAGES, 'markdown-dump/tbk-doc-dump.md'), 'latin1');
    expect(dump.split('\r\n').length).toBeGreaterThan(1000);
    expect(dump.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('configures every source folder in spec/sources.yaml, each a path inside spec/pages', () => {
    const paths = sources.map((s) => s.path);
    for (const entry of provenance.sources) expect(paths).toContain(`spec/pages/${entry.folder}`);
    for (const p of paths) expect(p.startsWith('spec/pages/'), p).toBe(true);
  });
});

describe('nothing outside the repository', () => {
  // Tracked files only: what a clone has. generated/ is checked too, since users ship it.
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);

  it('is named by any source, test, script, spec or doc file', () => {
    const outside = /\.\.\/shared\b|\.\.\/corpus\b/;
    const offenders = tracked.filter((file) => {
      if (file.startsWith('spec/pages/') || !existsSync(path.join(ROOT, file))) return false;
      if (!/\.(ts|js|mjs|cjs|json|ya?ml|md|hbs|sh)$|^\.ci\//.test(file)) return false;
      return outside.test(readFileSync(path.join(ROOT, file), 'utf8'));
    });
    expect(offenders).toEqual([]);
  });

  it('is named as a source by any committed spec', () => {
    const methods = readdirSync(path.join(ROOT, 'spec/methods'));
    for (const name of methods) {
      const spec = parse(readFileSync(path.join(ROOT, 'spec/methods', name), 'utf8')) as {
        sources: { file: string }[];
      };
      for (const source of spec.sources)
        expect(source.file.startsWith('spec/pages/'), `${name}: ${source.file}`).toBe(true);
    }
  });
});
