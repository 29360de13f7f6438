// The form: the school, its rings, a compact list of members (one line
// each; a card opens to edit), routes and meetings. Built from the
// document on every change of its shape; typing changes the document
// without rebuilding. Catalogue defaults show in their fields, marked as
// the default, and stay out of the file until she changes them.

import { $, el } from "./dom.js";
import { state, change, get, set, pathText } from "./state.js";
import { t, vocab, roleById } from "./words.js";
import * as backend from "./backend.js";

let uid = 0;
/** What the library made of each role text: text → { found, near }. */
const matches = new Map();
const asked = new Set();
let hooks = { removed: () => {}, photo: () => {}, problems: () => {} };

/** Tells the form what to call when an item is removed, a photo chosen, a card left. */
export function setHooks(h) {
  hooks = Object.assign(hooks, h);
}

const items = (key) => (Array.isArray(state.doc[key]) ? state.doc[key] : []);

/** The document's rings (or the default ones): [id, label]. */
export function rings() {
  const own = items("rings").filter((r) => r && r.id);
  return own.length ? own.map((r) => [r.id, ringLabel(r)]) : vocab.rings.map((r) => [r.id, r.label]);
}

/** A ring's label as drawn: a default ring's label in either language is shown in the page's. */
function ringLabel(r) {
  const standard = vocab.rings.find((d) => d.id === r.id && (r.label === d.label || r.label === d.other));
  return standard ? standard.label : r.label || r.id;
}

/** The catalogue role a member's role text names (as the library reads it), if any. */
export function roleOf(m) {
  const text = m && typeof m.role === "string" ? m.role : "";
  if (!text) return null;
  const known = roleById(text);
  if (known) return known;
  const match = matches.get(text);
  return match && match.found ? match.found : null;
}

/** The role texts not asked about yet are sent to the library; the form is rebuilt when it answers. */
async function askRoles() {
  const texts = [...new Set(items("members").map((m) => m && m.role).filter((r) => typeof r === "string" && r && !roleById(r) && !asked.has(r)))];
  if (!texts.length) return pending;
  texts.forEach((x) => asked.add(x));
  pending = backend.matchRoles(texts).then((answers) => {
    texts.forEach((x, i) => matches.set(x, answers[i]));
    render();
  }, () => texts.forEach((x) => asked.delete(x)));
  return pending;
}
let pending = Promise.resolve();

/** Forgets what the library said about roles (the language changed). */
export function forgetRoles() {
  matches.clear();
  asked.clear();
}

/** A member in one line: role, name. */
export function memberTitle(m, i) {
  const role = roleOf(m);
  const roleText = role ? role.label : m && m.role;
  const parts = [roleText, m && m.name].filter(Boolean);
  if (parts.length) return parts.join(" · ");
  // A member that is a partner of the list is called by the list's words.
  const partner = m && m.partner && (vocab.partners || []).find((p) => p.id === m.partner);
  if (partner) return partner.label;
  return t("member") + " " + (i + 1);
}

/** Member `i`'s partner in the list: a choice when a list is loaded, else its id as text. */
function partnerField(m, i) {
  const list = vocab.partners || [];
  if (!list.length) return field(t("field.partner"), ["members", i, "partner"], "text", { hint: t("partnerHint") });
  const choices = [["", t("partnerNone")]].concat(list.map((p) => [p.id, p.label]));
  return field(t("field.partner"), ["members", i, "partner"], "select", { choices, hint: t("partnerHint") });
}

// ---- fields ----

