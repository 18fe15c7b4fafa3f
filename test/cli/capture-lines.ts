/**
 * Runs a command function in-process and collects what it prints, as non-empty lines of stdout
 * and stderr, restoring the streams afterwards.
 */
export async function captureLines(
  run: () => Promise<number>,
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = process.stdout.write.bind(process.stdout);
  const stderr = process.stderr.write.bind(process.stderr);
  process.stdout.write = (chunk: string) => (out.push(...String(chunk).split('\n').filter(Boolean)), true);
  process.stderr.write = (chunk: string) => (err.push(...String(chunk).split('\n').filter(Boolean)), true);
  try {
    return { code: await run(), out, err };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
}
