// The WebAssembly side of scripts/compare-web.sh: draws each school as
// SVG, PNG (1600 px) and PDF in Node with the built package and prints the
// median of N runs (after three warm-up rounds) as JSON lines; the first call
// of all and the time to load the module are printed too.
//   node web/bench.mjs N FILE...
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const pkg = process.env.CIRKEL_PKG || resolve(import.meta.dirname, "../target/web/npm");
const started = performance.now();
const cirkel = await import(pathToFileURL(resolve(pkg, "cirkel.js")).href);
await cirkel.init();
console.log(JSON.stringify({ load_ms: +(performance.now() - started).toFixed(1) }));
const [n, ...files] = process.argv.slice(2);
// Every school in every format first, three times: the engine optimises a
// module's functions as they get hot, and the timings are of the optimised
// code (the very first call of each is reported as first_ms).
const inputs = files.map((file) => [file, readFileSync(file)]);
const first = new Map();
for (let round = 0; round < 3; round++) {
  for (const [file, input] of inputs) {
    for (const format of ["svg", "png", "pdf"]) {
      const t0 = performance.now();
      cirkel.draw(input, { format, width: 1600 });
      if (round === 0) first.set(file + format, performance.now() - t0);
    }
  }
}
for (const [file, input] of inputs) {
  for (const format of ["svg", "png", "pdf"]) {
    const times = [];
    for (let i = 0; i < Number(n); i++) {
      const t = performance.now();
      cirkel.draw(input, { format, width: 1600 });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(JSON.stringify({ file, format, median_ms: +times[Math.floor(times.length / 2)].toFixed(1), first_ms: +first.get(file + format).toFixed(1) }));
  }
}