/** A labelled input or select for the value at `path`. */
function field(label, path, kind, o) {
  o = o || {};
  const id = "f" + ++uid;
  const error = el("span", { class: "field-error", id: id + "-error", role: "alert" });
  const hint = o.hint ? el("span", { class: "hint", id: id + "-hint", text: o.hint }) : null;
  const described = [error.id, hint && hint.id].filter(Boolean).join(" ");
  const value = o.value !== undefined ? o.value : get(path);
  let input;
  if (kind === "select") {
    input = el("select", { id, "data-path": pathText(path), "aria-describedby": described,
      on: { change: (e) => { (o.set || ((v) => set(path, v)))(e.target.value); if (o.rebuild) render(); } } });
    for (const [v, l] of o.choices) input.append(el("option", { value: v, text: l, selected: String(value == null ? "" : value) === v }));
  } else {
    input = el("input", { id, type: kind || "text", "data-path": pathText(path), "aria-describedby": described,
      list: o.list, autocomplete: "off", placeholder: o.placeholder, value: value == null ? "" : String(value),
      on: { input: o.input || ((e) => set(path, e.target.value)), change: o.change, focus: o.focus } });
  }
  return el("div", { class: "field" + (o.wide ? " wide" : "") }, el("label", { for: id, text: label }), input, hint, error);
}

/** A list of chips (expertise, steps); `defaults` are shown while the document has none. */
function chips(label, path, o) {
  o = o || {};
  const id = "f" + ++uid;
  const own = get(path);
  const usesDefaults = !Array.isArray(own) && o.defaults && o.defaults.length > 0;
  const values = Array.isArray(own) ? own : usesDefaults ? o.defaults : [];
  const box = el("div", { class: "field wide", "data-path": pathText(path) });
  const list = el("ul", { class: "chips" + (usesDefaults ? " defaults" : ""), "aria-label": label });
  const shown = (v) => (o.choices ? (o.choices.find((c) => c[0] === v) || [v, v])[1] : v);
  const put = (next) => { set(path, next); render(); focusPath(pathText(path)); };
  values.forEach((v, i) => {
    list.append(el("li", { class: "chip" }, document.createTextNode(shown(v)),
      el("button", { type: "button", "aria-label": t("removeItem", { item: shown(v) }), text: "×",
        on: { click: () => put(values.filter((_, j) => j !== i)) } })));
  });
  let input;
  if (o.choices) {
    input = el("select", { id, class: "chips-input", on: { change: (e) => { if (e.target.value) put(values.concat([e.target.value])); } } });
    input.append(el("option", { value: "", text: t("addStep") }));
    for (const [v, l] of o.choices) if (!values.includes(v)) input.append(el("option", { value: v, text: l }));
  } else {
    const add = (e) => {
      const v = e.target.value.trim();
      if (!v) return false;
      e.target.value = "";
      put(values.concat([v]));
      return true;
    };
    input = el("input", { id, class: "chips-input", type: "text", autocomplete: "off", "aria-describedby": id + "-hint",
      on: { blur: add, keydown: (e) => { if (e.key === "Enter" || e.key === ",") { e.preventDefault(); add(e); } } } });
  }
  box.append(el("label", { for: id, text: label }), list, input);
  const hint = usesDefaults ? t("defaultsHint") : o.choices ? null : t("expertiseHint");
  if (hint) box.append(el("span", { class: "hint", id: id + "-hint", text: hint }));
  box.append(el("span", { class: "field-error", role: "alert" }));
  return box;
}

/** Puts the focus back in the field at `path` (after the form is rebuilt). */
export function focusPath(path, caret) {
  const box = document.querySelector('[data-path="' + CSS.escape(path) + '"]');
  const input = box && (box.matches("input, select, textarea") ? box : box.querySelector(".chips-input, input, select"));
  if (!input) return;
  input.focus();
  if (caret != null && typeof input.setSelectionRange === "function" && input.type === "text") {
    try { input.setSelectionRange(caret, caret); } catch (e) { /* not a text field */ }
  }
}

// ---- items that move ----

/** Moves item `from` of list `key` to `to`. */
function move(key, from, to) {
  const list = items(key);
  if (to < 0 || to >= list.length || from === to) return;
  change((doc) => {
    const [item] = doc[key].splice(from, 1);
    doc[key].splice(to, 0, item);
  });
  render();
  const rows = document.querySelectorAll('[data-list="' + key + '"]');
  const row = rows[to];
  if (row) row.querySelector(".buttons button").focus();
}

function remove(key, i, name) {
  change((doc) => {
    doc[key].splice(i, 1);
    if (!doc[key].length) delete doc[key];
  });
  render();
  hooks.removed(name);
}

