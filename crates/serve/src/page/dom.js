// Building the page from data: elements with text, never HTML from data.

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** An element with attributes (`on` for events, `text` for its text) and children. */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "on") for (const [ev, f] of Object.entries(v)) { if (f) e.addEventListener(ev, f); }
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}
