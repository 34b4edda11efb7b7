// Drives Debian's Chromium (headless, kept off the network) over a built cchc site served on
// 127.0.0.1: every page must load with no console error, no failed or outside request, no
// sideways scrolling on a 390 px phone, and no serious or critical axe-core violation; every
// link, stylesheet, script and image a page points to inside the site must exist (and a
// #fragment must name an element of its page); the documents list's search and filters must
// leave exactly the documents they should. Screenshots of the home, plan and results pages
// at 390 and 1280 px go to SCREENSHOT_DIR, which the caller gives fresh each run.
//
//   node run.mjs SITE_DIR SCREENSHOT_DIR
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const [siteDir, shotDir] = process.argv.slice(2);
const axePath = require.resolve("axe-core/axe.min.js");
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".csv": "text/csv; charset=utf-8", ".pdf": "application/pdf", ".xml": "application/xml" };

const server = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/+/, "");
  const file = path.join(siteDir, rel || "index.html");
  if (!file.startsWith(path.resolve(siteDir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404); res.end(); return;
  }
  res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;

const pages = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith(".html")) pages.push(path.relative(siteDir, p).split(path.sep).join("/"));
  }
})(siteDir);
pages.sort();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-extensions"],
});
const problems = [];
const shots = { "index.html": "trang-chu", "van-ban/ke-hoach-cchc-2026.html": "ke-hoach", "ket-qua/2026-q4.html": "ket-qua" };
fs.mkdirSync(shotDir, { recursive: true });
let audited = 0;
// Every same-origin reference found on a page: url without fragment -> {from, fragments}.
const references = new Map();
for (const width of [360, 390, 1280]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  for (const rel of pages) {
    // Every page at phone width; the audit and the desktop pass on the pages people start from.
    if (width === 1280 && !(rel in shots) && !rel.endsWith("index.html")) continue;
    // At 360 px, the narrowest phone supported, only sideways scrolling is checked.
    const narrowest = width === 360;
    const page = await context.newPage();
    page.on("console", (m) => { if (m.type() === "error") problems.push(`${rel} @${width}: console error: ${m.text()}`); });
    page.on("pageerror", (e) => problems.push(`${rel} @${width}: script error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`${rel} @${width}: failed request ${r.url()}`));
    page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("data:")) problems.push(`${rel} @${width}: outside request ${r.url()}`); });
    page.on("response", (r) => { if (r.status() >= 400) problems.push(`${rel} @${width}: HTTP ${r.status()} ${r.url()}`); });
    await page.goto(base + rel, { waitUntil: "load" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 1) problems.push(`${rel} @${width}: the page scrolls sideways by ${overflow}px`);
    if (narrowest) { await page.close(); continue; }
    if (width === 390) {
      const found = await page.$$eval("a[href], link[href], script[src], img[src], source[src], iframe[src]",
        (els) => els.map((e) => e.href || e.src));
      for (const href of found) {
        if (!href.startsWith(base)) continue;
        const u = new URL(href);
        const key = u.origin + u.pathname;
        if (!references.has(key)) references.set(key, { from: rel, fragments: new Map() });
        if (u.hash.length > 1) references.get(key).fragments.set(decodeURIComponent(u.hash.slice(1)), rel);
      }
    }
    if (rel in shots) await page.screenshot({ path: path.join(shotDir, `${shots[rel]}-${width}.png`), fullPage: true });
    if (width === 390 && (rel in shots || rel.endsWith("index.html") || rel.startsWith("can-bo/") && audited < 12)) {
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
      for (const v of result.violations) {
        if (v.impact === "serious" || v.impact === "critical") {
          problems.push(`${rel}: axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0].target.join(" ")})`);
        }
      }
      audited += 1;
    }
    await page.close();
  }
  await context.close();
}

// No reference inside the site is broken: each answers 200 from the server (which serves
// only what the build wrote), and each #fragment is an id or name in the page it points to.
let linksChecked = 0;
for (const [url, { from, fragments }] of references) {
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer()).toString("utf8");
  linksChecked += 1;
  if (res.status !== 200) { problems.push(`${from}: broken link ${url.slice(base.length)} (HTTP ${res.status})`); continue; }
  for (const [frag, fragFrom] of fragments) {
    const esc = frag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (!new RegExp(`\\s(id|name)="${esc}"`).test(body)) problems.push(`${fragFrom}: link to ${url.slice(base.length)}#${frag}, no such element`);
  }
}
if (linksChecked < pages.length) problems.push(`only ${linksChecked} references found on ${pages.length} pages`);

