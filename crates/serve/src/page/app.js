// The page of `cirkel serve`: the kernteam as a form beside its circle,
// redrawn as you type; every problem next to its field and in a list; the
// file as JSON kept in sync. Plain DOM, no build step, no HTML from data
// (text only), every request with the token, nothing from elsewhere.
"use strict";

const token = document.documentElement.dataset.token;
let lang = "nl";
let doc = {};
let version = "";
let fileName = null;
let savedText = "";
let roles = [];
let problems = [];
let timer = null;
let pictureUrl = null;
let drawing = 0;
let jsonBroken = false;
let uid = 0;
let notice = null;
let noticeAccepted = false;
// The SVG the page shows now (the browser test compares it with `cirkel render`).
window.cirkelLastSvg = "";
window.cirkelDraws = 0;

const WORDS = {
  nl: {
    title: "Cirkel van invloed", save: "Opslaan", saveAs: "Opslaan als…", download: "Downloaden:",
    pngNews: "PNG nieuwsbrief", pngA4: "PNG A4", description: "Beschrijving", jsonView: "Het bestand als JSON",
    circle: "De cirkel", routePick: "Route", allRoutes: "alle routes", privacy: "Privacy", privacyFull: "alles",
    privacyNames: "zonder contactgegevens", privacyRoles: "alleen rollen", theme: "Thema",
    themeStandard: "standaard", themePrint: "afdrukken", themeContrast: "hoog contrast", problems: "Problemen",
    school: "School", name: "Naam", place: "Plaats", sector: "Sector", schoolYear: "Schooljaar", heading: "Titel",
    none: "(geen)", standard: "(standaard)", rings: "Ringen", ring: "Ring", ringId: "id", ringLabel: "Naam",
    addRing: "Ring toevoegen", members: "Leden", member: "Lid", addMember: "Lid toevoegen",
    role: "Rol", roleHint: "kies uit de lijst of typ een eigen rol", id: "id", organisation: "Organisatie",
    domain: "Domein", expertise: "Expertise", expertiseHint: "typ en druk op Enter", availability: "Bereikbaarheid",
    tie: "Band met de school", email: "E-mail", phone: "Telefoon", website: "Website", photo: "Foto",
    upload: "Foto kiezen", routes: "Routes", route: "Route", addRoute: "Route toevoegen", question: "Hulpvraag",
    steps: "Stappen", escalation: "Opschalen", addStep: "stap toevoegen…", note: "Notitie", meetings: "Overleg",
    addMeeting: "Overleg toevoegen", when: "Wanneer", purpose: "Waarvoor", up: "Omhoog", down: "Omlaag",
    remove: "Verwijderen", removeItem: (x) => x + " verwijderen", moveHint: "slepen, of Alt+pijl omhoog/omlaag",
    loading: "Laden…", ok: "In orde", unsaved: "Niet opgeslagen wijzigingen",
    errors: (n) => (n === 1 ? "1 fout" : n + " fouten"), savedAs: (n) => "Opgeslagen: " + n,
    askName: "Onder welke naam opslaan? (in deze map, bijvoorbeeld kernteam.json)",
    conflict: "Het bestand is op schijf veranderd sinds het geladen is. Toch overschrijven?",
    reloadAsk: "Het bestand opnieuw laden? Je wijzigingen gaan dan verloren.",
    cannotDraw: "Nog niet te tekenen; zie de problemen.", jsonInvalid: "De JSON is niet geldig; het formulier wacht tot hij klopt.",
    line: "regel", ties: { strong: "sterk", normal: "normaal", tenuous: "zwak", stressful: "gespannen" },
    uploaded: (p) => "Foto opgeslagen als " + p, alt: "De cirkel van invloed van het kernteam",
  },
  en: {
    title: "Circle of influence", save: "Save", saveAs: "Save as…", download: "Download:",
    pngNews: "PNG newsletter", pngA4: "PNG A4", description: "Description", jsonView: "The file as JSON",
    circle: "The circle", routePick: "Route", allRoutes: "all routes", privacy: "Privacy", privacyFull: "everything",
    privacyNames: "no contact data", privacyRoles: "roles only", theme: "Theme",
    themeStandard: "standard", themePrint: "print", themeContrast: "high contrast", problems: "Problems",
    school: "School", name: "Name", place: "Place", sector: "Sector", schoolYear: "School year", heading: "Title",
    none: "(none)", standard: "(default)", rings: "Rings", ring: "Ring", ringId: "id", ringLabel: "Name",
    addRing: "Add ring", members: "Members", member: "Member", addMember: "Add member",
    role: "Role", roleHint: "pick from the list or type a role of your own", id: "id", organisation: "Organisation",
    domain: "Domain", expertise: "Expertise", expertiseHint: "type and press Enter", availability: "Availability",
    tie: "Tie with the school", email: "E-mail", phone: "Phone", website: "Website", photo: "Photo",
    upload: "Choose photo", routes: "Routes", route: "Route", addRoute: "Add route", question: "Question",
    steps: "Steps", escalation: "Escalation", addStep: "add a step…", note: "Note", meetings: "Meetings",
    addMeeting: "Add meeting", when: "When", purpose: "Purpose", up: "Up", down: "Down",
    remove: "Remove", removeItem: (x) => "Remove " + x, moveHint: "drag, or Alt+arrow up/down",
    loading: "Loading…", ok: "All good", unsaved: "Unsaved changes",
    errors: (n) => (n === 1 ? "1 error" : n + " errors"), savedAs: (n) => "Saved: " + n,
    askName: "Save under which name? (in this folder, e.g. kernteam.json)",
    conflict: "The file changed on disk since it was loaded. Overwrite anyway?",
    reloadAsk: "Load the file again? Your changes are lost.",
    cannotDraw: "Cannot be drawn yet; see the problems.", jsonInvalid: "The JSON is not valid; the form waits until it is.",
    line: "line", ties: { strong: "strong", normal: "normal", tenuous: "tenuous", stressful: "stressful" },
    uploaded: (p) => "Photo stored as " + p, alt: "The circle of influence of the kernteam",
  },
};
const t = (key) => WORDS[lang][key];
const $ = (id) => document.getElementById(id);
const DOMAINS = ["onderwijs", "samenwerkingsverband", "leerplicht", "gezondheid", "jeugdhulp", "veiligheid", "overig", "ouders"];
const SECTORS = ["po", "vo", "so", "sbo"];
const DEFAULT_RINGS = [["school", "In de school"], ["kernteam", "Kernteam"], ["netwerk", "Op afroep"]];

