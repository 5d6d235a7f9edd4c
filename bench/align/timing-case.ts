/**
 * One timing case of the benchmark, run in its own process so that its peak memory is its own:
 *   tsx bench/align/timing-case.ts <hexapla|hunalign> <countA> <countB>
 * Prints one JSON line: { seconds, cpuSeconds, peakMB, f1 } (wall-clock and CPU time of the alignment alone).
 */
import { alignPair } from "../../lib/alignment/aligner/index";
import { hunalignRungs } from "./hunalign";
import { compareRungs, rungsOfBeads, scores } from "./metrics";
import { syntheticBitext } from "./synthetic";

async function main(): Promise<void> {
  const [aligner, countA, countB] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
  const bitext = syntheticBitext(countA, countB, 20240601);
  const gold = rungsOfBeads(bitext.gold, bitext.a.length, bitext.b.length);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const rungs =
    aligner === "hunalign"
      ? await hunalignRungs(bitext.a, bitext.b, "und", "und")
      : rungsOfBeads(alignPair(bitext.a, bitext.b, { langA: "und", langB: "und" }), bitext.a.length, bitext.b.length);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const peakMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds, peakMB, f1: scores(compareRungs(rungs, gold)).f1 })}\n`);
}

void main();