function buttons(key, i, name) {
  const count = items(key).length;
  return el("span", { class: "buttons" },
    el("button", { type: "button", class: "small", "aria-label": t("up") + ": " + name, title: t("up"), text: "↑", disabled: i === 0, on: { click: () => move(key, i, i - 1) } }),
    el("button", { type: "button", class: "small", "aria-label": t("down") + ": " + name, title: t("down"), text: "↓", disabled: i === count - 1, on: { click: () => move(key, i, i + 1) } }),
    el("button", { type: "button", class: "small remove", "aria-label": t("removeItem", { item: name }), title: t("remove"), text: "✕", on: { click: () => remove(key, i, name) } }));
}

/** An item of list `key`: moved by its handle (text in its fields stays selectable) or Alt+arrows. */
function item(key, i, head, body, o) {
  o = o || {};
  const box = el("section", { class: "card" + (o.open === false ? " closed" : ""), "data-list": key, "data-path": key + "[" + i + "]", "aria-label": o.name });
  const handle = el("span", { class: "handle", draggable: "true", "aria-hidden": "true", title: t("moveHint"), text: "⠿" });
  handle.addEventListener("dragstart", (e) => {
    e.dataTransfer.setData("text/x-cirkel", key + ":" + i);
    e.dataTransfer.setDragImage(box, 10, 10);
    box.classList.add("dragging");
  });
  handle.addEventListener("dragend", () => box.classList.remove("dragging"));
  box.addEventListener("dragover", (e) => { if (e.dataTransfer.types.includes("text/x-cirkel")) { e.preventDefault(); box.classList.add("drop-target"); } });
  box.addEventListener("dragleave", () => box.classList.remove("drop-target"));
  box.addEventListener("drop", (e) => {
    box.classList.remove("drop-target");
    const [from, at] = (e.dataTransfer.getData("text/x-cirkel") || "").split(":");
    if (from !== key) return;
    e.preventDefault();
    move(key, Number(at), i);
  });
  box.addEventListener("keydown", (e) => {
    if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
    e.preventDefault();
    move(key, i, e.key === "ArrowUp" ? i - 1 : i + 1);
  });
  box.append(el("div", { class: "card-head" }, handle, head, buttons(key, i, o.name)), el("span", { class: "field-error card-error", role: "alert" }));
  if (body) box.append(body);
  return box;
}

// ---- sections ----

function schoolSection() {
  return el("fieldset", {}, el("legend", { text: t("school") }),
    el("div", { class: "grid" },
      field(t("field.school-name"), ["school", "name"], "text", { placeholder: t("schoolNameHint") }),
      field(t("field.place"), ["school", "place"]),
      field(t("field.sector"), ["school", "sector"], "select", { choices: [["", t("none")]].concat(vocab.sectors.map((s) => [s.id, s.label])) }),
      field(t("field.school-year"), ["school_year"], "text", { placeholder: t("schoolYearHint") }),
      // A default title (in either language) shows as the default.
      field(t("field.title"), ["title"], "text", { placeholder: t("titleDefault"), value: (vocab.titles || []).includes(state.doc.title) ? "" : state.doc.title })));
}