// ---- requests ----

function api(path, params, init) {
  const query = new URLSearchParams(params || {});
  query.set("lang", lang);
  const options = Object.assign({ headers: {} }, init || {});
  options.headers["X-Cirkel-Token"] = token;
  return fetch(path + "?" + query.toString(), options);
}

function post(path, params, body, type) {
  return api(path, params, { method: "POST", body: body, headers: { "Content-Type": type || "application/json" } });
}

// ---- the document ----

function text() {
  return jsonBroken ? $("json").value : JSON.stringify(doc, null, 2) + "\n";
}

/** The value at a path of keys and indexes. */
function get(path) {
  let v = doc;
  for (const k of path) {
    if (v == null) return undefined;
    v = v[k];
  }
  return v;
}

/** Sets a value (removing empty ones, so defaults apply) and redraws. */
function set(path, value) {
  let v = doc;
  for (let i = 0; i < path.length - 1; i++) {
    if (v[path[i]] == null) v[path[i]] = typeof path[i + 1] === "number" ? [] : {};
    v = v[path[i]];
  }
  const last = path[path.length - 1];
  if (value === "" || value === undefined || (Array.isArray(value) && value.length === 0 && last !== "expertise")) {
    if (Array.isArray(v)) v[last] = value; else delete v[last];
  } else {
    v[last] = value;
  }
  if (path[0] === "members" && path[2] === "contact" && v && Object.keys(v).length === 0) {
    delete doc.members[path[1]].contact;
  }
  changed();
}

/** "members[2].contact.email" for ["members", 2, "contact", "email"]. */
function pathText(path) {
  return path.map((k, i) => (typeof k === "number" ? "[" + k + "]" : (i ? "." : "") + k)).join("");
}

function list(key) {
  if (!Array.isArray(doc[key])) doc[key] = [];
  return doc[key];
}

function ringIds() {
  const rings = Array.isArray(doc.rings) && doc.rings.length ? doc.rings.map((r) => [r.id, r.label]) : DEFAULT_RINGS;
  return rings.filter((r) => r[0]);
}

function memberLabel(m, i) {
  const role = roles.find((r) => r.id === m.role);
  return (m.name || (role ? role.label : m.role) || t("member") + " " + (i + 1));
}

