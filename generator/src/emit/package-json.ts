/**
 * `package.json` of tbk-client: ESM first (`type: module`), CommonJS beside it, types for both
 * conditions (each `dist/<flavour>/*.d.ts` sits next to its JS, so TypeScript reads them in
 * the right module format), and `sideEffects: false` so bundlers drop the methods a program
 * does not import. Entries: `.`, `./call`, `./testing`, `./redis` (the Redis flow-control store,
 * for which `redis` is an optional peer dependency), and `./methods/<stem>` deep imports.
 */
import { CLIENT_VERSION } from '../../../templates/runtime/version.js';
import { headerText, JSON_HEADER_KEY } from './file-header.js';

function conditions(stem: string): object {
  return {
    import: { types: `./dist/esm/${stem}.d.ts`, default: `./dist/esm/${stem}.js` },
    require: { types: `./dist/cjs/${stem}.d.ts`, default: `./dist/cjs/${stem}.js` },
  };
}

/**
 * The package version stays `0.0.0`: the generator version and the spec hash live in
 * MANIFEST.json only (style.md rule 8), and the root package-lock.json records this workspace's
 * version, so `npm ci` would refuse a lock that disagrees. Set a version when publishing, in
 * templates/runtime/version.ts: the client's User-Agent reads the same constant.
 */
export const PACKAGE_VERSION: string = CLIENT_VERSION;

export function emitPackageJson(): { path: string; source: string } {
  const pkg = {
    [JSON_HEADER_KEY]: headerText('generator/src/emit/package-json.ts'),
    name: 'tbk-client',
    version: PACKAGE_VERSION,
    description: 'Typed client for the Taobao Open Platform 淘宝客 (taobao.tbk.*) APIs, generated from their doc pages by tbk-gen',
    license: 'MIT',
    type: 'module',
    sideEffects: false,
    engines: { node: '>=20.18.1' },
    main: './dist/cjs/index.js',
    types: './dist/cjs/index.d.ts',
    exports: {
      '.': conditions('index'),
      './call': conditions('call'),
      './testing': conditions('testing/index'),
      './redis': conditions('redis/index'),
      './methods/*': conditions('methods/*'),
      './package.json': './package.json',
    },
    typesVersions: {
      '*': { call: ['./dist/cjs/call.d.ts'], testing: ['./dist/cjs/testing/index.d.ts'], redis: ['./dist/cjs/redis/index.d.ts'], 'methods/*': ['./dist/cjs/methods/*.d.ts'] },
    },
    peerDependencies: { redis: '^5.0.0' },
    peerDependenciesMeta: { redis: { optional: true } },
    files: ['dist', 'README.md', 'MANIFEST.json'],
  };
  return { path: 'package.json', source: `${JSON.stringify(pkg, null, 2)}\n` };
}
