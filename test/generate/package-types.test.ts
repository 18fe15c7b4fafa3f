/**
 * The committed package's types resolve for every consumer: `attw --pack` (Are The Types
 * Wrong) packs it with npm and checks every entry under node10, node16 from CommonJS and from
 * ESM, and bundler resolution.
 */
import { describe, expect, it } from 'vitest';
import { PACKAGE_DIR, runTool } from './package-helpers.js';

describe('attw --pack generated', () => {
  it('finds no problem in any entry point', async () => {
    const { stdout, code } = await runTool('npx', ['--no-install', 'attw', '--pack', PACKAGE_DIR, '--format', 'json']);
    const report = JSON.parse(stdout) as {
      problems: Record<string, unknown[]> | unknown[];
      analysis: { entrypoints: Record<string, unknown> };
    };
    expect(Object.values(report.problems).flat()).toEqual([]);
    expect(code).toBe(0);
    expect(Object.keys(report.analysis.entrypoints)).toEqual(expect.arrayContaining(['.', './call', './testing']));
  });
});