function slug(s) {
  return String(s || "lid").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "lid";
}

function uniqueId(base) {
  const taken = new Set(list("members").map((m) => m.id));
  let id = slug(base);
  for (let n = 2; taken.has(id); n++) id = slug(base) + "-" + n;
  return id;
}

// ---- building the form (text only, never HTML from data) ----

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "on") for (const [ev, f] of Object.entries(v)) e.addEventListener(ev, f);
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

/** A labelled input, select or chip list for the value at `path`. */
function field(label, path, kind, options) {
  const id = "f" + ++uid;
  const error = el("span", { class: "field-error", id: id + "-error" });
  const hint = options && options.hint ? el("span", { class: "hint", id: id + "-hint", text: options.hint }) : null;
  const described = [error.id, hint && hint.id].filter(Boolean).join(" ");
  const value = get(path);
  let input;
  if (kind === "select") {
    input = el("select", { id, "data-path": pathText(path), "aria-describedby": described,
      on: { change: (e) => set(path, e.target.value) } });
    for (const [v, l] of options.choices) input.append(el("option", { value: v, text: l, selected: (value || "") === v }));
  } else {
    input = el("input", { id, type: kind || "text", "data-path": pathText(path), "aria-describedby": described,
      list: options && options.list, autocomplete: "off", value: value == null ? "" : String(value),
      on: { input: (e) => set(path, e.target.value), change: options && options.change, focus: options && options.focus } });
  }
  return el("div", { class: "field" }, el("label", { for: id, text: label }), input, hint, error);
}

function chips(label, path, choices) {
  const id = "f" + ++uid;
  const values = get(path) || [];
  const box = el("div", { class: "field", "data-path": pathText(path) });
  const items = el("ul", { class: "chips", "aria-label": label });
  values.forEach((v, i) => {
    const shown = choices ? (choices.find((c) => c[0] === v) || [v, v])[1] : v;
    items.append(el("li", { class: "chip" }, document.createTextNode(shown),
      el("button", { type: "button", "aria-label": t("removeItem")(shown), text: "×",
        on: { click: () => { values.splice(i, 1); set(path, values.slice()); render(); focusField(pathText(path)); } } })));
  });
  let input;
  if (choices) {
    input = el("select", { id, class: "chips-input", on: { change: (e) => {
      if (!e.target.value) return;
      set(path, values.concat([e.target.value])); render(); focusField(pathText(path));
    } } });
    input.append(el("option", { value: "", text: t("addStep") }));
    for (const [v, l] of choices) if (!values.includes(v)) input.append(el("option", { value: v, text: l }));
  } else {
    input = el("input", { id, class: "chips-input", type: "text", autocomplete: "off", "aria-describedby": id + "-hint",
      on: { blur: (e) => {
        const v = e.target.value.trim();
        if (v) { e.target.value = ""; set(path, values.concat([v])); render(); }
      }, keydown: (e) => {
        if (e.key !== "Enter" && e.key !== ",") return;
        e.preventDefault();
        const v = e.target.value.trim();
        if (!v) return;
        set(path, values.concat([v])); render(); focusField(pathText(path));
      } } });
  }
  box.append(el("label", { for: id, text: label }), items, input);
  if (!choices) box.append(el("span", { class: "hint", id: id + "-hint", text: t("expertiseHint") }));
  box.append(el("span", { class: "field-error", id: id + "-error" }));
  return box;
}

function focusField(path) {
  const box = document.querySelector('[data-path="' + CSS.escape(path) + '"]');
  const input = box && (box.matches("input, select") ? box : box.querySelector(".chips-input"));
  if (input) input.focus();
}

/** Buttons that move or remove item `i` of `key`, and keyboard moves. */
function itemButtons(key, i, name) {
  const count = list(key).length;
  const move = (to) => {
    const items = list(key);
    if (to < 0 || to >= items.length) return;
    const [item] = items.splice(i, 1);
    items.splice(to, 0, item);
    changed(); render();
    const card = document.querySelectorAll('[data-list="' + key + '"]')[to];
    if (card) card.querySelector(".card-head button").focus();
  };
  return el("span", { class: "buttons" },
    el("button", { type: "button", class: "small", "aria-label": t("up") + ": " + name, text: "↑", disabled: i === 0, on: { click: () => move(i - 1) } }),
    el("button", { type: "button", class: "small", "aria-label": t("down") + ": " + name, text: "↓", disabled: i === count - 1, on: { click: () => move(i + 1) } }),
    el("button", { type: "button", class: "small", "aria-label": t("removeItem")(name), text: "✕", on: { click: () => { list(key).splice(i, 1); changed(); render(); } } }));
}