function ringsSection() {
  const box = el("fieldset", {}, el("legend", { text: t("rings") }));
  const own = items("rings");
  if (!own.length) box.append(el("p", { class: "hint", text: t("ringsDefault", { rings: vocab.rings.map((r) => r.label).join(", ") }) }));
  own.forEach((r, i) => {
    const name = t("ring") + " " + (i + 1);
    const advanced = el("details", { class: "advanced" }, el("summary", { text: t("advanced") }),
      field(t("field.id"), ["rings", i, "id"], "text", {
        hint: t("idHint"),
        // Members follow a ring whose id changes.
        input: (e) => {
          const before = get(["rings", i, "id"]);
          const now = e.target.value;
          change((doc) => {
            doc.rings[i].id = now;
            for (const m of doc.members || []) if (m && before && m.ring === before) m.ring = now;
          }, "rings[" + i + "].id");
          ringLists();
        },
      }));
    box.append(item("rings", i, el("h3", { text: name }),
      el("div", { class: "grid" },
        field(t("field.ring-label"), ["rings", i, "label"], "text", { value: ringLabel(r || {}),
          input: (e) => { set(["rings", i, "label"], e.target.value); ringLists(); },
        }), advanced), { name: name + (r && r.label ? ": " + r.label : "") }));
  });
  box.append(el("button", { type: "button", class: "add", id: "add-ring", text: t("addRing"), on: { click: () => {
    change((doc) => {
      if (!Array.isArray(doc.rings) || !doc.rings.length) doc.rings = vocab.rings.map((r) => ({ id: r.id, label: r.label }));
      else {
        let n = doc.rings.length + 1;
        while (doc.rings.some((r) => r && r.id === "ring-" + n)) n++;
        doc.rings.push({ id: "ring-" + n, label: "" });
      }
    });
    render();
    focusPath("rings[" + (items("rings").length - 1) + "].label");
  } } }));
  return box;
}

/** Updates the members' ring lists in place while a ring is named (no rebuild, nothing lost). */
function ringLists() {
  for (const select of document.querySelectorAll("select[data-rings]")) {
    const i = Number(select.dataset.rings);
    const m = items("members")[i];
    const now = select.value;
    select.replaceChildren(...ringChoices(m).map(([v, l]) => el("option", { value: v, text: l, selected: v === now })));
  }
}

function ringChoices(m) {
  const role = roleOf(m);
  const all = rings();
  const standard = role ? all[Math.min(role.ring, all.length - 1)] : null;
  return [["", standard ? t("standardIs", { value: standard[1] }) : t("standard")]].concat(all);
}

function ringSelect(m, i) {
  const box = field(t("field.ring"), ["members", i, "ring"], "select", { choices: ringChoices(m), rebuild: true });
  box.querySelector("select").dataset.rings = String(i);
  return box;
}

function roleField(m, i) {
  const role = roleOf(m);
  const match = typeof m.role === "string" ? matches.get(m.role) : null;
  // The field shows the role's label, not its id; an alias as she wrote it.
  const shown = role && role.id === m.role ? role.label : m.role || "";
  const box = field(t("field.role"), ["members", i, "role"], "text", {
    value: shown, list: "roles-list", hint: role ? t("roleKnown", { label: role.label, organisation: role.organisation || "" }) : t("roleHint"),
    input: (e) => {
      const typed = e.target.value;
      const exact = vocab.roles.find((r) => r.label === typed);
      set(["members", i, "role"], exact ? exact.id : typed);
    },
    change: async () => {
      await askRoles();
      if (items("members")[i] === m) nameAfterRole(m, i);
      render();
    },
  });
  if (!role && match && match.near) {
    const near = match.near;
    box.append(el("button", { type: "button", class: "suggestion", text: t("didYouMean", { label: near.label }),
      on: { click: () => { applyRole(i, near.id); focusPath("members[" + i + "].name"); } } }));
  }
  return box;
}

/** A member still under its first id ("lid") gets one after its role (cjg, jeugdarts-2). */
function nameAfterRole(m, i) {
  const found = roleOf(m);
  if (found && /^lid(-\d+)?$/.test(m.id || "")) set(["members", i, "id"], newId(found.short || found.id));
}

/** Sets member `i`'s role (a suggestion taken) and names it after the role. */
export function applyRole(i, value) {
  set(["members", i, "role"], value);
  const m = items("members")[i];
  if (m) nameAfterRole(m, i);
  render();
}

