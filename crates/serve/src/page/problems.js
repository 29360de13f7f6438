// Problems where she sees them: next to the field (in the form's words,
// the card and the field named by their labels), and in two lists beside
// the picture: problems (errors and warnings) and notes, apart. A new card
// shows nothing until she leaves it.

import { $, el } from "./dom.js";
import { state } from "./state.js";
import { t } from "./words.js";

/** The problems of the last check (paths in this document's indexes). */
let all = [];
let applyFix = () => {};

/** Takes the problems of a check. */
export function setProblems(problems) {
  all = problems || [];
  show();
}

/** `fix(path, value)` applies a suggestion ("Bedoel je Jeugdarts?"). */
export function setFix(fix) {
  applyFix = fix;
}

/** True when the problem is about a member she has not left yet. */
function inFresh(p) {
  const m = /^members\[(\d+)\]/.exec(p.path || "");
  const member = m && (state.doc.members || [])[Number(m[1])];
  return !!(member && typeof member === "object" && state.fresh.has(member));
}

/** The problems shown now: { errors, warnings, notes }. */
export function visible() {
  const shown = all.filter((p) => !inFresh(p));
  return {
    errors: shown.filter((p) => p.severity === "error"),
    warnings: shown.filter((p) => p.severity === "warning"),
    notes: shown.filter((p) => p.severity === "note"),
  };
}

/** Shows the problems at their fields and in the lists. */
export function show() {
  for (const e of document.querySelectorAll(".field-error")) e.replaceChildren();
  for (const e of document.querySelectorAll("[aria-invalid]")) e.removeAttribute("aria-invalid");
  for (const e of document.querySelectorAll(".card.invalid, .card.warned")) e.classList.remove("invalid", "warned");
  const { errors, warnings, notes } = visible();
  const list = $("problems");
  list.replaceChildren();
  for (const p of errors.concat(warnings)) list.append(entry(p, place(p)));
  $("problems-none").hidden = errors.length + warnings.length > 0;
  const noteList = $("notes");
  noteList.replaceChildren(...notes.map((p) => entry(p, null)));
  $("notes-box").hidden = notes.length === 0;
  $("notes-count").textContent = String(notes.length);
}

/** One problem in a list: where (card and field), what, and how to fix it. */
function entry(p, target) {
  const li = el("li", { class: p.severity });
  const words = (p.place ? p.place + ": " : p.line ? t("line") + " " + p.line + ": " : "") + p.message;
  const severity = p.severity === "error" ? t("error") : p.severity === "warning" ? t("warning") : t("note");
  li.append(el("span", { class: "severity", text: severity + " " }));
  if (target) {
    li.append(el("a", { href: "#" + target.id, text: words, on: { click: (e) => { e.preventDefault(); openAt(p.path); target.focus(); } } }));
  } else {
    li.append(document.createTextNode(words));
  }
  if (p.help) li.append(el("span", { class: "help", text: p.help }));
  if (p.suggestion) li.append(fixButton(p));
  return li;
}

function fixButton(p) {
  return el("button", { type: "button", class: "suggestion", text: t("apply", { value: p.suggestion.label }),
    on: { click: () => applyFix(p.suggestion.path || p.path, p.suggestion.value) } });
}

/** Opens the member card a path is in (a closed card has no fields). */
function openAt(path) {
  const m = /^members\[(\d+)\]/.exec(path || "");
  const member = m && (state.doc.members || [])[Number(m[1])];
  if (member && !state.open.has(member)) {
    state.open.add(member);
    document.dispatchEvent(new CustomEvent("cirkel:rebuild"));
  }
}

/** The field (or the card) a problem is about; marks it and says why there. */
function place(p) {
  let path = p.path || "";
  while (path) {
    const box = document.querySelector('[data-path="' + CSS.escape(path) + '"]');
    if (box) {
      const isInput = box.matches("input, select");
      const input = isInput ? box : box.querySelector("input, select, button");
      const error = isInput ? box.parentElement.querySelector(".field-error") : box.querySelector(".field-error");
      if (box.classList.contains("card")) box.classList.add(p.severity === "error" ? "invalid" : "warned");
      if (error) {
        if (error.childNodes.length) error.append(document.createTextNode(" "));
        // At a card (closed, or a field it does not show): name the field too.
        const field = box.classList.contains("card") && path !== p.path && p.field ? p.field + ": " : "";
        error.append(document.createTextNode(field + p.message + (p.help ? " (" + p.help + ")" : "")));
        if (p.suggestion) error.append(" ", fixButton(p));
      }
      if (input && isInput && p.severity === "error") input.setAttribute("aria-invalid", "true");
      return input;
    }
    const shorter = path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
    if (shorter === path) break;
    path = shorter;
  }
  return null;
}
