/**
 * tbk-client published to a real registry and installed from it, as its users get it: the
 * committed package is packed and published with `npm publish` to a local Verdaccio (no
 * uplinks), installed into an empty consumer project, loaded with import() and require(), a
 * consumer file type-checked under `strict` with the repository's TypeScript and run against
 * the installed mock gateway, and `npx tbk-mock` run from the installed bin. Then a spec change
 * is released with `tbk-gen release` in a copy of the repository (never in spec/ itself),
 * published, and installed with `npm update`; its CHANGELOG names the change.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../generate/golden-specs.js';
import { freePort, run, startLocalRegistry, type LocalRegistry } from './local-registry.js';

const SLOW = 120_000;
let dir: string;
let registry: LocalRegistry;
let consumer: string;
let first: { name: string; version: string };

const readJson = async (path: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;

/** Packs a package folder into `dir` and publishes the tarball; returns the tarball path. */
async function publish(packageDir: string): Promise<string> {
  const packed = JSON.parse(await registry.npm(['pack', packageDir, '--json', '--pack-destination', dir], dir)) as {
    filename: string;
  }[];
  const tarball = join(dir, packed[0]!.filename);
  await registry.npm(['publish', tarball], dir);
  return tarball;
}

const node = (args: string[], cwd: string) => run(process.execPath, args, cwd, registry.env);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tbk-registry-'));
  registry = await startLocalRegistry(join(dir, 'registry'));
  const pkg = await readJson(join(REPO_ROOT, 'generated/package.json'));
  first = { name: pkg['name'] as string, version: pkg['version'] as string };
  await publish(join(REPO_ROOT, 'generated'));
  consumer = join(dir, 'consumer');
  await cp(join(REPO_ROOT, 'test/publish/consumer'), consumer, { recursive: true });
  await writeFile(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
  );
  await registry.npm(['install', `${first.name}@${first.version}`], consumer);
}, SLOW);

