// The picture beside the form, redrawn as she types: a drawing starts at
// once, never two at a time; changes made while one is drawn are drawn
// next, in one go, and an answer older than the document is dropped. A picture that no longer shows the
// document is marked as such. A new, still empty card is left out of the
// drawing until she fills it in.

import { $ } from "./dom.js";
import { state, text } from "./state.js";
import { t } from "./words.js";
import * as backend from "./backend.js";
import { setProblems } from "./problems.js";

let busy = false;
let again = false;
let pictureUrl = null;
let options = () => ({});
let onProblems = () => {};
let onFailure = () => {};
/** When the oldest change the picture does not show yet was made. */
let since = null;

// What the browser test reads: the SVG shown, the number of drawings, and
// the time from a change to its picture (ms).
window.cirkelLastSvg = "";
window.cirkelDraws = 0;
window.cirkelTimings = [];

/** `opts()` gives the drawing options; `problems(list)` and `failure(f)` are told what came back. */
export function setup(opts, problems, failure) {
  options = opts;
  onProblems = problems;
  onFailure = failure;
}

/** The document changed: draw it soon. */
export function schedule() {
  if (since === null) since = performance.now();
  stale(true, t("updating"));
  // After the handlers of this event have changed what they change.
  queueMicrotask(start);
}

/** The document as drawn, and where each drawn member is in the document. */
function drawn() {
  const members = Array.isArray(state.doc.members) ? state.doc.members : null;
  if (!members) return { body: text(), index: null };
  const index = [];
  const kept = members.filter((m, i) => {
    const empty = m && typeof m === "object" && state.fresh.has(m) && !m.role && !m.name;
    if (!empty) index.push(i);
    return !empty;
  });
  if (kept.length === members.length) return { body: text(), index: null };
  return { body: JSON.stringify(Object.assign({}, state.doc, { members: kept }), null, 2) + "\n", index };
}

async function start() {
  if (busy) { again = true; return; }
  busy = true;
  again = false;
  const mark = since;
  const { body, index } = state.jsonBroken ? { body: $("json").value, index: null } : drawn();
  try {
    const answer = await backend.preview(body, options());
    // Newer than what is shown (one drawing at a time), though perhaps not
    // the newest: shown, and the newest drawn next.
    const problems = (answer.problems || []).map((p) => remap(p, index));
    setProblems(problems);
    onProblems(problems);
    if (answer.svg !== undefined && answer.svg !== null) {
      show(answer.svg);
      if (mark !== null) window.cirkelTimings.push(performance.now() - mark);
      since = again ? performance.now() : null;
      stale(again, t("updating"));
    } else {
      stale(true, t("staleErrors"));
    }
  } catch (f) {
    onFailure(f);
    stale(true, f.message);
  } finally {
    busy = false;
    if (again) start();
  }
}

/** A problem's path in the drawn members' indexes, put back in the document's. */
function remap(p, index) {
  if (!index || !p.path) return p;
  const m = /^members\[(\d+)\]/.exec(p.path);
  if (!m) return p;
  const at = index[Number(m[1])];
  return Object.assign({}, p, { path: p.path.replace(/^members\[\d+\]/, "members[" + at + "]"), place: p.place && p.place.replace(/\d+/, String(at + 1)) });
}

function show(svg) {
  if (pictureUrl) URL.revokeObjectURL(pictureUrl);
  pictureUrl = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  $("picture").src = pictureUrl;
  window.cirkelLastSvg = svg;
  window.cirkelDraws++;
}

/** Marks the picture as not showing the document (with why), or as current. */
function stale(on, why) {
  const box = $("picture-box");
  box.classList.toggle("stale", on && !!window.cirkelDraws);
  $("picture-state").textContent = on && window.cirkelDraws ? why || "" : "";
}
