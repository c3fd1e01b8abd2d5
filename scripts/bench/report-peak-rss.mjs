// Preloaded (`node --import`) into bench children: prints the process's peak RSS on exit, main thread and workers together.
import { writeSync } from "node:fs";
process.on("exit", () => {
  writeSync(2, `\nBENCH_PEAK_RSS_MB=${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
});