afterAll(async () => {
  await registry?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('tbk-client from a registry', () => {
  it('is served by the registry at the committed version', async () => {
    const meta = (await (await fetch(`${registry.url}${first.name}`)).json()) as { 'dist-tags': { latest: string } };
    expect(meta['dist-tags'].latest).toBe(first.version);
    const installed = await readJson(join(consumer, 'node_modules', first.name, 'package.json'));
    expect(installed['version']).toBe(first.version);
    const dependencies = (await readJson(join(consumer, 'package.json')))['dependencies'] as Record<string, string>;
    expect(dependencies[first.name]).toBe(`^${first.version}`);
  });

  it('installs the files a consumer loads, with a LICENSE, and no tests, sources or manifest', async () => {
    const root = join(consumer, 'node_modules', first.name);
    expect(await readFile(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) /);
    const packed = JSON.parse(await registry.npm(['pack', root, '--dry-run', '--json'], dir)) as {
      files: { path: string }[];
    }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files.filter((f) => !f.startsWith('dist/')).sort()).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'bin/tbk-mock.js',
      'package.json',
    ]);
    expect(files.some((f) => f.startsWith('dist/esm/fixtures/') && f.endsWith('.js'))).toBe(true);
    expect(files.some((f) => /^dist\/[a-z]+\/fixtures\/.*\.d\.ts$/.test(f))).toBe(false);
  });

  it('gives TopClient to import() and to require()', async () => {
    const esm = await node(
      [
        '--input-type=module',
        '-e',
        `const m = await import('${first.name}'); console.log(typeof m.TopClient, typeof m.TopError)`,
      ],
      consumer,
    );
    const cjs = await node(
      [
        '--input-type=commonjs',
        '-e',
        `const m = require('${first.name}'); console.log(typeof m.TopClient, typeof m.TopError)`,
      ],
      consumer,
    );
    expect(esm.trim()).toBe('function function');
    expect(cjs.trim()).toBe('function function');
  });

  it('type-checks a consumer file under strict, which then calls the installed mock gateway', async () => {
    await node(
      [
        join(REPO_ROOT, 'node_modules/typescript/bin/tsc'),
        '-p',
        '.',
        '--typeRoots',
        join(REPO_ROOT, 'node_modules/@types'),
      ],
      consumer,
    );
    const result = JSON.parse(await node(['out/call-mock.js'], consumer)) as Record<string, unknown>;
    expect(result).toEqual({ calls: 1, verified: true, method: 'taobao.tbk.uvid.encrypt', uvid: expect.any(String) });
  });

  it('runs `npx tbk-mock --port N` from the installed bin, one line per request answered', async () => {
    const port = await freePort();
    const child = spawn('npx', ['tbk-mock', '--port', String(port)], {
      cwd: consumer,
      env: registry.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
    const until = async (pattern: RegExp): Promise<void> => {
      const deadline = Date.now() + 20_000;
      while (!pattern.test(out)) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`no ${pattern} in the output of tbk-mock:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      await until(new RegExp(`mock TOP gateway: http://127\\.0\\.0\\.1:${port}/router/rest`));
      const gateway = `http://127.0.0.1:${port}/router/rest`;
      const script = `import { TopClient, TbkUvidEncryptRequest } from '${first.name}';
        const client = new TopClient({ appKey: '12345678', appSecret: 'helloworld', gateway: '${gateway}' });
        const res = await client.execute(new TbkUvidEncryptRequest({ tk_domain: 1 }));
        client.close();
        console.log(typeof res.request_id);`;
      expect((await node(['--input-type=module', '-e', script], consumer)).trim()).toBe('string');
      await until(/taobao\.tbk\.uvid\.encrypt \(json\) → 200 sample, request_id \w+/);
      const lines = out.split('\n').filter((l) => l.includes(' → '));
      expect(lines).toHaveLength(1);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  });

  it(
    'installs a release made after a spec change as an upgrade, whose CHANGELOG names the change',
    { timeout: SLOW },
    async () => {
      const repo = join(dir, 'repo');
      for (const path of [
        'spec/methods',
        'spec/catalog.yaml',
        'spec/schema.json',
        'spec/package.yaml',
        'spec/releases.yaml',
        'generated',
        'package-lock.json',
      ]) {
        await cp(join(REPO_ROOT, path), join(repo, path), {
          recursive: true,
          filter: (src) => !src.includes('node_modules'),
        });
      }
      const git = (...args: string[]) =>
        run(
          'git',
          ['-c', 'user.name=Release Test', '-c', 'user.email=release@example.invalid', ...args],
          repo,
          registry.env,
        );
      await git('init', '-q');
      await git('add', '-A');
      await git('commit', '-qm', 'published');
      await git('tag', `${first.name}@${first.version}`);
      const specFile = join(repo, 'spec/methods/taobao.tbk.uvid.encrypt.yaml');
      const spec = await readFile(specFile, 'utf8');
      expect(spec).toContain('\nrequest:\n  - name: tk_domain\n');
      await writeFile(
        specFile,
        spec.replace(
          '\nrequest:\n',
          '\nrequest:\n  - name: release_probe\n    type: String\n    description: a param added after the first release\n',
        ),
      );
      await git('commit', '-qam', 'doc change: an optional param');

      const released = await node([join(REPO_ROOT, 'generator/bin/tbk-gen.js'), 'release', 'auto'], repo);
      const version = (await readJson(join(repo, 'generated/package.json')))['version'] as string;
      const [major, minor, patch] = first.version.split('.').map(Number) as [number, number, number];
      // A compatible addition: a patch below 1.0.0, a minor from 1.0.0 on (docs/publishing.md).
      expect(version).toBe(major === 0 ? `0.${minor}.${patch + 1}` : `${major}.${minor + 1}.0`);
      expect(released).toContain(`tag: ${first.name}@${version}`);
      expect(released).toContain('npm publish generated');

      await publish(join(repo, 'generated'));
      await registry.npm(['update'], consumer);
      const installed = join(consumer, 'node_modules', first.name);
      expect((await readJson(join(installed, 'package.json')))['version']).toBe(version);
      const changelog = await readFile(join(installed, 'CHANGELOG.md'), 'utf8');
      const section = changelog.slice(changelog.indexOf(`## ${version} `), changelog.indexOf(`## ${first.version} `));
      expect(section).toContain('### Added');
      expect(section).toContain('`taobao.tbk.uvid.encrypt`');
      expect(section).toContain('`request.release_probe`: optional param added (String)');
    },
  );
});
