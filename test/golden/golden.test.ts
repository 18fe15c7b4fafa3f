/**
 * Golden outputs (style.md rule 7): each feature spec `test/golden/<name>.yaml` → its IR
 * (`ir.json`, the spec file named by its repository path), method module, fixture module and
 * their declaration files, compared byte for byte with `test/golden/expected/<name>/`, the
 * modules type-checked strictly (tsconfig.json here maps the modules' `../runtime/` imports onto
 * templates/runtime). `UPDATE_GOLDEN=1` rewrites them.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../generator/src/files/list-files.js';
import { buildIrMethod } from '../../generator/src/ir/build-ir.js';
import { nameMethod } from '../../generator/src/ir/names.js';
import { generatePackage, type GenerateResult } from '../../generator/src/pipeline/generate-package.js';
import type { MethodSpec } from '../../generator/src/spec/model.js';
import { readYamlValue } from '../../generator/src/spec/read-yaml-value.js';
import {
  GOLDEN_DIR,
  listGoldens,
  minimalTemplates,
  scratchDir,
  writeSpecFolder,
  type Golden,
} from '../generate/golden-specs.js';

const EXPECTED = join(GOLDEN_DIR, 'expected');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const IR_FILE = 'ir.json';

/**
 * The IR of a golden spec as stable JSON (2-space indent, keys as built), built by the
 * generator's build-ir from the spec file named by its repository path, so that the snapshot
 * is the same on every machine.
 */
function irSnapshot(golden: Golden): string {
  const file = `test/golden/${golden.name}.yaml`;
  const method = buildIrMethod(file, readYamlValue(file, golden.text).value as MethodSpec, golden.text, []);
  return `${JSON.stringify(method, null, 2)}\n`;
}

/** Package path → path under expected/<name>/. */
function goldenFiles(golden: Golden): { from: string; to: string }[] {
  const stem = nameMethod(golden.method).fileStem;
  return [
    { from: `src/methods/${stem}.ts`, to: `src/methods/${stem}.ts` },
    { from: `src/fixtures/${stem}.ts`, to: `src/fixtures/${stem}.ts` },
    { from: `dist/esm/methods/${stem}.d.ts`, to: `dist/methods/${stem}.d.ts` },
    { from: `dist/esm/fixtures/${stem}.d.ts`, to: `dist/fixtures/${stem}.d.ts` },
  ];
}

let goldens: Golden[];
let result: GenerateResult;
/** `ir.json` text by golden name. */
let irs: Map<string, string>;

beforeAll(async () => {
  goldens = await listGoldens();
  const dir = await scratchDir('golden');
  result = await generatePackage({
    specDir: await writeSpecFolder(dir, goldens),
    outDir: join(dir, 'out'),
    write: false,
    reuse: false,
    templatesDir: await minimalTemplates(dir),
  });
  irs = new Map(goldens.map((g) => [g.name, irSnapshot(g)]));
  if (UPDATE) {
    await rm(EXPECTED, { recursive: true, force: true });
    for (const g of goldens) {
      for (const f of goldenFiles(g)) {
        const target = join(EXPECTED, g.name, f.to);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, result.files.get(f.from)!);
      }
      await writeFile(join(EXPECTED, g.name, IR_FILE), irs.get(g.name)!);
    }
  }
});

describe('golden outputs', () => {
  it('has at least eight feature specs, each generated without errors', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(8);
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(result.methods).toBe(goldens.length);
  });

  it('reports exactly the expected notices and warnings', () => {
    const found = result.diagnostics
      .filter((d) => d.code !== 'TBK320')
      .map((d) => `${d.file.split('/').pop()} ${d.code}`)
      .sort();
    expect(found).toEqual([
      'taobao.tbk.golden.delete.class.yaml TBK307', // types.Object is reserved
      'taobao.tbk.golden.delete.class.yaml TBK307', // types.Record is reserved
      'taobao.tbk.golden.struct.both.yaml TBK224', // the validator: Unused is not used
      'taobao.tbk.golden.struct.both.yaml TBK304', // the generator: Unused is not generated
    ]);
  });

  it('matches the expected files byte for byte, with no stale expectations', async () => {
    const wanted = new Set<string>();
    for (const g of goldens) {
      for (const f of goldenFiles(g)) {
        const path = join(EXPECTED, g.name, f.to);
        wanted.add(path);
        const actual = result.files.get(f.from);
        expect(actual, `${f.from} was not generated`).toBeTypeOf('string');
        expect(actual, `${relative(GOLDEN_DIR, path)} differs; UPDATE_GOLDEN=1 rewrites it`).toBe(
          await readFile(path, 'utf8').catch(() => '(missing)'),
        );
      }
      const irPath = join(EXPECTED, g.name, IR_FILE);
      wanted.add(irPath);
      expect(irs.get(g.name), `${relative(GOLDEN_DIR, irPath)} differs; UPDATE_GOLDEN=1 rewrites it`).toBe(
        await readFile(irPath, 'utf8').catch(() => '(missing)'),
      );
    }
    const onDisk = (await listFiles(EXPECTED, { all: true })).map((p) => join(EXPECTED, p));
    expect(onDisk.filter((p) => !wanted.has(p)).map((p) => relative(GOLDEN_DIR, p))).toEqual([]);
  });

  it('maps every golden folder in tsconfig.json rootDirs', async () => {
    const config = ts.parseConfigFileTextToJson(
      'tsconfig.json',
      await readFile(join(GOLDEN_DIR, 'tsconfig.json'), 'utf8'),
    ).config as { compilerOptions: { rootDirs: string[] } };
    for (const g of goldens) {
      expect(config.compilerOptions.rootDirs).toContain(`./expected/${g.name}/src`);
      expect(config.compilerOptions.rootDirs).toContain(`./expected/${g.name}/dist`);
    }
  });

  it('type-checks with tsc --strict', () => {
    const configPath = join(GOLDEN_DIR, 'tsconfig.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(
      configPath,
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    )!;
    expect(parsed.fileNames.length).toBe(goldens.length * 4);
    const program = ts.createProgram(parsed.fileNames, parsed.options);
    const messages = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${relative(GOLDEN_DIR, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
    expect(messages).toEqual([]);
  });
});
