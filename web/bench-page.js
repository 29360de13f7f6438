// The browser side of scripts/compare-web.sh: web/bench.mjs's measurement
// in a page (served from the repository's root): the same schools, formats
// and runs; the results in window.results.
import * as cirkel from "../target/web/npm/cirkel.js";

const params = new URLSearchParams(location.search);
const n = Number(params.get("n") || 15);
const files = params.getAll("file");
const results = [];
const started = performance.now();
await cirkel.init();
results.push({ load_ms: +(performance.now() - started).toFixed(1) });
// Every school in every format first, three times: the engine optimises a
// module's functions as they get hot, and the timings are of the optimised
// code (the very first call of each is reported as first_ms).
const inputs = [];
for (const file of files) {
  inputs.push([file, new Uint8Array(await (await fetch("../" + file)).arrayBuffer())]);
}
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
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      cirkel.draw(input, { format, width: 1600 });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    results.push({ file, format, median_ms: +times[Math.floor(times.length / 2)].toFixed(1), first_ms: +first.get(file + format).toFixed(1) });
  }
}
window.results = results;
