import { benchClient } from './scripts/bench/client-bench.ts';
const r = await benchClient(3, 3000, 16);
for (const c of r) console.log(c.name.padEnd(28), Math.round(c.rps), Math.round(c.cpuUsPerRequest));
process.exit(0);
