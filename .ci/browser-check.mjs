// Opens a report.html in a running headless Chromium over the DevTools protocol and fails (exit 1)
// on an image that did not load, a link to a file that does not exist, or a console error;
// saves a full-page screenshot. Usage: node browser-check.mjs WS_URL REPORT_HTML SCREENSHOT_PNG
import { existsSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

const [wsUrl, reportPath, screenshotPath] = process.argv.slice(2);
const report = resolve(reportPath);
const socket = new WebSocket(wsUrl);
let nextId = 1;
const pending = new Map();
const problems = [];
let loaded;
const loadedPromise = new Promise((r) => (loaded = r));

function send(method, params = {}, sessionId) {
  const id = nextId++;
  socket.send(JSON.stringify({ id, method, params, sessionId }));
  return new Promise((ok, fail) => pending.set(id, { ok, fail, method }));
}

socket.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.id && pending.has(message.id)) {
    const { ok, fail, method } = pending.get(message.id);
    pending.delete(message.id);
    message.error ? fail(new Error(method + ": " + message.error.message)) : ok(message.result);
  } else if (message.method === "Runtime.consoleAPICalled" && ["error", "assert"].includes(message.params.type)) {
    problems.push("console " + message.params.type + ": " + message.params.args.map((a) => a.value ?? a.description).join(" "));
  } else if (message.method === "Runtime.exceptionThrown") {
    problems.push("exception: " + message.params.exceptionDetails.text);
  } else if (message.method === "Log.entryAdded" && message.params.entry.level === "error") {
    problems.push("log error: " + message.params.entry.text + (message.params.entry.url ? " (" + message.params.entry.url + ")" : ""));
  } else if (message.method === "Page.loadEventFired") {
    loaded();
  }
};

const timeout = setTimeout(() => { console.error("browser-check: timed out"); process.exit(1); }, 60000);
await new Promise((ok, fail) => { socket.onopen = ok; socket.onerror = () => fail(new Error("cannot connect to " + wsUrl)); });
const { targetId } = await send("Target.createTarget", { url: "about:blank" });
const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
for (const domain of ["Runtime", "Log", "Page"]) await send(domain + ".enable", {}, sessionId);
await send("Page.navigate", { url: pathToFileURL(report).href }, sessionId);
await loadedPromise;

const expression = `JSON.stringify({
  images: [...document.images].map(i => ({ alt: i.alt, ok: i.complete && i.naturalWidth > 0 })),
  links: [...document.querySelectorAll("a[href]")].map(a => a.href),
  title: document.title, figures: document.querySelectorAll("figure").length,
  captions: document.querySelectorAll("figure figcaption").length,
  headings: [...document.querySelectorAll("h1,h2,h3")].map(h => h.textContent) })`;
const { result } = await send("Runtime.evaluate", { expression, returnByValue: true }, sessionId);
const page = JSON.parse(result.value);
page.images.filter((i) => !i.ok).forEach((i) => problems.push("image did not load: " + i.alt));
for (const href of page.links) {
  if (!href.startsWith("file:")) { problems.push("link leaves the run's files: " + href); continue; }
  const file = fileURLToPath(href.split("#")[0]);
  if (!existsSync(file)) problems.push("broken link: " + href);
}
if (page.captions < page.figures) problems.push((page.figures - page.captions) + " figure(s) without a caption");
const duplicates = page.headings.filter((h, k) => page.headings.indexOf(h) !== k);
if (duplicates.length) problems.push("duplicate headings: " + [...new Set(duplicates)].join(", "));

const { contentSize } = await send("Page.getLayoutMetrics", {}, sessionId);
const shot = await send("Page.captureScreenshot", { format: "png", captureBeyondViewport: true,
  clip: { x: 0, y: 0, width: Math.ceil(contentSize.width), height: Math.ceil(contentSize.height), scale: 0.5 } }, sessionId);
writeFileSync(screenshotPath, Buffer.from(shot.data, "base64"));
clearTimeout(timeout);
socket.close();
console.log(`browser-check: "${page.title}": ${page.images.length} images, ${page.links.length} links, ` +
  `${page.figures} figures; screenshot ${screenshotPath}`);
if (problems.length) {
  problems.forEach((p) => console.error("browser-check: " + p));
  process.exit(1);
}
console.log("browser-check: 1 passed, 0 failed");
process.exit(0);
