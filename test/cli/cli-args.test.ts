import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../generator/src/cli/cli-args.js';

describe('parseArgs', () => {
  it('reads values, inline values, flags and positionals', () => {
    const p = parseArgs(['a', '--spec', 'x', '--out=y', '--quiet', 'b'], { values: ['spec', 'out'], flags: ['quiet'] });
    expect(p).toEqual({ positionals: ['a', 'b'], options: { spec: 'x', out: 'y', quiet: true } });
  });
  it('rejects unknown options and missing values', () => {
    expect(() => parseArgs(['--nope'], {})).toThrow(UsageError);
    expect(() => parseArgs(['--spec'], { values: ['spec'] })).toThrow(/needs a value/);
    expect(() => parseArgs(['--quiet=1'], { flags: ['quiet'] })).toThrow(/takes no value/);
  });
  it('treats everything after -- as positional', () => {
    expect(parseArgs(['--', '--spec'], { values: ['spec'] }).positionals).toEqual(['--spec']);
  });
});