function memberBody(m, i) {
  const role = roleOf(m);
  const photoInput = el("input", { type: "file", accept: "image/*", id: "photo-" + i, class: "hidden",
    on: { change: (e) => { hooks.photo(m, e.target.files[0], i); e.target.value = ""; } } });
  const domain = role ? vocab.domains.find((d) => d.id === role.domain) : null;
  const tieChoices = [["", t("standardIs", { value: (vocab.ties.find((x) => x.id === "normal") || {}).label || "" })]].concat(vocab.ties.map((x) => [x.id, x.label]));
  const contact = m.contact && typeof m.contact === "object" ? m.contact : {};
  const advanced = el("details", { class: "advanced wide" }, el("summary", { text: t("advanced") }),
    el("div", { class: "grid" },
      field(t("field.id"), ["members", i, "id"], "text", { hint: t("idHint") }),
      field(t("field.domain"), ["members", i, "domain"], "select", { choices: [["", domain ? t("standardIs", { value: domain.label }) : t("standard")]].concat(vocab.domains.map((d) => [d.id, d.label])) }),
      field(t("field.tie"), ["members", i, "tie"], "select", { choices: tieChoices }),
      partnerField(m, i)));
  return el("div", { class: "card-body" },
    el("div", { class: "grid" },
      roleField(m, i),
      field(t("field.name"), ["members", i, "name"], "text", { input: (e) => { set(["members", i, "name"], e.target.value); retitle(i); } }),
      field(t("field.organisation"), ["members", i, "organisation"], "text", { placeholder: role && role.organisation, hint: role && role.organisation && !m.organisation ? t("defaultShown") : null }),
      ringSelect(m, i),
      field(t("field.availability"), ["members", i, "availability"], "text", { placeholder: role && role.availability, hint: role && role.availability && !m.availability ? t("defaultShown") : null }),
      field(t("field.email"), ["members", i, "contact", "email"], "email", { value: contact.email }),
      field(t("field.phone"), ["members", i, "contact", "phone"], "tel", { value: contact.phone, placeholder: role && role.phone }),
      field(t("field.website"), ["members", i, "contact", "website"], "url", { value: contact.website }),
      el("div", { class: "field photo" }, field(t("field.photo"), ["members", i, "photo"], "text", { hint: t("photoHint") }),
        photoInput, el("button", { type: "button", class: "small", text: t("upload"), on: { click: () => photoInput.click() } })),
      chips(t("field.expertise"), ["members", i, "expertise"], { defaults: role ? role.expertise : null }),
      advanced));
}

/** The one-line title of member `i`, updated while she types its name. */
function retitle(i) {
  const row = document.querySelectorAll('[data-list="members"]')[i];
  const m = items("members")[i];
  if (row && m) row.querySelector(".member-title").textContent = memberTitle(m, i);
}

function membersSection() {
  const members = items("members");
  const box = el("fieldset", {}, el("legend", { text: t("members") + " (" + members.length + ")" }));
  members.forEach((m, i) => {
    if (!m || typeof m !== "object") return;
    const open = state.open.has(m);
    const role = roleOf(m);
    const all = rings();
    const ring = all.find((r) => r[0] === m.ring) || (role && !m.ring ? all[Math.min(role.ring, all.length - 1)] : null);
    const toggle = el("button", { type: "button", class: "member-toggle", "aria-expanded": open ? "true" : "false",
      on: { click: () => { if (state.open.has(m)) state.open.delete(m); else state.open.add(m); render(); } } },
      el("span", { class: "member-title", text: memberTitle(m, i) }),
      el("span", { class: "member-ring", text: ring ? ring[1] : "" }));
    const card = item("members", i, toggle, open ? memberBody(m, i) : null, { name: t("member") + " " + (i + 1) + ": " + memberTitle(m, i), open });
    card.addEventListener("focusout", (e) => {
      if (state.fresh.has(m) && !card.contains(e.relatedTarget)) { state.fresh.delete(m); hooks.problems(); }
    });
    box.append(card);
  });
  box.append(el("button", { type: "button", class: "add", id: "add-member", text: t("addMember"), on: { click: () => {
    const m = { id: newId("lid") };
    state.fresh.add(m);
    state.open.add(m);
    change((doc) => { if (!Array.isArray(doc.members)) doc.members = []; doc.members.push(m); });
    render();
    focusPath("members[" + (items("members").length - 1) + "].role");
  } } }));
  // With a partner list: a partner added in one choice, its fields from the list.
  const list = vocab.partners || [];
  if (list.length) {
    const pick = el("select", { id: "add-partner", "aria-label": t("addPartner"),
      on: { change: (e) => {
        const id = e.target.value;
        if (!id) return;
        const m = { id: newId(id), partner: id };
        change((doc) => { if (!Array.isArray(doc.members)) doc.members = []; doc.members.push(m); });
        render();
      } } },
      el("option", { value: "", text: t("addPartner") }),
      ...list.map((p) => el("option", { value: p.id, text: p.label })));
    box.append(pick);
  }
  return box;
}

