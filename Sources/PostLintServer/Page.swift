/// `GET /`: the one page a writer checks a draft on. Everything is inline (no external asset,
/// no font or script from elsewhere). The draft is a `textarea` with a mirror behind it that
/// draws the highlights; findings come from `POST /v1/check` (debounced while typing) and the
/// explanations from `GET /v1/rules`. Findings are a list of focusable items: Enter selects
/// the match in the draft, each suggestion is a button that applies it; the count is an ARIA
/// live region. One column below 720 px.
enum Page {
    static func html(regions: [String]) -> String {
        let options = regions.map { "<option value=\"\($0)\">\($0)</option>" }.joined()
        return template.replacingOccurrences(of: "<!--REGIONS-->", with: options)
    }

    static let template = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>postlint: check a draft</title>
<style>
:root { --ink: #1d1d1f; --muted: #5a5a66; --line: #c9c9d3; --bg: #fafafc; --card: #fff; --focus: #1a5fd0;
  --misinformation: #c25400; --toxic-positivity: #7a3fc4; --safe-messaging: #c4242b; --stigma: #1a6f9e; --crisis-resources: #1f7a3a; --other: #555; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header, main { max-width: 1180px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 16px; }
h1 { font-size: 1.4rem; margin: 0 0 4px; }
header p { margin: 0 0 12px; color: var(--muted); }
.controls { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: end; margin-bottom: 12px; }
.controls label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); gap: 2px; }
select, button, textarea { font: inherit; color: inherit; }
select { padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--card); min-width: 9rem; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 20px; padding-bottom: 32px; }
@media (max-width: 720px) { main { grid-template-columns: minmax(0, 1fr); } }
.draft-label { display: block; font-weight: 600; margin-bottom: 4px; }
.editor { position: relative; border: 1px solid var(--line); border-radius: 8px; background: var(--card); }
.editor:focus-within { outline: 3px solid var(--focus); outline-offset: 1px; }
.editor textarea, .backdrop { margin: 0; padding: 12px; border: 0; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  white-space: pre-wrap; overflow-wrap: break-word; word-break: normal; letter-spacing: normal; tab-size: 4; }
.editor textarea { position: relative; z-index: 1; display: block; width: 100%; min-height: 46vh; resize: vertical; background: transparent; outline: none; }
.backdrop { position: absolute; inset: 0; overflow: hidden; color: transparent; pointer-events: none; }
.backdrop mark { color: transparent; border-radius: 2px; background: color-mix(in srgb, var(--c) 18%, transparent); border-bottom: 2px solid var(--c); }
.backdrop mark.active { background: color-mix(in srgb, var(--c) 38%, transparent); }
.status { min-height: 1.5em; margin: 6px 0 0; color: var(--muted); font-size: .9rem; }
.status.error { color: #a1121a; }
aside h2 { font-size: 1.1rem; margin: 0; }
.count { margin: 2px 0 8px; font-weight: 600; }
fieldset { border: 0; padding: 0; margin: 0 0 10px; display: flex; flex-wrap: wrap; gap: 6px; }
legend { font-size: .85rem; color: var(--muted); margin-bottom: 4px; padding: 0; }
.chip { display: inline-flex; align-items: center; gap: 6px; padding: 3px 10px 3px 6px; border: 1px solid var(--line); border-radius: 999px; background: var(--card); font-size: .85rem; cursor: pointer; }
.chip .dot, .finding .dot { width: 10px; height: 10px; border-radius: 50%; background: var(--c); display: inline-block; }
ol.findings { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--c); border-radius: 8px; background: var(--card); padding: 10px 12px; }
.finding:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
.finding .meta { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; font-size: .8rem; color: var(--muted); }
.finding .sev { text-transform: uppercase; font-weight: 700; letter-spacing: .03em; }
.finding .sev.error { color: #a1121a; } .finding .sev.warning { color: #8a4b00; }
.finding .message { margin: 4px 0; font-weight: 600; }
.finding q { background: color-mix(in srgb, var(--c) 14%, transparent); padding: 0 3px; border-radius: 3px; }
.suggestions { display: flex; flex-direction: column; gap: 6px; margin: 8px 0 4px; }
.suggestions button { text-align: left; padding: 6px 10px; border: 1px solid var(--c); border-radius: 6px; background: color-mix(in srgb, var(--c) 7%, white); cursor: pointer; }
.suggestions button:hover, .suggestions button:focus { background: color-mix(in srgb, var(--c) 18%, white); }
.suggestions button:focus-visible, .show:focus-visible, summary:focus-visible, a:focus-visible { outline: 3px solid var(--focus); outline-offset: 1px; }
.show { border: 0; background: none; color: var(--focus); text-decoration: underline; cursor: pointer; padding: 0; font-size: .8rem; }
details { margin-top: 4px; font-size: .92rem; }
summary { cursor: pointer; color: var(--focus); }
details ul { margin: 4px 0 0; padding-left: 20px; }
a { color: var(--focus); overflow-wrap: anywhere; }
.empty { color: var(--muted); }
footer { color: var(--muted); font-size: .8rem; }
</style>
</head>
<body>
<header>
  <h1>postlint</h1>
  <p>Check a post about mental health before you share it: unverified claims, toxic positivity, unsafe messaging about suicide and self-harm, stigmatising words. The draft goes only to the postlint server this page came from, and is not stored.</p>
  <div class="controls">
    <label for="region">Audience's region (crisis lines)
      <select id="region"><option value="">Any region</option><!--REGIONS--></select>
    </label>
    <label for="format">The draft is
      <select id="format"><option value="text">Plain text</option><option value="markdown">Markdown</option></select>
    </label>
  </div>
</header>
<main>
  <section aria-labelledby="draft-label">
    <label id="draft-label" class="draft-label" for="draft">Your draft</label>
    <div class="editor">
      <div class="backdrop" id="backdrop" aria-hidden="true"></div>
      <textarea id="draft" spellcheck="true" aria-describedby="status" placeholder="Type or paste your post here. Findings appear as you type."></textarea>
    </div>
    <p class="status" id="status" role="status"></p>
  </section>
  <aside aria-labelledby="findings-title">
    <h2 id="findings-title">Findings</h2>
    <p class="count" id="count" aria-live="polite" aria-atomic="true">No draft yet</p>
    <fieldset id="categories"><legend>Show categories</legend></fieldset>
    <ol class="findings" id="findings" aria-label="Findings in the draft"></ol>
  </aside>
</main>
<script>
"use strict";
const $ = (id) => document.getElementById(id);
const draft = $("draft"), backdrop = $("backdrop"), list = $("findings"), count = $("count"), status = $("status");
const state = { rules: {}, categories: [], hidden: new Set(), findings: [], checkedText: null, sequence: 0, timer: 0, active: -1 };
const encoder = new TextEncoder();

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  for (const child of children) node.append(child);
  return node;
}
function colour(category) { return `var(--${state.categories.some(c => c.id === category) ? category : "other"})`; }
function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

