/**
 * `CHANGELOG.md` of the package, rendered from the release history (spec/releases.yaml)
 * through the logic-free template templates/changelog.md.hbs: one section per release, newest
 * first, its changes grouped as breaking, added, changed and docs, per method. Everything the
 * template prints is computed here; the history's change texts are markdown already
 * (release/release-entry.ts), titles are escaped.
 */
import Handlebars from 'handlebars';
import type { PackageIdentity } from '../spec/package-identity.js';
import { CHANGE_SECTIONS, type ChangeSection, type ReleaseEntry } from '../spec/release-history.js';
import { headerMarkdown } from './file-header.js';
import { paths } from './package-layout.js';
import { markdownText } from './readme-view.js';

/** The changelog template, under templates/. */
export const CHANGELOG_TEMPLATE = 'changelog.md.hbs';

const HEADINGS: Record<ChangeSection, string> = {
  breaking: 'Breaking changes',
  added: 'Added',
  changed: 'Changed',
  docs: 'Documentation',
};

export interface ChangelogView {
  header: string;
  packageName: string;
  releases: {
    version: string;
    date: string;
    intro: string;
    sections: { heading: string; methods: { method: string; changes: string[] }[] }[];
  }[];
  /** One item when there is no release yet (the template prints a line for it). */
  empty: true[];
}

export function buildChangelogView(identity: PackageIdentity, releases: readonly ReleaseEntry[]): ChangelogView {
  return {
    header: headerMarkdown('spec/releases.yaml and templates/changelog.md.hbs'),
    packageName: markdownText(identity.name),
    releases: releases.map((r) => ({
      version: r.version,
      date: r.date,
      intro: r.previous
        ? `Changes since ${r.previous} (compared with ${markdownText(r.compared_with)}): ${markdownText(r.summary)}.`
        : `${markdownText(r.summary)}.`,
      sections: CHANGE_SECTIONS.filter((s) => r[s].length > 0).map((s) => ({
        heading: HEADINGS[s],
        methods: r[s].map((m) => ({
          method: `\`${m.method}\`${m.title ? ` — ${markdownText(m.title)}` : ''}`,
          changes: m.changes,
        })),
      })),
    })),
    empty: releases.length ? [] : [true],
  };
}

export function emitChangelog(view: ChangelogView, template: string): { path: string; source: string } {
  const render = Handlebars.compile(template, { noEscape: true, strict: true });
  return { path: paths.changelog, source: render(view).replace(/\r\n/g, '\n') };
}
