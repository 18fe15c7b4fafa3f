/**
 * The inputs of the package besides the method specs and the code templates: the package
 * identity (spec/package.yaml), the release history (spec/releases.yaml) and the prose
 * templates they are rendered through (README, CHANGELOG, LICENSE). Read once per generation;
 * their problems join the run's diagnostics, and an error stops it like a bad spec does.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHANGELOG_TEMPLATE } from '../emit/changelog.js';
import { licenseTemplatePath } from '../emit/license.js';
import { README_TEMPLATE } from '../emit/readme-view.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { readPackageIdentity, type PackageIdentity } from '../spec/package-identity.js';
import { compareVersions, parseVersion } from '../spec/package-version.js';
import { HISTORY_FILE, readReleaseHistory, type ReleaseEntry } from '../spec/release-history.js';
import { PipelineCode } from './pipeline-codes.js';

export interface PackageInputs {
  identity: PackageIdentity;
  releases: ReleaseEntry[];
  templates: { readme: string; changelog: string; license: string };
  diagnostics: Diagnostic[];
}

export async function readPackageInputs(specDir: string, templatesDir: string): Promise<PackageInputs> {
  const [identityRead, history, readme, changelog] = await Promise.all([
    readPackageIdentity(specDir),
    readReleaseHistory(specDir),
    readFile(join(templatesDir, README_TEMPLATE), 'utf8'),
    readFile(join(templatesDir, CHANGELOG_TEMPLATE), 'utf8'),
  ]);
  const { identity } = identityRead;
  const diagnostics = [...identityRead.diagnostics, ...history.diagnostics];
  const newest = history.releases[0];
  const version = parseVersion(identity.version);
  if (newest && version && compareVersions(version, parseVersion(newest.version)!) < 0) {
    diagnostics.push({
      file: join(specDir, HISTORY_FILE),
      line: 0,
      level: 'error',
      code: PipelineCode.historyAhead,
      message: `the history records release ${newest.version}, newer than the version ${identity.version} of ${identityRead.file ?? 'the package identity'}`,
    });
  }
  const license = await readFile(join(templatesDir, licenseTemplatePath(identity.license)), 'utf8');
  return { identity, releases: history.releases, templates: { readme, changelog, license }, diagnostics };
}