/** A card of list `key` that can be dragged, and moved with Alt+arrows. */
function card(key, i, title, ...content) {
  const box = el("fieldset", { class: "card", draggable: "true", "data-list": key, "data-path": key + "[" + i + "]" },
    el("legend", { class: "hidden", text: title }),
    el("div", { class: "card-head" }, el("span", { class: "handle", "aria-hidden": "true", title: t("moveHint"), text: "⠿" }),
      el("h3", { text: title }), itemButtons(key, i, title)),
    el("span", { class: "field-error" }),
    ...content);
  box.addEventListener("dragstart", (e) => {
    if (e.target !== box) return;
    e.dataTransfer.setData("text/x-cirkel", key + ":" + i);
    box.classList.add("dragging");
  });
  box.addEventListener("dragend", () => box.classList.remove("dragging"));
  box.addEventListener("dragover", (e) => { e.preventDefault(); box.classList.add("drop-target"); });
  box.addEventListener("dragleave", () => box.classList.remove("drop-target"));
  box.addEventListener("drop", (e) => {
    e.preventDefault();
    const [from, at] = (e.dataTransfer.getData("text/x-cirkel") || "").split(":");
    if (from !== key) return;
    const items = list(key);
    const [item] = items.splice(Number(at), 1);
    items.splice(i, 0, item);
    changed(); render();
  });
  box.addEventListener("keydown", (e) => {
    if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
    e.preventDefault();
    const buttons = box.querySelectorAll(".card-head .buttons button");
    buttons[e.key === "ArrowUp" ? 0 : 1].click();
  });
  return box;
}

function schoolSection() {
  if (!doc.school || typeof doc.school !== "object") doc.school = {};
  return el("fieldset", {}, el("legend", { text: t("school") }),
    el("div", { class: "grid" },
      field(t("name"), ["school", "name"]),
      field(t("place"), ["school", "place"]),
      field(t("sector"), ["school", "sector"], "select", { choices: [["", t("none")]].concat(SECTORS.map((s) => [s, s.toUpperCase()])) }),
      field(t("schoolYear"), ["school_year"], "text", { hint: "2025-2026" }),
      field(t("heading"), ["title"])));
}

function ringsSection() {
  const rings = list("rings");
  const box = el("fieldset", {}, el("legend", { text: t("rings") }));
  rings.forEach((r, i) => {
    box.append(card("rings", i, t("ring") + " " + (i + 1) + (r.label ? ": " + r.label : ""),
      el("div", { class: "grid" },
        // The members' ring lists follow a renamed ring when the field is left.
        field(t("ringId"), ["rings", i, "id"], "text", {
          focus: (e) => { e.target.dataset.before = e.target.value; },
          change: (e) => {
            const before = e.target.dataset.before;
            for (const m of list("members")) if (before && m.ring === before) m.ring = e.target.value;
            changed(); render();
          },
        }),
        field(t("ringLabel"), ["rings", i, "label"], "text", { change: () => render() }))));
  });
  box.append(el("button", { type: "button", class: "add", id: "add-ring", text: t("addRing"), on: { click: () => {
    // Empty lists leave the document on every render: take it afresh.
    const rings = list("rings");
    if (!rings.length) DEFAULT_RINGS.forEach(([id, label]) => rings.push({ id, label }));
    else rings.push({ id: "ring-" + (rings.length + 1), label: "" });
    changed(); render(); focusField("rings[" + (rings.length - 1) + "].label");
  } } }));
  return box;
}

function roleChanged(i, value) {
  const m = doc.members[i];
  const key = value.trim().toLowerCase();
  const role = roles.find((r) => r.id === key || r.label.toLowerCase() === key || (r.short && r.short.toLowerCase() === key));
  if (!role) return;
  // The catalogue's defaults, filled in where the card is empty (editable).
  m.role = role.id;
  if (!m.id || /^lid(-\d+)?$/.test(m.id)) m.id = uniqueId(role.short || role.id);
  if (!m.organisation && role.organisation) m.organisation = role.organisation;
  if ((!m.expertise || !m.expertise.length) && role.expertise && role.expertise.length) m.expertise = role.expertise.slice();
  if (!m.ring) {
    const ids = ringIds();
    const at = ids[Math.min(role.ring, ids.length - 1)];
    if (at) m.ring = at[0];
  }
  changed(); render(); focusField("members[" + i + "].name");
}

