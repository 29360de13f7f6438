// The document being edited, and its history for undo and redo. Every
// change goes through `change`, which keeps what the document was so
// Ctrl+Z can bring it back; typing in one field counts as one change until
// she pauses or moves to another field.

export const state = {
  doc: {},
  /** The file's text as it was last saved or opened. */
  savedText: "",
  /** The JSON view holds text that is not JSON (the form waits). */
  jsonBroken: false,
  /** Members just added and not yet left: their problems are not shown yet. */
  fresh: new WeakSet(),
  /** Members whose card is open in the list. */
  open: new WeakSet(),
};

const past = [];
const future = [];
let lastKey = null;
let lastTime = 0;
const listeners = [];

/** The document as the file's text. */
export function text() {
  return JSON.stringify(state.doc, null, 2) + "\n";
}

/** Calls `f(kind)` after every change ("edit", "undo", "load"). */
export function onChange(f) {
  listeners.push(f);
}

function notify(kind) {
  for (const f of listeners) f(kind);
}

/** Replaces the whole document (opened, or read from the JSON view). */
export function load(doc, keepHistory) {
  if (keepHistory) remember(null);
  else { past.length = 0; future.length = 0; }
  state.doc = doc;
  notify("load");
}

function remember(key) {
  const now = Date.now();
  const same = key !== null && key === lastKey && now - lastTime < 1500;
  lastKey = key;
  lastTime = now;
  if (same) return;
  past.push(text());
  if (past.length > 200) past.shift();
  future.length = 0;
}

/** Changes the document with `edit(doc)`; `key` joins quick edits of one field into one step. */
export function change(edit, key) {
  remember(key || null);
  edit(state.doc);
  notify("edit");
}

/** True when there is something to undo / redo. */
export const canUndo = () => past.length > 0;
export const canRedo = () => future.length > 0;

/** Takes back the last change; false when there was none. */
export function undo() {
  if (!past.length) return false;
  future.push(text());
  state.doc = JSON.parse(past.pop());
  lastKey = null;
  notify("undo");
  return true;
}

/** Does again what was undone. */
export function redo() {
  if (!future.length) return false;
  past.push(text());
  state.doc = JSON.parse(future.pop());
  lastKey = null;
  notify("undo");
  return true;
}

/** The value at a path of keys and indexes. */
export function get(path) {
  let v = state.doc;
  for (const k of path) {
    if (v == null) return undefined;
    v = v[k];
  }
  return v;
}

/** Sets the value at `path`; an empty value is removed, so its default applies. */
export function set(path, value) {
  change((doc) => {
    let v = doc;
    for (let i = 0; i < path.length - 1; i++) {
      if (v[path[i]] == null || typeof v[path[i]] !== "object") v[path[i]] = typeof path[i + 1] === "number" ? [] : {};
      v = v[path[i]];
    }
    const last = path[path.length - 1];
    const empty = value === "" || value === undefined || value === null;
    if (empty && !Array.isArray(v)) delete v[last];
    else v[last] = value;
    // An emptied contact leaves the member.
    if (path[0] === "members" && path[2] === "contact" && v && Object.keys(v).length === 0) {
      delete doc.members[path[1]].contact;
    }
  }, pathText(path));
}

/** The list at `key`, made when missing. */
export function list(key) {
  if (!Array.isArray(state.doc[key])) state.doc[key] = [];
  return state.doc[key];
}

/** "members[2].contact.email" for ["members", 2, "contact", "email"]. */
export function pathText(path) {
  return path.map((k, i) => (typeof k === "number" ? "[" + k + "]" : (i ? "." : "") + k)).join("");
}
