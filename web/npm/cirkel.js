// The cirkel library in WebAssembly: draws the cirkel van invloed of a
// school's kernteam in a browser or in Node, byte for byte as the native
// build. `await init()` once; then every function is synchronous.
//
// Inputs are a string or a Uint8Array; photos a map (object) of name to
// Uint8Array; options a plain object (an unknown option is an error, as an
// unknown key in a kernteam file is). A problem in the input throws a
// CirkelError whose `problems` list says where and how to fix it. Should
// the module ever stop on a bug (a WebAssembly trap), the package starts a
// fresh copy, says so in the error it throws, and the next call works.

let compiled = null; // the compiled module, instantiated afresh after a trap
let glue = null; // the wasm-bindgen glue of the live instance
let spares = []; // glue modules not yet instantiated, for after a trap
let copies = 0;

/** A problem in the input or the options, or a stop on a bug. */
export class CirkelError extends Error {
  constructor(message, details) {
    super(message);
    this.name = "CirkelError";
    this.problems = (details && details.problems) || [];
    this.crashed = !!(details && details.crashed);
  }
}

async function bytesOfModule(source) {
  if (source) return source;
  const url = new URL("./cirkel_wasm_bg.wasm", import.meta.url);
  if (url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    return readFile(url);
  }
  const answer = await fetch(url);
  if (!answer.ok) throw new CirkelError("cannot load cirkel_wasm_bg.wasm: " + answer.status);
  return answer.arrayBuffer();
}

/** A new copy of the glue module (a new module record: its own instance). */
async function freshGlue() {
  copies += 1;
  // A page that holds the glue itself (the single-file page) says where a fresh copy is.
  if (globalThis.cirkelGlueUrl) return import(globalThis.cirkelGlueUrl());
  return import("./cirkel_wasm.js?copy=" + copies);
}

/**
 * Loads the module; call once before anything else. `source` (optional):
 * the module's bytes or a compiled WebAssembly.Module, where the page
 * has them already (the single-file page unpacks them itself).
 */
export async function init(source) {
  if (glue) return;
  if (compiled && !source) {
    glue = await freshGlue();
    glue.initSync({ module: compiled });
    return;
  }
  const bytes = source instanceof WebAssembly.Module ? null : await bytesOfModule(source);
  compiled = source instanceof WebAssembly.Module ? source : await WebAssembly.compile(bytes);
  glue = await freshGlue();
  glue.initSync({ module: compiled });
  spares = [await freshGlue(), await freshGlue()];
}

function live() {
  if (!glue) throw new CirkelError("call and await init() first");
  return glue;
}

/** Runs `f` on the live instance; turns its errors into CirkelErrors and survives a trap. */
function call(f) {
  const g = live();
  try {
    return f(g);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      // The instance stopped on a bug: start a fresh one from a spare copy
      // (another is made meanwhile; two traps in a row leave one ready).
      glue = spares.shift() || null;
      if (glue) glue.initSync({ module: compiled });
      freshGlue().then((s) => { spares.push(s); });
      if (!glue) throw new CirkelError("cirkel stopped on a bug twice in a row; call init() again", { crashed: true });
      throw new CirkelError("cirkel stopped on a bug (" + e.message + "); it has been started afresh, and the next call works", { crashed: true });
    }
    if (typeof e === "string") {
      let reply;
      try { reply = JSON.parse(e); } catch (_) { reply = { error: e }; }
      if (reply.problems) {
        const first = reply.problems.find((p) => p.severity === "error") || reply.problems[0];
        const message = first ? first.message + (first.help ? " (" + first.help + ")" : "") : "problems";
        throw new CirkelError(message, { problems: reply.problems });
      }
      throw new CirkelError(reply.error || String(e));
    }
    throw e;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function bytes(input, what) {
  if (typeof input === "string") return encoder.encode(input);
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new CirkelError(what + ": a string or a Uint8Array");
}

function plain(options, what) {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options)) throw new CirkelError(what + ": a plain object");
  return options;
}

/** The photos as one byte array and its index. */
function packed(photos) {
  const entries = Object.entries(plain(photos, "photos")).map(([name, b]) => [name, bytes(b, "photo " + name)]);
  const total = entries.reduce((n, [, b]) => n + b.length, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const [, b] of entries) { all.set(b, at); at += b.length; }
  return [JSON.stringify(entries.map(([name, b]) => [name, b.length])), all];
}

