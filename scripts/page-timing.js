// The page without installation, timed in headless Chromium (issue 36):
// from opening dist/cirkel.html (file://, offline) to its first picture
// (median of N fresh opens), and the ZIP of a workbook of many schools
// (Alle scholen: a PNG and a PDF each) from choosing it to the download.
//   node scripts/page-timing.js PAGE_URL WORKBOOK [N]
// WORKBOOK of 20 schools: for i in $(seq 20); do cirkel init --school "School $i"
//   -o s$i.json; done; cirkel convert s*.json twintig.xlsx
// Needs playwright-core (npm i playwright-core) and /usr/bin/chromium.
const { chromium } = require("playwright-core");

(async () => {
  const [url, workbook] = process.argv.slice(2);
  const n = Number(process.argv[4] || 5);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const opens = [];
  for (let i = 0; i < n; i++) {
    const context = await browser.newContext({ offline: true, acceptDownloads: true });
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => window.cirkelDraws > 0, null, { timeout: 30000 });
    opens.push(Date.now() - t0);
    if (i === n - 1 && workbook) {
      const t1 = Date.now();
      const download = page.waitForEvent("download", { timeout: 120000 });
      await page.setInputFiles("#batch-input", workbook);
      const d = await download;
      const zipMs = Date.now() - t1;
      const state = await page.evaluate(() => document.getElementById("batch-state").textContent);
      console.log(JSON.stringify({ zip_ms: zipMs, file: d.suggestedFilename(), state }));
    }
    await context.close();
  }
  opens.sort((a, b) => a - b);
  console.log(JSON.stringify({ first_picture_median_ms: opens[Math.floor(n / 2)], opens }));
  await browser.close();
})();
