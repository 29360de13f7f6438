// Opens web/bench.html in headless Chromium (over chromedriver) from a
// static server at BASE and prints its results as JSON lines.
//   node web/bench-chromium.mjs BASE N FILE...
import { spawn } from "node:child_process";

const [base, n, ...files] = process.argv.slice(2);
const port = 9600 + Math.floor(Math.random() * 300);
const driver = spawn("chromedriver", ["--port=" + port], { stdio: "ignore" });
const wd = async (method, path, body) => {
  const r = await fetch("http://127.0.0.1:" + port + path, { method, headers: { "Content-Type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
  return (await r.json()).value;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
try {
  for (let i = 0; i < 100; i++) { try { await fetch("http://127.0.0.1:" + port + "/status"); break; } catch (e) { await sleep(100); } }
  const { sessionId } = await wd("POST", "/session", { capabilities: { alwaysMatch: { browserName: "chrome", "goog:chromeOptions": {
    binary: "/usr/bin/chromium", args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] } } } });
  const query = "n=" + n + files.map((f) => "&file=" + encodeURIComponent(f)).join("");
  await wd("POST", "/session/" + sessionId + "/url", { url: base + "/web/bench.html?" + query });
  let results = null;
  for (let i = 0; i < 1200 && !results; i++) {
    results = await wd("POST", "/session/" + sessionId + "/execute/sync", { script: "return window.results || null", args: [] });
    if (!results) await sleep(250);
  }
  for (const r of results || []) console.log(JSON.stringify(r));
  await wd("DELETE", "/session/" + sessionId);
} finally {
  driver.kill();
}
