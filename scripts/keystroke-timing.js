// Keystroke to updated picture in the editor, as she types (issue 34):
// opens the page at URL in headless Chromium, types one letter at a time
// into the school's place (a pause between them), and measures from the
// keydown to the `load` of the picture that shows it. Prints the median
// and the spread of N samples (default 20).
//   node scripts/keystroke-timing.js URL [N] [FILE]
// FILE: a kernteam opened first with the page's Openen… (the page without
// a server; cirkel serve opens its file itself).
// Needs playwright-core (npm i playwright-core) and /usr/bin/chromium.
const { chromium } = require("playwright-core");

(async () => {
  const url = process.argv[2];
  const n = Number(process.argv[3] || 20);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(url);
  await page.waitForFunction(() => window.cirkelDraws > 0, null, { timeout: 20000 });
  if (process.argv[4]) {
    const before = await page.evaluate(() => window.cirkelDraws);
    await page.setInputFiles("#open-input", process.argv[4]);
    await page.waitForFunction((b) => window.cirkelDraws > b, before, { timeout: 20000 });
  }
  await page.evaluate(() => {
    window.samples = [];
    let at = null;
    document.addEventListener("keydown", () => { at = performance.now(); }, true);
    document.getElementById("picture").addEventListener("load", () => {
      if (at !== null) { window.samples.push(performance.now() - at); at = null; }
    });
  });
  const field = '[data-path="school.place"]';
  await page.click(field);
  const letters = "Haarlemmerliede";
  for (let i = 0; i < n; i++) {
    await page.keyboard.type(letters[i % letters.length]);
    await page.waitForFunction((k) => window.samples.length > k, i, { timeout: 10000 });
    await page.waitForTimeout(400);
  }
  const s = (await page.evaluate(() => window.samples)).sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  console.log(JSON.stringify({ samples: s.length, median_ms: Math.round(median), min_ms: Math.round(s[0]), max_ms: Math.round(s[s.length - 1]) }));
  await browser.close();
})();
