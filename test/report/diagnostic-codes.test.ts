/**
 * Every diagnostic code the generator can print is named once, in its stage's code table, and
 * documented in docs/diagnostics.md; every code documented there is either in a table or marked
 * retired. The tables are the only place a code is written out: a code spelled anywhere else in a
 * string of generator/src or templates/ fails here with its file and line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DiffCode } from '../../generator/src/diff/diff-codes.js';
import { DistCode } from '../../generator/src/dist/dist-codes.js';
import { IrCode } from '../../generator/src/ir/ir-codes.js';
import { CODES } from '../../generator/src/normalise/normaliser-codes.js';
import { PipelineCode } from '../../generator/src/pipeline/pipeline-codes.js';
import { RecordCode } from '../../generator/src/read/doc-record/record-codes.js';
import { DumpCode } from '../../generator/src/read/markdown-dump/dump-codes.js';
import { SeedCode } from '../../generator/src/read/rendered-page/reader-codes.js';
import { SourcesCode } from '../../generator/src/read/sources/sources-codes.js';
import { ReleaseCode } from '../../generator/src/release/release-codes.js';
import { ReportCode } from '../../generator/src/report/report-codes.js';
import { SpecCode } from '../../generator/src/spec/spec-codes.js';
import { listFiles } from '../../generator/src/files/list-files.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Each stage's table, by the file that holds it (the only files that may spell a code). */
const TABLES: Record<string, Record<string, string>> = {
  'generator/src/read/rendered-page/reader-codes.ts': SeedCode,
  'generator/src/read/markdown-dump/dump-codes.ts': DumpCode,
  'generator/src/read/doc-record/record-codes.ts': RecordCode,
  'generator/src/read/sources/sources-codes.ts': SourcesCode,
  'generator/src/report/report-codes.ts': ReportCode,
  'generator/src/normalise/normaliser-codes.ts': CODES,
  'generator/src/spec/spec-codes.ts': SpecCode,
  'generator/src/ir/ir-codes.ts': IrCode,
  'generator/src/dist/dist-codes.ts': DistCode,
  'generator/src/pipeline/pipeline-codes.ts': PipelineCode,
  'generator/src/diff/diff-codes.ts': DiffCode,
  'generator/src/release/release-codes.ts': ReleaseCode,
};

/** The hand-written source files below `dir` (a bundled `.build` folder left out), relative to ROOT. */
async function sourceFiles(dir: string): Promise<string[]> {
  const skip = (p: string) => p === '.build' || p.endsWith('/.build');
  return (await listFiles(path.join(ROOT, dir), { all: true, skip }))
    .filter((p) => /\.[cm]?[jt]s$/.test(p) && !p.endsWith('.test.ts'))
    .map((p) => `${dir}/${p}`);
}

/** Codes spelled inside string and template literals of a file (comments may cite codes). */
function spelledCodes(file: string): { code: string; line: number }[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  const found: { code: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node))
      for (const m of node.text.matchAll(/TBK\d{3}/g))
        found.push({ code: m[0], line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Where each code of a table is held: code → table file. */
const used = new Map<string, string>();
const twice: string[] = [];
for (const [file, table] of Object.entries(TABLES))
  for (const code of Object.values(table)) {
    if (used.has(code)) twice.push(`${code} (${used.get(code)} and ${file})`);
    else used.set(code, file);
  }

const rows = readFileSync(path.join(ROOT, 'docs/diagnostics.md'), 'utf8')
  .split('\n')
  .map((line) => /^\| (TBK\d{3}) \| ([^|]*) \|(.*)$/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null);
const documented = new Map(rows.map((m) => [m[1]!, { level: m[2]!.trim(), text: m[3]! }]));

describe('the code tables', () => {
  it('hold codes of the form TBKnnn, each in one table only', () => {
    for (const [file, table] of Object.entries(TABLES))
      for (const [name, code] of Object.entries(table)) expect(code, `${file} ${name}`).toMatch(/^TBK\d{3}$/);
    expect(twice).toEqual([]);
  });

  it('are the only place a code is spelled in generator/src and templates/', async () => {
    const files = [...(await sourceFiles('generator/src')), ...(await sourceFiles('templates'))];
    expect(files).toContain('generator/src/ir/build-ir.ts');
    for (const file of Object.keys(TABLES)) expect(files).toContain(file);
    const bare = files
      .filter((file) => !(file in TABLES))
      .flatMap((file) => spelledCodes(file).map(({ code, line }) => `${file}:${line}: ${code}`));
    expect(bare).toEqual([]);
  });
});

describe('docs/diagnostics.md', () => {
  it('finds codes on both sides', () => {
    expect(used.size).toBeGreaterThan(100);
    expect(documented.size).toBeGreaterThan(100);
  });

  it('documents every code a stage can print', () => {
    const missing = [...used].filter(([code]) => !documented.has(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('prints every documented code, or marks it retired', () => {
    const stale = [...documented]
      .filter(([code, row]) => !used.has(code) && !/retired/.test(row.text))
      .map(([code]) => code);
    expect(stale).toEqual([]);
  });

  it('keeps retired codes out of the tables', () => {
    const revived = [...documented]
      .filter(([code, row]) => used.has(code) && /retired/.test(row.text))
      .map(([code]) => `${code} (${used.get(code)})`);
    expect(revived).toEqual([]);
  });

  it('gives each documented code a level', () => {
    // `error/warning`: a code whose level depends on an option (e.g. an accepted loss).
    for (const [code, row] of documented)
      for (const level of row.level.split('/')) expect(['error', 'warning', 'notice', '—'], code).toContain(level);
  });
});
