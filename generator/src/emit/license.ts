/**
 * `LICENSE` of the package: the text of the identity's license (`templates/licenses/<SPDX
 * id>.txt.hbs`, logic-free) with its copyright line. The file carries no generated-file header:
 * a license is read by people and by license detectors, and both expect its text as it is.
 */
import Handlebars from 'handlebars';
import type { PackageIdentity } from '../spec/package-identity.js';
import { paths } from './package-layout.js';

/** The license template of an SPDX id, under templates/. */
export function licenseTemplatePath(license: string): string {
  return `licenses/${license}.txt.hbs`;
}

export function emitLicense(identity: PackageIdentity, template: string): { path: string; source: string } {
  const render = Handlebars.compile(template, { noEscape: true, strict: true });
  return { path: paths.license, source: render({ copyright: identity.copyright }).replace(/\r\n/g, '\n') };
}