// The documents list filters as one types, folding diacritics: "cai cach" finds "cải cách".
// What must remain is known from documents.json, the build's own list of documents.
{
  const docs = JSON.parse(fs.readFileSync(path.join(siteDir, "documents.json"), "utf8"));
  const page = await browser.newPage();
  await page.goto(base + "van-ban/index.html");
  const shown = () => page.$$eval("#danh-sach > li", (lis) => lis
    .filter((li) => !li.hidden && li.offsetParent !== null)
    .map((li) => ({ html: new URL(li.querySelector("a.doc-title").href).pathname.slice(1), title: li.querySelector("a.doc-title").textContent.trim() })));
  const same = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  const expectShown = async (what, want) => {
    const got = await shown();
    if (!same(got.map((d) => d.html), want)) {
      problems.push(`${what} shows [${got.map((d) => d.html).join(", ")}], expected [${want.join(", ")}]`);
    }
    const count = await page.textContent("form.filters .count");
    if (count.trim() !== `${want.length} / ${docs.length} văn bản`) problems.push(`${what}: the count says "${count}"`);
    return got;
  };
  await expectShown("the documents list at first", docs.map((d) => d.html));
  const plan = docs.find((d) => d.html === "van-ban/ke-hoach-cchc-2026.html");
  if (!plan) problems.push("documents.json lacks the demo plan");
  for (const q of ["ke hoach cai cach", "Kế hoạch cải cách", "KE HOACH CAI CACH"]) {
    await page.fill("input[name=q]", q);
    const got = await expectShown(`search "${q}"`, [plan?.html]);
    if (got.length === 1 && !got[0].title.includes(plan?.reference)) problems.push(`search "${q}" shows the title "${got[0].title}", expected one with ${plan?.reference}`);
  }
  await page.fill("input[name=q]", "khong co van ban nao nhu the nay");
  await expectShown("search for nothing there", []);
  await page.fill("input[name=q]", "");
  const kinds = [...new Set(docs.map((d) => d.kind))];
  if (kinds.length < 3) problems.push(`only ${kinds.length} kinds of document in documents.json`);
  for (const kind of kinds) {
    await page.selectOption("select[name=kind]", kind);
    await expectShown(`filter by kind ${kind}`, docs.filter((d) => d.kind === kind).map((d) => d.html));
  }
  await page.selectOption("select[name=kind]", "");
  await page.close();
}
// The plan's assignment table filters by official.
{
  const page = await browser.newPage();
  await page.goto(base + "van-ban/ke-hoach-cchc-2026.html");
  const visible = () => page.$$eval("table.phan-cong tbody tr", (rows) => rows.filter((r) => r.offsetParent !== null).length);
  const before = await visible();
  const options = await page.$$eval(".filters select", (sels) => sels.map((s) => s.options.length));
  if (options.length !== 2) problems.push(`plan table: ${options.length} filters, expected 2`);
  else {
    await page.selectOption(".filters select >> nth=1", { index: 1 });
    const after = await visible();
    if (!(after > 0 && after < before)) problems.push(`plan table filter by official shows ${after} of ${before} rows`);
  }
  await page.close();
}

// Straight from disk (file://): the same pages load with nothing missing, since every link
// is relative.
{
  const page = await browser.newPage();
  const failed = [];
  page.on("requestfailed", (r) => failed.push(r.url()));
  for (const rel of ["index.html", "van-ban/index.html", "ket-qua/2026-q4.html", "can-bo/index.html"]) {
    await page.goto("file://" + path.resolve(siteDir, rel));
  }
  for (const f of failed) problems.push(`file:// failed request ${f}`);
  await page.close();
}
await browser.close();
server.close();
const screenshots = fs.readdirSync(shotDir).sort();
console.log(JSON.stringify({ pages: pages.length, audited, links: linksChecked, screenshots, problems }, null, 1));
process.exit(problems.length ? 1 : 0);
