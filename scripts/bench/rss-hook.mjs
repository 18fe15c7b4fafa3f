// Preloaded into a measured child (`node --import`): reports its peak memory on exit.
process.on('exit', () => process.stderr.write(`BENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\n`));
