/**
 * Progress of a fetch: a redrawn bar on a terminal, plain lines every 10 % otherwise (CI logs).
 */
export interface Progress {
  tick(failed: boolean): void;
  done(): void;
}

export function createProgress(
  total: number,
  stream: NodeJS.WriteStream | { isTTY?: boolean; write(s: string): unknown },
): Progress {
  let count = 0;
  let failed = 0;
  let lastTenth = -1;
  const line = () => `records ${count}/${total}${failed ? `, ${failed} failed` : ''}`;
  return {
    tick(isFailure) {
      count += 1;
      if (isFailure) failed += 1;
      if (stream.isTTY) {
        const width = 30;
        const filled = total ? Math.round((count / total) * width) : width;
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line()}`);
        return;
      }
      const tenth = total ? Math.floor((count / total) * 10) : 10;
      if (tenth !== lastTenth || count === total) {
        lastTenth = tenth;
        stream.write(`${line()}\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