function args(input, options, photos) {
  const o = plain(options, "options");
  const [index, all] = packed(photos);
  return [bytes(input, "input"), JSON.stringify(o), index, all];
}

const TEXT_FORMATS = ["svg", "text", "markdown", "html"];

/**
 * Draws a kernteam. `options.format`: "svg" (default), "png", "pdf", "html",
 * "text" or "markdown"; SVG, text and Markdown come back as a string, PNG
 * and PDF as a Uint8Array. Other options: width, paper ("a4"/"a3"), scale,
 * lang ("nl"/"en"), privacy ("full"/"names"/"roles"), theme, route,
 * school, kind ("json"/"xlsx"/"ods"/"csv"), description, textAsPaths,
 * previous (a layout), since (last year's kernteam JSON or layout),
 * partners (a partner list).
 */
export function draw(input, options, photos) {
  const out = call((g) => g.drawBytes(...args(input, options, photos)));
  const format = (options && options.format) || "svg";
  return TEXT_FORMATS.includes(format) ? decoder.decode(out) : out;
}

/** The long description in words: `options.format` "text" (default) or "markdown". */
export function describe(input, options, photos) {
  const o = Object.assign({ format: "text" }, plain(options, "options"));
  return draw(input, o, photos);
}

/** Checks a kernteam: `{ ok, problems }` (when ok: warnings and notes). */
export function check(input, options, photos) {
  return JSON.parse(call((g) => g.checkJson(...args(input, options, photos))));
}

/** The geometry of a drawing: `{ warnings, layout }` (what `cirkel layout` writes). */
export function layout(input, options, photos) {
  return JSON.parse(call((g) => g.layoutJson(...args(input, options, photos))));
}

/** The editor's preview: `{ ok, problems, svg, layout, anchored }`, laid out on `last` (a layout). */
export function preview(input, options, photos, last) {
  const [a, b, c, d] = args(input, options, photos);
  return JSON.parse(call((g) => g.previewJson(a, b, c, d, last ? JSON.stringify(last) : "")));
}

/** The role catalogue in `lang` ("nl" or "en"). */
export function roles(lang) {
  return JSON.parse(call((g) => g.rolesJson(lang || "nl")));
}

/** The editor's words and the format's vocabulary in `lang`. */
export function vocabulary(lang) {
  return JSON.parse(call((g) => g.vocabularyJson(lang || "nl")));
}

/** What the library makes of role texts: `[{ found, near }]`. */
export function matchRoles(texts, lang) {
  return JSON.parse(call((g) => g.matchRolesJson(JSON.stringify(texts), lang || "nl")));
}

/** The JSON Schema of the input. */
export function schema() {
  return JSON.parse(call((g) => g.schemaJson()));
}

/** The starter file of `cirkel init` for `school`. */
export function starter(school) {
  return call((g) => g.starter(String(school)));
}

/** A workbook's schools: `{ schools: [{ name, document, problems }], problems }`. `options.kind`: "xlsx" (default), "ods" or "csv". */
export function readWorkbook(input, options) {
  const o = plain(options, "options");
  return JSON.parse(call((g) => g.readWorkbookJson(bytes(input, "input"), o.kind || "xlsx", o.lang || "nl")));
}

/** The names of a workbook's schools. */
export function schoolNames(input, options) {
  const o = plain(options, "options");
  return JSON.parse(call((g) => g.schoolNamesJson(bytes(input, "input"), o.kind || "xlsx")));
}

/** Writes documents (objects of the input format) as a workbook: its bytes. */
export function writeWorkbook(documents, options) {
  const o = plain(options, "options");
  return call((g) => g.writeWorkbookBytes(JSON.stringify(documents), o.kind || "xlsx", o.lang || "nl"));
}

/** A photo as a phone makes it, made fit for a card: a small upright square JPEG. */
export function preparePhoto(input, options) {
  const o = plain(options, "options");
  return call((g) => g.preparePhoto(bytes(input, "photo"), o.lang || "nl"));
}

/** A ZIP archive of files (an object of name → bytes), in the order given: its bytes. */
export function zip(files) {
  const [index, all] = packed(files);
  return call((g) => g.zipBytes(index, all));
}

/** For the package's tests only: stops the module on a bug. */
export function _panicForTests() {
  return call((g) => g.panicForTests());
}