function membersSection() {
  const members = list("members");
  const box = el("fieldset", {}, el("legend", { text: t("members") }));
  const ringChoices = [["", t("standard")]].concat(ringIds());
  members.forEach((m, i) => {
    if (!m.contact || typeof m.contact !== "object") m.contact = undefined;
    const photoInput = el("input", { type: "file", accept: "image/png,image/jpeg", id: "photo-" + i, class: "hidden",
      on: { change: (e) => upload(i, e.target.files[0]) } });
    box.append(card("members", i, t("member") + " " + (i + 1) + ": " + memberLabel(m, i),
      el("div", { class: "grid" },
        field(t("role"), ["members", i, "role"], "text", { list: "roles-list", hint: t("roleHint"), change: (e) => roleChanged(i, e.target.value) }),
        field(t("name"), ["members", i, "name"]),
        field(t("id"), ["members", i, "id"]),
        field(t("organisation"), ["members", i, "organisation"]),
        field(t("ring"), ["members", i, "ring"], "select", { choices: ringChoices }),
        field(t("domain"), ["members", i, "domain"], "select", { choices: [["", t("standard")]].concat(DOMAINS.map((d) => [d, d])) }),
        field(t("availability"), ["members", i, "availability"]),
        field(t("tie"), ["members", i, "tie"], "select", { choices: [["", t("standard")]].concat(Object.entries(t("ties"))) }),
        field(t("email"), ["members", i, "contact", "email"], "email"),
        field(t("phone"), ["members", i, "contact", "phone"], "tel"),
        field(t("website"), ["members", i, "contact", "website"], "url"),
        el("div", { class: "field" }, field(t("photo"), ["members", i, "photo"]),
          photoInput, el("button", { type: "button", class: "small", text: t("upload"), on: { click: () => photoInput.click() } }))),
      chips(t("expertise"), ["members", i, "expertise"])));
  });
  box.append(el("button", { type: "button", class: "add", id: "add-member", text: t("addMember"), on: { click: () => {
    const members = list("members");
    members.push({ id: uniqueId("lid") });
    changed(); render(); focusField("members[" + (members.length - 1) + "].role");
  } } }));
  return box;
}

function routesSection() {
  const routes = list("routes");
  const box = el("fieldset", {}, el("legend", { text: t("routes") }));
  const people = list("members").filter((m) => m.id).map((m, i) => [m.id, memberLabel(m, i) + " (" + m.id + ")"]);
  routes.forEach((r, i) => {
    box.append(card("routes", i, t("route") + " " + (i + 1) + (r.question ? ": " + r.question : ""),
      el("div", { class: "grid" }, field(t("question"), ["routes", i, "question"]), field(t("id"), ["routes", i, "id"])),
      chips(t("steps"), ["routes", i, "steps"], people),
      chips(t("escalation"), ["routes", i, "escalation"], people),
      field(t("note"), ["routes", i, "note"])));
  });
  box.append(el("button", { type: "button", class: "add", id: "add-route", text: t("addRoute"), on: { click: () => {
    const routes = list("routes");
    routes.push({ question: "", steps: [] });
    changed(); render(); focusField("routes[" + (routes.length - 1) + "].question");
  } } }));
  return box;
}

function meetingsSection() {
  const meetings = list("meetings");
  const box = el("fieldset", {}, el("legend", { text: t("meetings") }));
  meetings.forEach((m, i) => {
    box.append(card("meetings", i, t("meetings") + " " + (i + 1),
      el("div", { class: "grid" }, field(t("when"), ["meetings", i, "when"]), field(t("purpose"), ["meetings", i, "purpose"]))));
  });
  box.append(el("button", { type: "button", class: "add", id: "add-meeting", text: t("addMeeting"), on: { click: () => {
    const meetings = list("meetings");
    meetings.push({ when: "", purpose: "" });
    changed(); render(); focusField("meetings[" + (meetings.length - 1) + "].when");
  } } }));
  return box;
}

