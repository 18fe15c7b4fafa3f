/**
 * Importing one method must not pull in the others: a minified esbuild bundle of a program that
 * imports `TopClient` and one request class from `tbk-client` (resolved through the workspace
 * like any dependency) holds that method's name and no other method's, and still runs.
 */
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, scratchDir } from './golden-specs.js';
import { runNode, specMethods } from './package-helpers.js';

const methods = await specMethods();
const chosen = methods.find((m) => m.method === 'taobao.tbk.uvid.encrypt') ?? methods[0]!;
const others = methods.filter((m) => m !== chosen);
/** Minified ESM bytes of TopClient and one request class (27.3 KB measured; target 15 KB). */
const ONE_METHOD_BUNDLE_BYTES = 27_400;

async function bundle(contents: string, format: 'esm' | 'cjs'): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: REPO_ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format,
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function expectOnlyChosen(code: string): void {
  expect(code).toContain(chosen.method);
  expect(
    others.filter((m) => code.includes(`"${m.method}"`) || code.includes(`'${m.method}'`)).map((m) => m.method),
  ).toEqual([]);
  expect(code).not.toContain('startMockGateway');
}

describe(`a bundle importing TopClient and ${chosen.requestClass}`, () => {
  it('has other methods to leave out', () => {
    expect(others.length).toBeGreaterThan(0);
  });

  it('as ES modules holds no other method, and runs', async () => {
    const code = await bundle(
      `import { TopClient, ${chosen.requestClass} } from 'tbk-client';\nconsole.log(typeof TopClient, new ${chosen.requestClass}({}).meta.method);\n`,
      'esm',
    );
    expectOnlyChosen(code);
    const file = join(await scratchDir('bundle'), 'bundle.mjs');
    await writeFile(file, code);
    expect((await runNode(`await import(${JSON.stringify(file)})`, 'module')).trim()).toBe(`function ${chosen.method}`);
  });

  it('carries the XML parser only when the program passes the XML decoder', async () => {
    const xmlParser = 'in XML at position'; // the XML parser's error message (templates/runtime/xml.ts)
    const jsonOnly = await bundle(
      `import { TopClient } from 'tbk-client';\nconsole.log(new TopClient({ appKey: 'k', appSecret: 's' }));\n`,
      'esm',
    );
    expect(jsonOnly).not.toContain(xmlParser);
    const withXml = await bundle(
      `import { TopClient, decodeXmlResponse } from 'tbk-client';\nconsole.log(new TopClient({ appKey: 'k', appSecret: 's', format: 'xml', xml: decodeXmlResponse }));\n`,
      'esm',
    );
    expect(withXml).toContain(xmlParser);
    expect(withXml.length - jsonOnly.length).toBeGreaterThan(2000);
  });

  it('carries the multipart code only with a method that has byte[] params', async () => {
    const upload = methods.find((m) => m.method === 'taobao.tbk.sc.pic.embed');
    expect(upload, 'the corpus method with a byte[] param').toBeDefined();
    const multipartCode = 'application/octet-stream'; // the default file type (templates/runtime/file-input.ts)
    const without = await bundle(
      `import { TopClient, ${chosen.requestClass} } from 'tbk-client';\nconsole.log(new TopClient({ appKey: 'k', appSecret: 's' }), ${chosen.requestClass});\n`,
      'esm',
    );
    expect(without).not.toContain(multipartCode);
    const withUpload = await bundle(
      `import { TopClient, ${upload!.requestClass} } from 'tbk-client';\nconsole.log(new TopClient({ appKey: 'k', appSecret: 's' }), ${upload!.requestClass});\n`,
      'esm',
    );
    expect(withUpload).toContain(multipartCode);
  });

  it('carries the param checks of the kinds its method has, and no other', async () => {
    const code = await bundle(
      `import { TopClient, ${chosen.requestClass} } from 'tbk-client';\nconsole.log(new TopClient({ appKey: 'k', appSecret: 's' }), ${chosen.requestClass});\n`,
      'esm',
    );
    // taobao.tbk.uvid.encrypt has Number and String params only (templates/runtime/param-checks.ts messages).
    expect(code).toContain('an integer (number, bigint or integer text)');
    for (const other of ['a decimal (number or decimal text)', 'a boolean', 'JSON text or a JSON value'])
      expect(code).not.toContain(other);
  });

  // CommonJS cannot be tree-shaken: `require('tbk-client')` loads every module. A CommonJS
  // program that wants one method requires it by its deep path (docs/generator.md).
  it('as CommonJS through the deep import holds no other method', async () => {
    expectOnlyChosen(
      await bundle(
        `const { ${chosen.requestClass} } = require('tbk-client/methods/${chosen.fileStem}');\nconsole.log(${chosen.requestClass});\n`,
        'cjs',
      ),
    );
  });

  it('as ES modules from the deep import holds no other method, nor the client', async () => {
    const code = await bundle(
      `import { ${chosen.requestClass} } from 'tbk-client/methods/${chosen.fileStem}';\nconsole.log(${chosen.requestClass}.method);\n`,
      'esm',
    );
    expectOnlyChosen(code);
    expect(code).not.toContain('TopClient');
  });

  // The one-method bundle the bench measures (scripts/bench/package-bench.ts). Its target is 15 KB
  // (issue 17); the limit holds the size reached so far, so the client core cannot grow unseen.
  it('as ES modules with a client stays within its byte limit', async () => {
    const code = await bundle(
      `import { TopClient, ${chosen.requestClass} } from 'tbk-client';\nconsole.log(new TopClient({ appKey: 'k', appSecret: 's' }), ${chosen.requestClass});\n`,
      'esm',
    );
    expect(code.length).toBeLessThanOrEqual(ONE_METHOD_BUNDLE_BYTES);
  });
});
