import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSpecFolder } from '../../generator/src/spec/write-spec.js';

const base = mkdtempSync(join(tmpdir(), 'tbk-write-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function folder(name: string): string {
  const dir = join(base, name);
  mkdirSync(join(dir, 'methods'), { recursive: true });
  writeFileSync(join(dir, 'methods', 'taobao.tbk.a.yaml'), 'method: taobao.tbk.a\n');
  writeFileSync(join(dir, 'methods', 'taobao.tbk.keep.yaml'), 'method: taobao.tbk.keep\n');
  writeFileSync(join(dir, 'catalog.yaml'), 'snapshots: []\ntitles: []\n');
  return dir;
}

const snapshot = (dir: string) =>
  Object.fromEntries(
    ['catalog.yaml', ...readdirSync(join(dir, 'methods')).map((n) => `methods/${n}`)]
      .sort()
      .map((rel) => [rel, readFileSync(join(dir, rel), 'utf8')]),
  );

describe('writeSpecFolder', () => {
  it('writes changed files, leaves identical ones alone and never deletes files it is not given', async () => {
    const dir = folder('plain');
    const files = new Map([
      ['methods/taobao.tbk.a.yaml', 'method: taobao.tbk.a\n'],
      ['methods/taobao.tbk.b.yaml', 'method: taobao.tbk.b\n'],
      ['catalog.yaml', 'snapshots: []\ntitles: [] # new\n'],
    ]);
    const first = await writeSpecFolder(dir, files);
    expect(first).toEqual({
      written: ['methods/taobao.tbk.b.yaml', 'catalog.yaml'],
      unchanged: ['methods/taobao.tbk.a.yaml'],
      diagnostics: [],
    });
    expect(snapshot(dir)).toEqual({
      'catalog.yaml': 'snapshots: []\ntitles: [] # new\n',
      'methods/taobao.tbk.a.yaml': 'method: taobao.tbk.a\n',
      'methods/taobao.tbk.b.yaml': 'method: taobao.tbk.b\n',
      'methods/taobao.tbk.keep.yaml': 'method: taobao.tbk.keep\n',
    });
    const second = await writeSpecFolder(dir, files);
    expect(second.written).toEqual([]);
    expect(second.unchanged).toHaveLength(3);
    // No temporary folder is left beside the spec folder.
    expect(readdirSync(base).filter((n) => n.includes('-write-'))).toEqual([]);
  });

  it('creates a spec folder that does not exist yet', async () => {
    const dir = join(base, 'fresh', 'spec');
    const result = await writeSpecFolder(dir, new Map([['methods/taobao.tbk.a.yaml', 'x\n']]));
    expect(result.written).toEqual(['methods/taobao.tbk.a.yaml']);
    expect(readFileSync(join(dir, 'methods', 'taobao.tbk.a.yaml'), 'utf8')).toBe('x\n');
  });

  it('leaves every old file intact when writing fails part way', async () => {
    const dir = folder('failing');
    const before = snapshot(dir);
    let calls = 0;
    const failing = async (path: string, text: string) => {
      if (++calls === 2) throw new Error('ENOSPC: no space left on device');
      await writeFile(path, text);
    };
    const result = await writeSpecFolder(
      dir,
      new Map([
        ['methods/taobao.tbk.a.yaml', 'method: taobao.tbk.a # changed\n'],
        ['methods/taobao.tbk.keep.yaml', 'method: taobao.tbk.keep # changed\n'],
        ['catalog.yaml', 'changed\n'],
      ]),
      { shownDir: 'spec', writeFile: failing },
    );
    expect(result.written).toEqual([]);
    expect(result.diagnostics).toEqual([
      {
        file: 'spec',
        line: 0,
        level: 'error',
        code: 'TBK241',
        message: 'nothing written, the spec folder is unchanged: ENOSPC: no space left on device',
      },
    ]);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(base).filter((n) => n.includes('-write-'))).toEqual([]);
  });

  it('refuses paths outside methods/ and catalog.yaml', async () => {
    const dir = folder('paths');
    const result = await writeSpecFolder(dir, new Map([['../escape.yaml', 'x']]), { shownDir: 'spec' });
    expect(result.diagnostics.map((d) => [d.file, d.code])).toEqual([['spec/../escape.yaml', 'TBK241']]);
    expect(readdirSync(base)).not.toContain('escape.yaml');
  });
});