/** Builds the form from the document (on load and on every change of its shape). */
function render() {
  const form = $("form");
  const active = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.path : null;
  uid = 0;
  form.replaceChildren(schoolSection(), ringsSection(), membersSection(), routesSection(), meetingsSection());
  for (const key of ["rings", "routes", "meetings"]) if (Array.isArray(doc[key]) && !doc[key].length) delete doc[key];
  routePicker();
  showProblems();
  if (active) focusField(active);
  formWaits(jsonBroken);
}

/** While the JSON view holds invalid JSON, the form cannot be edited (its
 * edits would be lost when the JSON is read again). */
function formWaits(waits) {
  for (const f of $("form").querySelectorAll(":scope > fieldset")) f.disabled = waits;
}

function routePicker() {
  const pick = $("route-pick");
  const now = pick.value;
  pick.replaceChildren(el("option", { value: "", text: t("allRoutes") }));
  // Routes without an id get route-N, as the library numbers them.
  (doc.routes || []).forEach((r, i) => {
    const id = r.id || "route-" + (i + 1);
    pick.append(el("option", { value: id, text: r.question || id, selected: id === now }));
  });
}

function translate() {
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
  $("lang").textContent = lang === "nl" ? "English" : "Nederlands";
  $("lang").setAttribute("lang", lang === "nl" ? "en" : "nl");
  $("picture").alt = t("alt");
  const options = $("roles-list");
  options.replaceChildren(...roles.map((r) => el("option", { value: r.id, label: r.label + (r.organisation ? " — " + r.organisation : "") })));
}

// ---- problems next to their fields ----

function showProblems() {
  for (const e of document.querySelectorAll(".field-error")) e.textContent = "";
  for (const e of document.querySelectorAll("[aria-invalid]")) e.removeAttribute("aria-invalid");
  for (const e of document.querySelectorAll(".card.invalid")) e.classList.remove("invalid");
  const ul = $("problems");
  ul.replaceChildren();
  for (const p of problems) {
    const target = p.severity === "note" ? null : place(p);
    const li = el("li", { class: p.severity });
    const where = p.line ? t("line") + " " + p.line + ": " : "";
    if (target) {
      li.append(el("a", { href: "#" + target.id, text: (p.path ? p.path + ": " : "") + p.message,
        on: { click: (e) => { e.preventDefault(); target.focus(); } } }));
    } else {
      li.append(document.createTextNode(where + (p.path ? p.path + ": " : "") + p.message));
    }
    if (p.help) li.append(el("span", { class: "help", text: p.help }));
    ul.append(li);
  }
}

/** The field (or the card) a problem is about; marks it and says why. */
function place(p) {
  let path = p.path || "";
  while (path) {
    const box = document.querySelector('[data-path="' + CSS.escape(path) + '"]');
    if (box) {
      const input = box.matches("input, select") ? box : box.querySelector("input, select");
      const error = box.matches("input, select") ? box.parentElement.querySelector(".field-error") : box.querySelector(":scope > .field-error");
      if (box.classList.contains("card")) box.classList.add("invalid");
      if (error) error.textContent = (error.textContent ? error.textContent + " " : "") + p.message + (p.help ? " (" + p.help + ")" : "");
      if (input && p.severity === "error") input.setAttribute("aria-invalid", "true");
      return input;
    }
    const shorter = path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
    // A bare key (`version`, `foo`) has nothing shorter: stop.
    if (shorter === path) break;
    path = shorter;
  }
  return null;
}

// ---- drawing ----

function changed() {
  if (!jsonBroken && document.activeElement !== $("json")) $("json").value = text();
  status(text() === savedText ? t("ok") : t("unsaved"));
  clearTimeout(timer);
  timer = setTimeout(refresh, 350);
}

function status(s) {
  $("status").textContent = s;
}

async function refresh() {
  const body = text();
  const mine = ++drawing;
  const checked = await (await post("/api/check", {}, body)).json();
  if (mine !== drawing) return;
  problems = checked.problems;
  showProblems();
  const errors = problems.filter((p) => p.severity === "error").length;
  if (errors) {
    status(t("errors")(errors) + ". " + t("cannotDraw"));
    return;
  }
  const params = { format: "svg", privacy: $("privacy").value, theme: $("theme").value };
  if ($("route-pick").value) params.route = $("route-pick").value;
  const answer = await post("/api/draw", params, body);
  if (mine !== drawing) return;
  if (!answer.ok) {
    status(t("cannotDraw"));
    return;
  }
  const svg = await answer.text();
  if (pictureUrl) URL.revokeObjectURL(pictureUrl);
  pictureUrl = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  $("picture").src = pictureUrl;
  window.cirkelLastSvg = svg;
  window.cirkelDraws++;
  status(body === savedText ? t("ok") : t("unsaved"));
}

