// The library at work beside the page (issue 36): every drawing, check and
// file conversion runs here, so typing never waits. Keeps the photos and
// the last layout (each picture is laid out on the last one, as the local
// server does).

import * as cirkel from "./cirkel.js";

/** Loaded: from beside this file, or from what the single-file page hands over (its first message). */
let ready = null;
let photos = {};
/** The last picture's layout, and what it was laid out on. */
let last = null;
let on = null;
/** Last year's kernteam (JSON text) to compare with, if any. */
let since = null;
/** The partner list (JSON text) members refer to, if any. */
let partners = null;

const TYPES = { svg: "image/svg+xml", png: "image/png", pdf: "application/pdf", text: "text/plain", markdown: "text/markdown" };

const ops = {
  vocabulary: ({ lang }) => cirkel.vocabulary(lang),
  starter: ({ school }) => cirkel.starter(school),
  matchRoles: ({ texts, lang }) => cirkel.matchRoles(texts, lang),
  photos: (args) => { photos = args.photos; last = null; on = null; return true; },
  photo: ({ bytes, lang }) => cirkel.preparePhoto(bytes, { lang }),
  preview: ({ text, options, lang }) => {
    const o = previewOptions(options, lang);
    const answer = cirkel.preview(text, o, photos, last);
    if (answer.ok) {
      on = answer.anchored ? last : null;
      last = answer.layout;
    }
    delete answer.layout;
    return answer;
  },
  draw: ({ text, options, lang }) => {
    const o = drawOptions(options, lang);
    const bytes = cirkel.draw(text, o, photos);
    return { bytes: typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes, type: TYPES[o.format || "svg"] };
  },
  since: ({ text, lang }) => {
    // Tried once here, so that a broken file is said now, not at each picture.
    if (text !== null) cirkel.describe(cirkel.starter("-"), { since: text, lang });
    since = text;
    return true;
  },
  partners: ({ text, lang }) => {
    // Checked once here: a broken list is said now, with its problems.
    cirkel.describe(cirkel.starter("-"), { partners: text, lang });
    partners = text;
    last = null;
    on = null;
    return true;
  },
  readWorkbook: ({ bytes, kind, lang }) => cirkel.readWorkbook(bytes, { kind, lang }),
  zip: ({ files }) => cirkel.zip(files),
  writeWorkbook: ({ text, kind, lang }) => cirkel.writeWorkbook([JSON.parse(text)], { kind, lang }),
};

/** The page's options (as it sends them to the server) as the library's. */
function drawOptions(options, lang) {
  const o = { lang };
  for (const [k, v] of Object.entries(options || {})) {
    if (k === "width") o.width = Number(v);
    else if (k === "description") o.description = v !== "0";
    else if (k === "anchor") { if (v === "1" && on) o.previous = on; }
    else o[k] = v;
  }
  if (since !== null) o.since = since;
  if (partners !== null) o.partners = partners;
  return o;
}

function previewOptions(options, lang) {
  const o = drawOptions(options, lang);
  delete o.previous;
  delete o.format;
  return o;
}

self.onmessage = async ({ data }) => {
  const { id, op, args } = data;
  if (op === "init") {
    // The single-file page: the module's bytes come in this message (its
    // starter has made the glue's copies available as cirkelGlueUrl).
    ready = cirkel.init(args.wasm);
    return;
  }
  try {
    if (!ready) ready = cirkel.init();
    await ready;
    const value = ops[op](args || {});
    self.postMessage({ id, ok: true, value });
  } catch (e) {
    self.postMessage({ id, ok: false, error: { message: e && e.message ? e.message : String(e), problems: e && e.problems ? e.problems : [] } });
  }
};
