// The page's back end without a server (issue 36): the cirkel library in a
// Web Worker (typing never waits on a drawing), the draft in the browser's
// own storage, photos kept with the draft, files opened from disk and saved
// by download. Nothing leaves the computer.

import { t, vocab } from "./words.js";
import { Failure } from "./failure.js";

/** Where the draft is kept in the browser. */
const DRAFT = "cirkel.concept";

let worker = null;
let next = 0;
const waiting = new Map();
/** The photos of the document: path → bytes. */
const photos = new Map();

function start() {
  if (worker) return;
  // The single-file page (cirkel.html) hands its worker and module over itself.
  const single = globalThis.cirkelSingle;
  // (a classic worker that makes its modules itself: a page opened from
  // disk cannot start a module worker).
  worker = single
    ? new Worker(single.workerUrl)
    : new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  if (single) worker.postMessage(single.first);
  worker.onmessage = ({ data }) => {
    const done = waiting.get(data.id);
    if (!done) return;
    waiting.delete(data.id);
    if (data.ok) done.resolve(data.value);
    else done.reject(new Failure(data.error.message, data.error));
  };
  worker.onerror = (e) => {
    for (const done of waiting.values()) done.reject(new Failure(t("workerFailed", { reason: e.message || "" })));
    waiting.clear();
  };
}

/** Asks the worker to run `op`; its answer, or a Failure in her words. */
function ask(op, args) {
  start();
  const id = ++next;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, op, args: Object.assign({ lang: vocab.lang }, args || {}) });
  });
}

/** This back end downloads files and keeps a draft in the browser. */
export const kind = "local";

export function vocabulary(lang) {
  return ask("vocabulary", { lang });
}

/** The draft kept in this browser, if any: { text, photos }. */
export function draft() {
  try {
    const kept = JSON.parse(localStorage.getItem(DRAFT) || "null");
    return kept && typeof kept.text === "string" ? kept : null;
  } catch (e) {
    return null;
  }
}

function base64(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 32768) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 32768));
  return btoa(s);
}

function unbase64(text) {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Keeps the document (and its photos) as the draft; false when the browser's storage is full. */
export function keepDraft(text) {
  const kept = {};
  for (const [path, bytes] of photos) kept[path] = base64(bytes);
  try {
    localStorage.setItem(DRAFT, JSON.stringify({ text, photos: kept }));
    return true;
  } catch (e) {
    return false;
  }
}

/** Forgets the draft (a shared computer) and the photos. */
export function wipeDraft() {
  localStorage.removeItem(DRAFT);
  photos.clear();
  return ask("photos", { photos: {} });
}

/** Sends the photos to the worker (after opening a draft or a file). */
function sendPhotos() {
  return ask("photos", { photos: Object.fromEntries(photos) });
}

/** The draft of this browser, or the starter: as `cirkel serve` answers. */
export async function open() {
  const kept = draft();
  photos.clear();
  if (kept && kept.photos) for (const [path, b64] of Object.entries(kept.photos)) photos.set(path, unbase64(b64));
  await sendPhotos();
  const text = kept ? kept.text : await ask("starter", { school: t("field.school-name") });
  return { name: null, folder: "", text, version: "", notice: null, restored: !!kept };
}

/** A file she chose or dropped: its documents ({ name, text } for each school). */
export async function read(file) {
  const name = file.name.toLowerCase();
  const kind = name.endsWith(".xlsx") ? "xlsx" : name.endsWith(".ods") ? "ods" : name.endsWith(".csv") ? "csv" : "json";
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (kind === "json") return [{ name: file.name, text: new TextDecoder().decode(bytes) }];
  const book = await ask("readWorkbook", { bytes, kind, fallback: file.name.replace(/\.[^.]*$/, "") });
  if (!book.schools.length) {
    const first = book.problems[0];
    throw new Failure(first ? first.message + (first.help ? " (" + first.help + ")" : "") : t("noSchools"));
  }
  return book.schools.map((s) => ({ name: s.name, text: JSON.stringify(s.document, null, 2) + "\n" }));
}

/**
 * Last year's file to compare with (`null`: stop comparing): of a workbook
 * of many schools the one named `school`, else the first. A Failure with
 * its problems when it cannot be used.
 */
export async function since(file, school) {
  if (!file) return ask("since", { text: null });
  const docs = await read(file);
  const chosen = docs.find((d) => d.name === school) || docs[0];
  return ask("since", { text: chosen.text });
}

/** A partner list she opened (JSON): checked by the library; its partners as [{ id, role, name }]. */
export async function partners(file) {
  const text = new TextDecoder().decode(new Uint8Array(await file.arrayBuffer()));
  await ask("partners", { text });
  const list = JSON.parse(text);
  return (list.partners || []).map((p) => ({ id: p.id, role: p.role || "", name: p.name || "" }));
}

export function preview(text, options) {
  return ask("preview", { text, options });
}

export async function draw(text, options) {
  const { bytes, type } = await ask("draw", { text, options });
  return new Blob([bytes], { type });
}

export function matchRoles(texts) {
  return ask("matchRoles", { texts });
}

/** A workbook of the document: its bytes. */
export function workbook(text, kind) {
  return ask("writeWorkbook", { text, kind });
}

/** A ZIP of files (name → bytes): its bytes. */
export function zip(files) {
  return ask("zip", { files });
}

/** Nothing is written on disk here: the page downloads the file itself. */
export async function save() {
  return { status: 200, reply: { name: null, version: "" } };
}

/** A photo made small by the library and kept with the draft: its path in the document. */
export async function photo(bytes, name) {
  const prepared = await ask("photo", { bytes: new Uint8Array(bytes) });
  const base = (name || "foto").replace(/\.[^.]*$/, "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "foto";
  let path = "fotos/" + base + ".jpg";
  for (let n = 2; photos.has(path); n++) path = "fotos/" + base + "-" + n + ".jpg";
  photos.set(path, prepared);
  await sendPhotos();
  return path;
}