// Findings count UTF-8 bytes; the textarea counts UTF-16 units.
function byteToIndex(text) {
  const map = new Int32Array(encoder.encode(text).length + 1);
  let bytes = 0, index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < width; k++) map[bytes + k] = index;
    bytes += width; index += ch.length;
  }
  map[bytes] = index;
  return map;
}

async function loadRules() {
  try {
    const response = await fetch("v1/rules");
    const body = await response.json();
    for (const rule of body.rules) state.rules[rule.id] = rule;
    state.categories = body.categories;
    renderCategories();
  } catch (error) { showStatus("Could not load the rules: " + error, true); }
}

function renderCategories() {
  const box = $("categories");
  box.querySelectorAll("label").forEach(n => n.remove());
  for (const category of state.categories) {
    const n = state.findings.filter(f => f.category === category.id).length;
    const input = el("input", { type: "checkbox", checked: !state.hidden.has(category.id) });
    input.addEventListener("change", () => { input.checked ? state.hidden.delete(category.id) : state.hidden.add(category.id); render(); });
    const dot = el("span", { className: "dot" });
    const label = el("label", { className: "chip" }, input, dot, `${category.name} (${n})`);
    label.style.setProperty("--c", colour(category.id));
    box.append(label);
  }
}

function showStatus(text, isError) { status.textContent = text; status.className = "status" + (isError ? " error" : ""); }

function schedule(delay) {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, delay);
}