async function upload(i, file) {
  if (!file) return;
  // The card may move while the photo is sent: keep the member itself.
  const member = doc.members[i];
  const answer = await post("/api/photo", { name: file.name }, await file.arrayBuffer(), "application/octet-stream");
  const body = await answer.json();
  if (!answer.ok) {
    status(body.error);
    return;
  }
  member.photo = body.path;
  status(t("uploaded")(body.path));
  changed(); render();
}

// ---- files ----

async function load() {
  status(t("loading"));
  roles = await (await api("/api/roles")).json();
  translate();
  const answer = await (await api("/api/document")).json();
  if (answer.error) {
    status(answer.error);
    return;
  }
  try {
    doc = JSON.parse(answer.text);
    jsonBroken = false;
  } catch (e) {
    doc = {};
    jsonBroken = true;
  }
  $("json").value = jsonBroken ? answer.text : text();
  // What the page would save now counts as saved (its own layout of the JSON).
  savedText = jsonBroken ? answer.text : text();
  version = answer.version;
  fileName = answer.name;
  $("file-name").textContent = fileName || "";
  notice = answer.notice;
  noticeAccepted = false;
  $("notice").textContent = notice || "";
  render();
  await refresh();
}

async function save(as) {
  // A workbook is written anew: say so, and ask, before its first save.
  if (notice && !noticeAccepted) {
    if (!window.confirm(notice)) return;
    noticeAccepted = true;
  }
  const body = text();
  const params = { version: version };
  if (as || !fileName) {
    const name = window.prompt(t("askName"), fileName || "kernteam.json");
    if (!name) return;
    params[fileName ? "as" : "name"] = name;
  }
  const answer = await post("/api/save", params, body);
  const reply = await answer.json();
  if (answer.status === 409) {
    if (window.confirm(t("conflict"))) {
      params.force = "1";
      const again = await post("/api/save", params, body);
      if (again.ok) return saved(await again.json(), body);
    } else if (window.confirm(t("reloadAsk"))) {
      return load();
    }
    return;
  }
  if (!answer.ok) {
    if (reply.problems) { problems = reply.problems; showProblems(); }
    status(reply.error || t("errors")(reply.problems ? reply.problems.length : 1));
    return;
  }
  saved(reply, body);
}

function saved(reply, body) {
  version = reply.version;
  fileName = reply.name;
  savedText = body;
  $("file-name").textContent = fileName || "";
  status(t("savedAs")(fileName));
}

async function download(params, extension) {
  const answer = await post("/api/draw", Object.assign({ privacy: $("privacy").value, theme: $("theme").value }, params), text());
  if (!answer.ok) {
    status(t("cannotDraw"));
    return;
  }
  const url = URL.createObjectURL(await answer.blob());
  const a = el("a", { href: url, download: (fileName || "kernteam").replace(/\.[^.]*$/, "") + "." + extension });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

document.addEventListener("DOMContentLoaded", () => {
  $("json").addEventListener("input", () => {
    try {
      doc = JSON.parse($("json").value);
      jsonBroken = false;
      render();
    } catch (e) {
      jsonBroken = true;
      formWaits(true);
      status(t("jsonInvalid"));
    }
    clearTimeout(timer);
    timer = setTimeout(refresh, 350);
  });
  for (const id of ["privacy", "theme", "route-pick"]) $(id).addEventListener("change", refresh);
  $("save").addEventListener("click", () => save(false));
  $("save-as").addEventListener("click", () => save(true));
  $("download-png").addEventListener("click", () => download({ format: "png", width: "800" }, "png"));
  $("download-png-a4").addEventListener("click", () => download({ format: "png", paper: "a4" }, "png"));
  $("download-pdf").addEventListener("click", () => download({ format: "pdf" }, "pdf"));
  $("download-svg").addEventListener("click", () => download({ format: "svg" }, "svg"));
  $("download-text").addEventListener("click", () => download({ format: "text" }, "txt"));
  $("lang").addEventListener("click", () => {
    lang = lang === "nl" ? "en" : "nl";
    translate(); render(); refresh();
  });
  window.addEventListener("beforeunload", (e) => {
    if (text() !== savedText) {
      e.preventDefault();
      e.returnValue = "";
    }
  });
  load();
});
