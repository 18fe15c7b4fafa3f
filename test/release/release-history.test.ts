/**
 * spec/releases.yaml: the committed history is valid and round-trips through the serialiser
 * that `tbk-gen release` writes with; entries out of order or malformed are errors at the entry
 * (TBK510, TBK511); a history newer than the identity's version stops generation (TBK512).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/src/report/diagnostic.js';
import { readPackageInputs } from '../../generator/src/pipeline/package-inputs.js';
import {
  parseReleaseHistory,
  readReleaseHistory,
  serializeReleaseHistory,
} from '../../generator/src/spec/release-history.js';
import { REPO_ROOT, TEMPLATES_DIR } from '../generate/golden-specs.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const entry = (version: string) =>
  `  - version: ${version}\n    date: 2026-01-01\n    compared_with: x\n    summary: y\n`;

describe('release history', () => {
  it('reads the committed history, whose newest entry is the identity version, and writes it back as it was', async () => {
    const read = await readReleaseHistory(join(REPO_ROOT, 'spec'));
    expect(read.diagnostics).toEqual([]);
    const identity = await readFile(join(REPO_ROOT, 'spec/package.yaml'), 'utf8');
    expect(identity).toContain(`\nversion: ${read.releases[0]!.version}\n`);
    expect(serializeReleaseHistory(read.releases)).toBe(await readFile(join(REPO_ROOT, 'spec/releases.yaml'), 'utf8'));
  });

  it('refuses entries out of order and malformed entries, at the entry', () => {
    const order = parseReleaseHistory('spec/releases.yaml', `releases:\n${entry('0.1.0')}${entry('0.2.0')}`);
    expect(order.diagnostics.map(formatDiagnostic)).toEqual([
      'spec/releases.yaml:6:14: error TBK511 releases are newest first: 0.2.0 comes after 0.1.0',
    ]);
    const bad = parseReleaseHistory(
      'spec/releases.yaml',
      `releases:\n${entry('0.2').replace('date: 2026-01-01', 'date: yesterday')}`,
    );
    expect(bad.diagnostics.map(formatDiagnostic)).toEqual([
      'spec/releases.yaml:2:14: error TBK510 a release needs a `version` MAJOR.MINOR.PATCH',
      'spec/releases.yaml:3:11: error TBK510 a release needs a `date` YYYY-MM-DD',
    ]);
  });

  it('stops generation when the history records a release newer than the identity version', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tbk-history-'));
    dirs.push(dir);
    await writeFile(
      join(dir, 'package.yaml'),
      'name: tbk-client\nversion: 0.1.0\ndescription: d\nlicense: MIT\ncopyright: c\n',
    );
    await writeFile(join(dir, 'releases.yaml'), `releases:\n${entry('0.2.0')}`);
    const inputs = await readPackageInputs(dir, TEMPLATES_DIR);
    expect(inputs.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      `TBK512 the history records release 0.2.0, newer than the version 0.1.0 of ${join(dir, 'package.yaml')}`,
    ]);
  });
});