async function check() {
  const text = draft.value, sequence = ++state.sequence;
  if (!text.trim()) { state.findings = []; state.checkedText = text; render(); count.textContent = "No draft yet"; return; }
  const body = { text, format: $("format").value };
  if ($("region").value) body.region = $("region").value;
  try {
    const response = await fetch("v1/check", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const result = await response.json();
    if (sequence !== state.sequence) return;  // a newer check is on its way
    if (!response.ok) { showStatus(result.error ? result.error.message : "The check failed", true); return; }
    const map = byteToIndex(text);
    state.findings = result.findings.map(f => ({ ...f, start: map[f.location.offset], end: map[f.location.offset + f.location.length] }));
    state.checkedText = text;
    showStatus("", false);
    render();
  } catch (error) {
    if (sequence === state.sequence) showStatus("The server did not answer: " + error, true);
  }
}

function visible() { return state.findings.filter(f => !state.hidden.has(f.category)); }

// The mirror behind the textarea: the same text, transparent, with the findings marked.
function drawBackdrop(text, shown) {
  backdrop.replaceChildren();
  let at = 0;
  shown.forEach((f, i) => {
    if (f.start < at) return;  // overlapping: the first one is drawn
    backdrop.append(text.slice(at, f.start));
    const mark = el("mark", { id: "mark-" + i }, text.slice(f.start, f.end));
    mark.style.setProperty("--c", colour(f.category));
    backdrop.append(mark);
    at = f.end;
  });
  backdrop.append(text.slice(at) + "\n");
  syncScroll();
}

function render() {
  renderCategories();
  const shown = visible();
  const text = state.checkedText ?? draft.value;
  drawBackdrop(text, shown);
  list.removeAttribute("aria-busy");
  const severities = ["error", "warning", "info"].map(s => [s, shown.filter(f => f.severity === s).length]).filter(p => p[1] > 0);
  count.textContent = shown.length === 0 ? "No findings" :
    `${plural(shown.length, "finding")} (${severities.map(([s, n]) => plural(n, s)).join(", ")})`;
  list.replaceChildren(...shown.map(renderFinding));
  if (shown.length === 0 && text.trim()) list.append(el("li", { className: "empty" }, "Nothing to change here."));
}

function renderFinding(f, i) {
  const rule = state.rules[f.rule] || {};
  const category = state.categories.find(c => c.id === f.category);
  const item = el("li", { className: "finding", tabIndex: 0 });
  item.style.setProperty("--c", colour(f.category));
  item.setAttribute("aria-label", `${f.severity}: ${f.message}`);
  const show = el("button", { className: "show", type: "button", textContent: "show in draft" });
  show.addEventListener("click", () => select(f));
  item.append(el("div", { className: "meta" }, el("span", { className: "dot" }), el("span", { className: "sev " + f.severity, textContent: f.severity }),
    el("span", { textContent: category ? category.name : f.category }), el("span", { textContent: `line ${f.location.line}` }), show));
  item.append(el("p", { className: "message" }, f.message));
  item.append(el("p", {}, "You wrote ", el("q", {}, f.match)));
  if (f.suggestions.length) {
    const box = el("div", { className: "suggestions", role: "group" });
    box.setAttribute("aria-label", "Suggestions: select one to use it");
    for (const suggestion of f.suggestions) {
      const button = el("button", { type: "button", className: "apply" }, "Use: " + suggestion);
      button.addEventListener("click", () => apply(f, suggestion));
      box.append(button);
    }
    item.append(box);
  }
  const details = el("details", {}, el("summary", {}, "Why, and sources"));
  if (rule.explanation) details.append(el("p", {}, rule.explanation));
  const sources = rule.sources && rule.sources.length ? rule.sources : [f.source];
  details.append(el("ul", {}, ...sources.map(s => el("li", {}, el("a", { href: s, target: "_blank", rel: "noopener noreferrer" }, s)))));
  details.append(el("p", { className: "meta" }, "Rule ", el("code", {}, f.rule)));
  item.append(details);
  item.addEventListener("keydown", (event) => { if (event.key === "Enter" && event.target === item) { event.preventDefault(); select(f); } });
  item.addEventListener("focus", () => highlight(i));
  item.addEventListener("mouseenter", () => highlight(i));
  return item;
}

function highlight(i) {
  backdrop.querySelectorAll("mark.active").forEach(m => m.classList.remove("active"));
  const mark = $("mark-" + i);
  if (mark) mark.classList.add("active");
}

function select(f) {
  if (draft.value !== state.checkedText) return;
  draft.focus();
  draft.setSelectionRange(f.start, f.end);
}

function apply(f, suggestion) {
  if (draft.value !== state.checkedText) { schedule(0); return; }  // the draft changed since: check it first
  const text = draft.value;
  draft.value = text.slice(0, f.start) + suggestion + text.slice(f.end);
  state.findings = [];
  showStatus(`Replaced \u201c${f.match}\u201d.`, false);
  draft.focus();
  draft.setSelectionRange(f.start + suggestion.length, f.start + suggestion.length);
  check();
}

function syncScroll() { backdrop.scrollTop = draft.scrollTop; backdrop.style.height = draft.offsetHeight + "px"; }

// While typing, the old marks would sit on the wrong characters: draw the text plain and mark
// the list as out of date until the next answer.
draft.addEventListener("input", () => { drawBackdrop(draft.value, []); list.setAttribute("aria-busy", "true"); schedule(300); });
draft.addEventListener("scroll", syncScroll);
new ResizeObserver(syncScroll).observe(draft);
$("region").addEventListener("change", () => schedule(0));
$("format").addEventListener("change", () => schedule(0));
loadRules().then(() => { if (draft.value) check(); });
</script>
</body>
</html>
"""#
}
