// Builds the single-file page target/web/cirkel.html from target/web/site/
// (scripts/build-web.sh runs it): the style, every module and the worker as
// text, the module gzipped and in base64, and one small script that makes
// them into blob: modules, unpacks the module with the browser's own
// DecompressionStream and starts the page. Opened from disk (file://) and
// offline it works as the site does; its policy allows no connection at all.
//   node web/single.mjs SITE OUT SOURCES_HASH
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createHash as hash } from "node:crypto";
import { join } from "node:path";

const [site, out, sources] = process.argv.slice(2);
const read = (name) => readFileSync(join(site, name), "utf8");
const modules = ["dom.js", "words.js", "failure.js", "state.js", "server.js", "local.js", "backend.js", "problems.js", "form.js", "preview.js", "main.js", "worker.js", "cirkel.js"];
const texts = Object.fromEntries(modules.map((m) => [m, read(m)]));
const glue = read("cirkel_wasm.js");
const wasm = gzipSync(readFileSync(join(site, "cirkel_wasm_bg.wasm")), { level: 9 }).toString("base64");

// Text inside <script type="application/json">: no "</" can end it early.
const json = (v) => JSON.stringify(v).replace(/<\//g, "<\\/");

const boot = `(async () => {
  const sources = JSON.parse(document.getElementById("cirkel-sources").textContent);
  const urls = {};
  const url = (name) => {
    if (!urls[name]) {
      const text = sources[name].replace(/from "\\.\\/([a-z_]+\\.js)"/g, (_, m) => 'from "' + url(m) + '"');
      urls[name] = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
    }
    return urls[name];
  };
  const packed = document.getElementById("cirkel-wasm").textContent.trim();
  const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
  const wasm = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  // The worker starts as a classic script (a page opened from disk cannot
  // start a module worker) and makes its modules itself from the sources.
  const boot = [
    "let waiting = []; let started = false;",
    "self.onmessage = async (e) => {",
    "  if (started) { waiting.push(e); return; }",
    "  started = true;",
    "  const { sources, wasm } = e.data;",
    "  const mk = (t) => URL.createObjectURL(new Blob([t], { type: 'text/javascript' }));",
    "  const lib = mk(sources['cirkel.js']);",
    "  self.cirkelGlueUrl = () => mk(sources['cirkel_wasm.js']);",
    "  await import(mk(sources['worker.js'].replace('from \\"./cirkel.js\\"', 'from \\"' + lib + '\\"')));",
    "  self.onmessage({ data: { id: 0, op: 'init', args: { wasm } } });",
    "  for (const w of waiting) self.onmessage(w);",
    "};",
  ].join("\\n");
  const workerUrl = URL.createObjectURL(new Blob([boot], { type: "text/javascript" }));
  const first = { sources: { "cirkel.js": sources["cirkel.js"], "worker.js": sources["worker.js"], "cirkel_wasm.js": sources["cirkel_wasm.js"] }, wasm };
  globalThis.cirkelSingle = { workerUrl, first };
  await import(url("main.js"));
})();`;
const sha = (text) => "'sha256-" + hash("sha256").update(text).digest("base64") + "'";
const style = read("style.css");
const csp = [
  "default-src 'none'",
  "script-src " + sha(boot) + " blob: 'wasm-unsafe-eval'",
  "worker-src blob:",
  "connect-src 'none'",
  "img-src blob: data:",
  "style-src " + sha(style),
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

let page = read("index.html");
page = page
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${csp}">\n<meta name="cirkel-sources" content="${sources}">`)
  .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${style}</style>`)
  .replace(/<script type="module"[^>]*><\/script>/, "")
  .replace("</body>", () =>
    `<script type="application/json" id="cirkel-sources">${json({ ...texts, "cirkel_wasm.js": glue })}</script>\n` +
    `<script type="application/octet-stream" id="cirkel-wasm">${wasm}</script>\n` +
    `<script>${boot}</script>\n</body>`);
writeFileSync(out, page);
console.log(`built ${out}: ${(page.length / 1e6).toFixed(2)} MB`);
