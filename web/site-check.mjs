// The page without installation in a real browser (issue 36; run by
// scripts/test-web.sh): headless Chromium over WebDriver opens the site
// folder from a local static server, or the single file from disk with the
// network off, and, as she would: starts from the
// starter, changes the school and sees the picture follow, makes a mistake
// and sees it at its field, reloads and gets her draft back, downloads the
// newsletter PNG and the PDF (the bytes `cirkel render` makes of the same
// document), compares with last year's file (a broken one first), opens a
// partner list and adds a partner from it, opens a
// workbook of three schools and picks one, downloads the
// ZIP of all three (a PNG and a PDF each), and wipes the draft. The page asks for nothing but its own files.
//   node web/site-check.mjs SITE_URL CIRKEL_BIN WORKDIR
import { spawn, execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, existsSync, readdirSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import assert from "node:assert/strict";

const [url, bin, work] = process.argv.slice(2);
const downloads = join(work, "downloads");
mkdirSync(downloads, { recursive: true });
const port = 9515 + Math.floor(Math.random() * 400);
const driver = spawn("chromedriver", ["--port=" + port], { stdio: "ignore" });
const base = "http://127.0.0.1:" + port;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function wd(method, path, body) {
  const answer = await fetch(base + path, { method, headers: { "Content-Type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
  const json = await answer.json();
  if (json.value && json.value.error) throw new Error(method + " " + path + ": " + json.value.message);
  return json.value;
}

let session;
const s = (path) => "/session/" + session + path;
const run = (script, ...args) => wd("POST", s("/execute/sync"), { script, args });
async function until(what, script, seconds = 30) {
  const start = Date.now();
  while (!(await run(script))) {
    if (Date.now() - start > seconds * 1000) {
      const said = await run("return [document.getElementById('status').textContent, document.getElementById('notice').textContent].join(' | ')");
      throw new Error("timed out waiting for " + what + " (the page says: " + said + ")");
    }
    await sleep(100);
  }
}
async function find(css) {
  const start = Date.now();
  for (;;) {
    try {
      const el = await wd("POST", s("/element"), { using: "css selector", value: css });
      return Object.values(el)[0];
    } catch (e) {
      if (Date.now() - start > 15000) throw e;
      await sleep(100);
    }
  }
}
async function click(css) {
  const id = await find(css);
  await run("arguments[0].scrollIntoView({ block: 'center' }); return true", { "element-6066-11e4-a52e-4f735466cecf": id });
  await wd("POST", s("/element/" + id + "/click"), {});
}
async function type(css, text) {
  const id = await find(css);
  await wd("POST", s("/element/" + id + "/value"), { text });
}
async function accept(text) {
  const start = Date.now();
  for (;;) {
    try {
      await wd("GET", s("/alert/text"));
      break;
    } catch (e) {
      if (Date.now() - start > 15000) throw e;
      await sleep(100);
    }
  }
  if (text !== undefined) await wd("POST", s("/alert/text"), { text });
  await wd("POST", s("/alert/accept"), {});
}
async function downloaded(name) {
  const start = Date.now();
  for (;;) {
    const files = readdirSync(downloads);
    if (files.includes(name) && !files.some((f) => f.endsWith(".crdownload"))) return readFileSync(join(downloads, name));
    if (Date.now() - start > 30000) throw new Error("no download " + name + "; have " + files);
    await sleep(100);
  }
}
const doc = async () => JSON.parse(await run("return document.getElementById('json').value"));
/** With CIRKEL_SCREENSHOTS=DIR, the README's screenshots of the page without installation. */
async function screenshot(name) {
  const dir = process.env.CIRKEL_SCREENSHOTS;
  if (!dir) return;
  const png = await wd("GET", s("/screenshot"));
  writeFileSync(join(dir, name + ".png"), Buffer.from(png, "base64"));
}

try {
  for (let i = 0; i < 100; i++) {
    try { await fetch(base + "/status"); break; } catch (e) { await sleep(100); }
  }
  session = (await wd("POST", "/session", { capabilities: { alwaysMatch: { browserName: "chrome", "goog:chromeOptions": {
    binary: "/usr/bin/chromium",
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=nl"],
    prefs: { "download.default_directory": downloads, "download.prompt_for_download": false, "profile.default_content_setting_values.automatic_downloads": 1 },
  } } } })).sessionId;

  // Opened from disk: with the network off.
  if (url.startsWith("file:")) {
    await wd("POST", s("/chromium/network_conditions"), { network_conditions: { offline: true, latency: 0, download_throughput: -1, upload_throughput: -1 } });
  }
  await wd("POST", s("/url"), { url });
  await until("the starter's picture", "return window.cirkelDraws > 0");
  assert.equal(await run("return document.body.dataset.backend"), "local");

  // The school's name: the picture follows.
  const name = '[data-path="school.name"]';
  await wd("POST", s("/element/" + (await find(name)) + "/clear"), {});
  await type(name, "OBS Het Anker");
  await until("the picture with the name", "return window.cirkelLastSvg.includes('OBS Het Anker') && !document.getElementById('picture-box').classList.contains('stale')");
  await screenshot("zonder-installatie");
  if (process.env.CIRKEL_SCREENSHOTS) {
    await wd("POST", s("/goog/cdp/execute"), { cmd: "Emulation.setDeviceMetricsOverride", params: { width: 390, height: 844, deviceScaleFactor: 2, mobile: true } });
    await sleep(500);
    await screenshot("zonder-installatie-telefoon");
    await wd("POST", s("/goog/cdp/execute"), { cmd: "Emulation.clearDeviceMetricsOverride", params: {} });
    await sleep(300);
  }

  // A mistake, at its field.
  await click('[data-list="members"]:nth-of-type(1) .member-toggle');
  const email = '[data-path="members[0].contact.email"]';
  await type(email, "geen-mailadres");
  await until("the error at the field", "const f = document.querySelector('[data-path=\"members[0].contact.email\"]'); return f.getAttribute('aria-invalid') === 'true' && f.parentElement.querySelector('.field-error').textContent.length > 0");
  await wd("POST", s("/element/" + (await find(email)) + "/clear"), {});
  await type(email, "ib@anker.nl");
  await until("the error gone", "return document.querySelectorAll('[aria-invalid]').length === 0 && !document.getElementById('picture-box').classList.contains('stale')");

  // Reloaded: the draft is back; its first picture is laid out afresh.
  await sleep(500);
  await wd("POST", s("/refresh"), {});
  await until("the draft back", "return window.cirkelDraws > 0 && window.cirkelLastSvg.includes('OBS Het Anker')");
  assert.match(await run("return document.getElementById('notice').textContent"), /concept/i);

  // Downloads: the bytes the native build makes of the same document.
  const file = join(work, "anker.json");
  writeFileSync(file, JSON.stringify(await doc(), null, 2) + "\n");
  await click("#downloads summary");
  await click("#download-png");
  const png = await downloaded("OBS Het Anker nieuwsbrief.png");
  await click("#downloads summary");
  await click("#download-pdf");
  const pdf = await downloaded("OBS Het Anker.pdf");
  const native = (args, ext) => {
    const out = join(work, "native." + ext);
    execFileSync(bin, ["render", file, ...args, "-o", out], { stdio: "pipe" });
    return readFileSync(out);
  };
  assert.ok(png.equals(native(["--width", "800", "--privacy", "names"], "png")), "the newsletter PNG differs from cirkel render");
  assert.ok(pdf.equals(native([], "pdf")), "the PDF differs from cirkel render");

  // Saved: the JSON, named after the school.
  await click("#save");
  const saved = JSON.parse((await downloaded("OBS Het Anker.json")).toString());
  assert.equal(saved.school.name, "OBS Het Anker");

  // Last year's file, to compare with: a broken one is said in her words,
  // a good one marks the new member in the picture and in the download.
  const broken = join(work, "kapot.json");
  writeFileSync(broken, '{ "school": {} }');
  await wd("POST", s("/element/" + (await find("#since-input")) + "/value"), { text: broken });
  await until("the broken file said", "return document.getElementById('status').textContent.includes('kapot.json')");
  const lastYear = JSON.parse(JSON.stringify(saved));
  lastYear.members.splice(3, 1);
  lastYear.routes = [];
  const lastFile = join(work, "vorig-jaar.json");
  writeFileSync(lastFile, JSON.stringify(lastYear, null, 2));
  await wd("POST", s("/element/" + (await find("#since-input")) + "/value"), { text: lastFile });
  await until("the new member marked", "return (window.cirkelLastSvg.match(/class=\"new-marker\"/g) || []).length === 2 && !document.getElementById('since-state').hidden");
  await screenshot("vergelijk-met-vorig-jaar");
  await click("#downloads summary");
  await click("#download-svg");
  const marked = (await downloaded("OBS Het Anker.svg")).toString();
  assert.equal((marked.match(/class="new-marker"/g) || []).length, 2, "the download marks the new member and the legend");
  await click("#since-stop");
  await until("no longer compared", "return !window.cirkelLastSvg.includes('new-marker') && document.getElementById('since-state').hidden");

  // A samenwerkingsverband's partner list: a broken one is said, a good one
  // offers its partners, and one chosen is drawn with the list's name.
  const badList = join(work, "kapotte-lijst.json");
  writeFileSync(badList, '{ "version": 1, "partners": [ { "role": "jeugdarts" } ] }');
  await wd("POST", s("/element/" + (await find("#partners-input")) + "/value"), { text: badList });
  await until("the broken list said", "return document.getElementById('status').textContent.includes('kapotte-lijst.json')");
  const listFile = join(process.cwd(), "examples/samenwerkingsverband/partners.json");
  await wd("POST", s("/element/" + (await find("#partners-input")) + "/value"), { text: listFile });
  await until("the list's partners offered", "return !!document.getElementById('add-partner') && document.getElementById('add-partner').options.length === 5");
  await run("const p = document.getElementById('add-partner'); p.value = 'lpa-oost'; p.dispatchEvent(new Event('change')); return true");
  await until("the partner drawn", "return window.cirkelLastSvg.includes('Mehmet Yilmaz') && !document.getElementById('picture-box').classList.contains('stale')");
  await screenshot("partnerlijst");
  // Saved before another file is opened (the page would ask).
  await click("#save");
  await until("saved", "return !document.getElementById('status').textContent.includes('niet opgeslagen')");

  // A workbook of three schools: she picks the second.
  const book = join(work, "drie-scholen.xlsx");
  const three = ["De Eerste", "De Tweede", "De Derde"].map((school, i) => {
    const f = join(work, "school-" + i + ".json");
    execFileSync(bin, ["init", "--school", school, "-o", f], { stdio: "pipe" });
    return f;
  });
  execFileSync(bin, ["convert", ...three, book], { stdio: "pipe" });
  const input = await find("#open-input");
  await wd("POST", s("/element/" + input + "/value"), { text: book });
  await accept("2");
  await until("the second school", "const d = JSON.parse(document.getElementById('json').value); return d.school && d.school.name === 'De Tweede'");

  // For a samenwerkingsverband: the workbook's three schools as a PNG and a PDF each, in one ZIP.
  const batchInput = await find("#batch-input");
  await wd("POST", s("/element/" + batchInput + "/value"), { text: book });
  const zip = await downloaded("drie-scholen cirkels.zip");
  const zipFile = join(work, "cirkels.zip");
  writeFileSync(zipFile, zip);
  const names = execFileSync("python3", ["-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", zipFile]).toString().trim().split("\n");
  assert.deepEqual(names.sort(), ["De Derde.pdf", "De Derde.png", "De Eerste.pdf", "De Eerste.png", "De Tweede.pdf", "De Tweede.png"]);
  await until("the batch done", "return document.getElementById('batch-progress').value === 3 && document.getElementById('batch-failed').children.length === 0");

  // Wiped: the starter again.
  await click("#wipe");
  await accept();
  await until("the starter", "const d = JSON.parse(document.getElementById('json').value); return d.school && d.school.name !== 'De Tweede' && window.cirkelDraws > 0");

  // Nothing but its own files.
  const elsewhere = await run("const own = location.protocol === 'file:' ? 'file:' : location.origin; return performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith(own) && !n.startsWith('blob:') && !n.startsWith('data:'))");
  assert.deepEqual(elsewhere, []);
  console.log("the page without installation: starter, school, mistake, draft, downloads (= cirkel render), workbook, wipe: ok");
} finally {
  if (session) await wd("DELETE", "/session/" + session).catch(() => {});
  driver.kill();
}
