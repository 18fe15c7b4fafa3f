import { describe, expect, it } from 'vitest';
import { parseArgs, readCommandArgs, UsageError } from '../../generator/src/cli/cli-args.js';

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
  it('reads a value option followed by another option as having no value', () => {
    expect(() => parseArgs(['--spec', '--quiet'], { values: ['spec'], flags: ['quiet'] })).toThrow(
      /--spec needs a value/,
    );
    expect(parseArgs(['--spec=--odd'], { values: ['spec'] }).options).toEqual({ spec: '--odd' });
    expect(parseArgs(['--spec', '-5'], { values: ['spec'] }).options).toEqual({ spec: '-5' });
    expect(parseArgs(['--spec='], { values: ['spec'] }).options).toEqual({ spec: '' });
  });
  it('reads -h as --help and other single-dash words as positionals', () => {
    expect(parseArgs(['-h'], {}).options).toEqual({ help: true });
    expect(parseArgs(['-', '-5', '-xy', '-hx'], {})).toEqual({ positionals: ['-', '-5', '-xy', '-hx'], options: {} });
    expect(() => parseArgs(['--help=yes'], {})).toThrow(/--help takes no value/);
  });
  it('treats everything after -- as positional', () => {
    expect(parseArgs(['--', '--spec'], { values: ['spec'] }).positionals).toEqual(['--spec']);
  });
});

describe('readCommandArgs', () => {
  const io = () => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } },
    };
  };
  const read = (args: string[], sink: ReturnType<typeof io>['io']) =>
    readCommandArgs(
      'x',
      'usage: tbk-gen x',
      args,
      { values: ['n'] },
      (p) => {
        if (p.options.n === 'bad') throw new UsageError('--n is bad');
        return { n: p.options.n };
      },
      sink,
    );

  it('returns the options read', () => {
    const { io: sink } = io();
    expect(read(['--n', '3'], sink)).toEqual({ options: { n: '3' } });
  });
  it('prints the usage for --help and exits 0', () => {
    const { out, io: sink } = io();
    expect(read(['--help'], sink)).toEqual({ exit: 0 });
    expect(out.stdout).toBe('usage: tbk-gen x\n');
  });
  it('prints a usage error from parsing or reading and exits 2', () => {
    const a = io();
    expect(read(['--nope'], a.io)).toEqual({ exit: 2 });
    expect(a.out.stderr).toBe('tbk-gen x: unknown option --nope\n\nusage: tbk-gen x\n');
    const b = io();
    expect(read(['--n', 'bad'], b.io)).toEqual({ exit: 2 });
    expect(b.out.stderr).toMatch(/^tbk-gen x: --n is bad\n/);
  });
});
