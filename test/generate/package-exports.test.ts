/**
 * The committed package works from the repository root right after `npm ci`, with no build
 * step: `import('tbk-client')` and `require('tbk-client')` both load, the root exports
 * `TopClient`, `TopError`, `sign` and a request class for every method of the spec, the
 * `./call`, `./testing` and `./methods/<name>` entries resolve, publint finds nothing, and
 * `npm pack` ships only what a consumer loads: dist/, the tbk-mock bin, README.md, CHANGELOG.md
 * and LICENSE.
 */
import { describe, expect, it } from 'vitest';
import { publint } from 'publint';
import { PACKAGE_DIR, runNode, runTool, specMethods } from './package-helpers.js';

const methods = await specMethods();
const first = methods.find((m) => m.method === 'taobao.tbk.uvid.encrypt') ?? methods[0]!;

const probe = (load: (specifier: string) => string): string => `
  const root = ${load('tbk-client')};
  const call = ${load('tbk-client/call')};
  const testing = ${load('tbk-client/testing')};
  const deep = ${load(`tbk-client/methods/${first.fileStem}`)};
  const classes = Object.keys(root).filter((k) => /Request$/.test(k) && typeof root[k] === 'function' && typeof root[k].method === 'string');
  console.log(JSON.stringify({
    TopClient: typeof root.TopClient, TopError: typeof root.TopError, sign: root.sign({ b: '2', a: '1' }, 'secret', 'md5'),
    classes: Object.fromEntries(classes.map((k) => [root[k].method, k])),
    call: Object.keys(call.requestClasses).length, callClient: typeof call.TopCallClient,
    fixtures: testing.fixtures.length, gateway: typeof testing.startMockGateway,
    deep: deep.${first.requestClass} === root.${first.requestClass},
  }));`;

function expectLoaded(out: string): void {
  const seen = JSON.parse(out) as Record<string, unknown>;
  expect(seen).toMatchObject({
    TopClient: 'function',
    TopError: 'function',
    call: methods.length,
    callClient: 'function',
    fixtures: methods.length,
    gateway: 'function',
    deep: true,
  });
  // upper(hex(md5('secret' + 'a1b2' + 'secret'))): params sorted by name, as the official SDKs sign.
  expect(seen['sign']).toBe('EF16F26C937CF52AE6F85DF2FD08B24A');
  expect(seen['classes']).toEqual(Object.fromEntries(methods.map((m) => [m.method, m.requestClass])));
}

describe('tbk-client from the repository root', () => {
  it('has a generated package for every method of the spec', () => {
    expect(methods.length).toBeGreaterThan(0);
  });

  it('loads with import()', async () => {
    expectLoaded(
      await runNode(
        probe((s) => `await import('${s}')`),
        'module',
      ),
    );
  });

  it('loads with require()', async () => {
    expectLoaded(
      await runNode(
        probe((s) => `require('${s}')`),
        'commonjs',
      ),
    );
  });

  it('is clean under publint', async () => {
    const { messages } = await publint({ pkgDir: PACKAGE_DIR, level: 'suggestion' });
    expect(messages).toEqual([]);
  });

  it('packs dist/ (no fixture declarations), the bin, README.md, CHANGELOG.md, LICENSE and package.json only', async () => {
    const { stdout, code } = await runTool('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', PACKAGE_DIR]);
    expect(code).toBe(0);
    const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files.filter((f) => !f.startsWith('dist/')).sort()).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'bin/tbk-mock.js',
      'package.json',
    ]);
    expect(files).toContain(`dist/esm/methods/${first.fileStem}.js`);
    expect(files).toContain(`dist/cjs/methods/${first.fileStem}.d.ts`);
    // The testing entry loads every fixture's JavaScript; no entry exposes their declarations.
    expect(files).toContain(`dist/esm/fixtures/${first.fileStem}.js`);
    expect(files).toContain(`dist/cjs/fixtures/${first.fileStem}.js`);
    expect(files.filter((f) => /^dist\/[a-z]+\/fixtures\/.+\.d\.ts$/.test(f))).toEqual([]);
  });
});
