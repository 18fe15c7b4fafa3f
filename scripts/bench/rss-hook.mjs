// Preloaded into a measured child (`node --import`): reports its peak memory and CPU time on exit.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(
    `BENCH_MAXRSS_KB ${usage.maxRSS}\nBENCH_CPU_MS ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`,
  );
});