/** A member id not taken yet, made from `base` ("CJG" is cjg, then cjg-2). */
function newId(base) {
  const slug = String(base).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "lid";
  // A member without an id of its own is known by its partner's id.
  const taken = new Set(items("members").map((m) => m && (m.id || m.partner)));
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = slug + "-" + n;
  return id;
}

function routesSection() {
  const box = el("fieldset", {}, el("legend", { text: t("routes") }));
  const people = items("members").filter((m) => m && m.id).map((m, i) => [m.id, memberTitle(m, i)]);
  items("routes").forEach((r, i) => {
    const name = t("route") + " " + (i + 1);
    box.append(item("routes", i, el("h3", { text: name }),
      el("div", { class: "card-body" },
        el("div", { class: "grid" }, field(t("field.question"), ["routes", i, "question"], "text", { wide: true, placeholder: t("questionHint") })),
        chips(t("field.steps"), ["routes", i, "steps"], { choices: people }),
        chips(t("field.escalation"), ["routes", i, "escalation"], { choices: people }),
        field(t("field.note"), ["routes", i, "note"], "text", { wide: true }),
        el("details", { class: "advanced" }, el("summary", { text: t("advanced") }), field(t("field.id"), ["routes", i, "id"], "text", { hint: t("idHint") }))),
      { name: name + (r && r.question ? ": " + r.question : "") }));
  });
  box.append(el("button", { type: "button", class: "add", id: "add-route", text: t("addRoute"), on: { click: () => {
    change((doc) => { if (!Array.isArray(doc.routes)) doc.routes = []; doc.routes.push({ question: "", steps: [] }); });
    render();
    focusPath("routes[" + (items("routes").length - 1) + "].question");
  } } }));
  return box;
}

function meetingsSection() {
  const box = el("fieldset", {}, el("legend", { text: t("meetings") }));
  items("meetings").forEach((m, i) => {
    const name = t("meeting") + " " + (i + 1);
    box.append(item("meetings", i, el("h3", { text: name }),
      el("div", { class: "grid" }, field(t("field.when"), ["meetings", i, "when"], "text", { placeholder: t("whenHint") }),
        field(t("field.purpose"), ["meetings", i, "purpose"])), { name }));
  });
  box.append(el("button", { type: "button", class: "add", id: "add-meeting", text: t("addMeeting"), on: { click: () => {
    change((doc) => { if (!Array.isArray(doc.meetings)) doc.meetings = []; doc.meetings.push({ when: "", purpose: "" }); });
    render();
    focusPath("meetings[" + (items("meetings").length - 1) + "].when");
  } } }));
  return box;
}

/** Builds the form from the document, keeping the focus where it was. */
export function render() {
  const form = $("form");
  const active = document.activeElement;
  const at = active && active.dataset ? active.dataset.path : null;
  const caret = active && typeof active.selectionStart === "number" ? active.selectionStart : null;
  uid = 0;
  if (!state.doc.school || typeof state.doc.school !== "object") state.doc.school = {};
  form.replaceChildren(schoolSection(), membersSection(), routesSection(), meetingsSection(), ringsSection());
  $("roles-list").replaceChildren(...vocab.roles.map((r) => el("option", { value: r.label, label: r.organisation ? r.label + " (" + r.organisation + ")" : r.label })));
  for (const f of form.querySelectorAll(":scope > fieldset")) f.disabled = state.jsonBroken;
  if (at) focusPath(at, caret);
  hooks.problems();
  askRoles();
}
