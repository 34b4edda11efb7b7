// `cchc serve` in Debian's Chromium (headless, off the network): opens a document's print
// preview, scrolls to its second page, saves an edit of the YAML file and waits for the page
// to reload itself with the new text while the same page stays in view; then saves a broken
// file and waits for the diagnostics box, and a fixed one and waits for the box to go.
// Prints a JSON summary; exits non-zero on any failure.
//
//   node serve.mjs BASE_URL SLUG YAML_FILE OLD_TEXT NEW_TEXT
import fs from "node:fs";
import { chromium } from "playwright-core";

const [base, slug, file, oldText, newText] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-extensions"],
});
const summary = { errors: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  page.on("pageerror", (e) => summary.errors.push(String(e)));
  await page.goto(`${base}_cchc/xem/${slug}`, { waitUntil: "load" });
  const firstSrc = await page.$eval("img.trang", (i) => i.src);
  summary.pages = await page.$$eval("img.trang", (l) => l.length);
  // Page 2 in view, as a clerk reading on.
  const top = await page.$eval("img.trang:nth-of-type(2)", (i) => i.offsetTop);
  await page.evaluate((y) => window.scrollTo(0, y), top);
  await page.waitForTimeout(300);
  summary.scrollBefore = await page.evaluate(() => window.scrollY);
  // The event stream is open before the save.
  await page.waitForSelector("script[data-seen]", { state: "attached" });

  const original = fs.readFileSync(file, "utf8");
  fs.writeFileSync(file, original.replace(oldText, newText));
  await page.waitForFunction((old) => {
    const img = document.querySelector("img.trang");
    return img && img.src !== old && img.complete;
  }, firstSrc, { timeout: 120000 });
  await page.waitForLoadState("load");
  summary.title = await page.$eval("header", (h) => h.textContent);
  summary.scrollAfter = await page.evaluate(() => window.scrollY);

  fs.writeFileSync(file, original.replace(/^so: .*$/m, (l) => `${l}\n${l}`));
  await page.waitForSelector("#cchc-loi", { timeout: 120000 });
  summary.overlay = await page.$eval("#cchc-loi", (b) => b.textContent);
  fs.writeFileSync(file, original);
  await page.waitForSelector("#cchc-loi", { state: "detached", timeout: 120000 });
  summary.cleared = true;
} catch (e) {
  summary.errors.push(String(e));
} finally {
  await browser.close();
}
console.log(JSON.stringify(summary));
process.exit(summary.errors.length ? 1 : 0);
