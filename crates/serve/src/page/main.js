// The page of `cirkel serve`: the kernteam as a form beside its circle,
// redrawn as she types; every problem at its field, in her words; undo for
// every change; downloads named after the school. Plain ES modules, no
// build step, no HTML from data (text only), nothing from elsewhere.

import { $, el } from "./dom.js";
import { state, text, load, onChange, set, undo, redo, canUndo, canRedo } from "./state.js";
import { t, vocab, setVocabulary } from "./words.js";
import * as backend from "./backend.js";
import * as local from "./local.js";
import { render, setHooks, focusPath, forgetRoles, applyRole } from "./form.js";
import { show as showProblems, visible, setFix } from "./problems.js";
import * as preview from "./preview.js";

let version = "";
let fileName = null;
let folder = "";
let workbookNotice = null;
let noticeAccepted = false;
let failure = null;

// ---- what the page says ----

/** The status line: the problems, whether the file is saved, or what failed. */
function status(message) {
  const box = $("status");
  box.classList.toggle("failed", !!failure);
  if (failure) {
    box.textContent = failure;
    return;
  }
  if (message) {
    box.textContent = message;
    return;
  }
  const { errors, warnings } = visible();
  const parts = [];
  if (errors.length) parts.push(t("errors", { n: errors.length }));
  if (warnings.length) parts.push(t("warnings", { n: warnings.length }));
  box.textContent = (parts.length ? parts.join(", ") : t("ok")) + (text() === state.savedText ? "" : " · " + t("unsaved"));
}

/** A short notice with an optional action ("Lid 4 verwijderd. [Ongedaan maken]"). */
function notice(words, action, run) {
  const box = $("notice");
  box.replaceChildren(document.createTextNode(words));
  if (action) box.append(" ", el("button", { type: "button", class: "small", text: action, on: { click: () => { run(); box.replaceChildren(); } } }));
}

function failed(f) {
  failure = f && f.message ? f.message : String(f);
  status();
}

// ---- changes ----

let draftTimer = null;

onChange((kind) => {
  failure = null;
  // Without a server, the draft is kept in the browser after every change.
  if (backend.kind === "local") {
    clearTimeout(draftTimer);
    draftTimer = setTimeout(() => { if (!local.keepDraft(text())) notice(t("draftFull")); }, 300);
  }
  if (document.activeElement !== $("json")) $("json").value = text();
  if (kind !== "edit") render();
  $("undo").disabled = !canUndo();
  $("redo").disabled = !canRedo();
  status();
  preview.schedule();
});

setHooks({
  removed: (name) => notice(t("removed", { item: name }), t("undo"), doUndo),
  problems: () => { showProblems(); status(); },
  photo: async (member, file, i) => {
    if (!file) return;
    notice(t("photoBusy"));
    try {
      const bytes = await file.arrayBuffer();
      const path = await backend.photo(bytes, file.name);
      const at = (state.doc.members || []).indexOf(member);
      set(["members", at < 0 ? i : at, "photo"], path);
      render();
      notice(t("uploaded", { path }));
    } catch (f) {
      notice(t("photoRefused", { reason: f.message }));
      const box = document.querySelector('[data-path="members[' + i + '].photo"]');
      if (box) box.parentElement.querySelector(".field-error").textContent = f.message;
    }
  },
});

document.addEventListener("cirkel:rebuild", () => render());

// A suggestion applied: "members[3].role" is ["members", 3, "role"].
setFix((path, value) => {
  const keys = path.split(/\.|\[|\]/).filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  if (keys.length === 3 && keys[0] === "members" && keys[2] === "role") return applyRole(keys[1], value);
  set(keys, value);
  render();
});

function doUndo() {
  if (undo()) notice(t("undone"));
}

// ---- drawing options ----

function drawOptions(extra) {
  // A download is laid out as the picture she sees (anchor); the preview
  // is laid out on the last picture by the back end itself.
  const o = { privacy: $("privacy").value, theme: $("theme").value, anchor: "1" };
  if ($("route-pick").value) o.route = $("route-pick").value;
  return Object.assign(o, extra || {});
}

function routePicker() {
  const pick = $("route-pick");
  const now = pick.value;
  pick.replaceChildren(el("option", { value: "", text: t("allRoutes") }));
  (state.doc.routes || []).forEach((r, i) => {
    if (!r || typeof r !== "object") return;
    const id = r.id || "route-" + (i + 1);
    pick.append(el("option", { value: id, text: r.question || id, selected: id === now }));
  });
}

// ---- files ----

/** The school's name as a file name: as typed, without what no file name can hold. */
function baseName() {
  const school = state.doc.school && typeof state.doc.school.name === "string" ? state.doc.school.name : "";
  const clean = school.trim() ? safeName(school) : "";
  return clean || (fileName ? fileName.replace(/\.[^.]*$/, "") : "kernteam");
}

async function download(extra, suffix, extension) {
  $("downloads").open = false;
  if (visible().errors.length) {
    status(t("cannotDownload"));
    return;
  }
  try {
    const blob = await backend.draw(text(), drawOptions(extra));
    const name = baseName() + (suffix ? " " + suffix : "") + "." + extension;
    offer(blob, name);
    notice(t("downloaded", { file: name }));
  } catch (f) {
    failed(f);
  }
}

/** The stricter of the picture's privacy and `at_least`. */
function atLeast(level) {
  const order = ["full", "names", "roles"];
  return order[Math.max(order.indexOf($("privacy").value), order.indexOf(level))];
}

async function open() {
  status(t("loading"));
  try {
    const answer = await backend.open();
    if (answer.error) return failed({ message: answer.error });
    let doc = {};
    try {
      doc = JSON.parse(answer.text);
      state.jsonBroken = false;
    } catch (e) {
      state.jsonBroken = true;
    }
    version = answer.version;
    fileName = answer.name;
    folder = answer.folder || "";
    workbookNotice = answer.notice;
    noticeAccepted = false;
    $("file-name").textContent = fileName || "";
    $("workbook-notice").textContent = workbookNotice || "";
    load(doc);
    $("json").value = state.jsonBroken ? answer.text : text();
    state.savedText = state.jsonBroken ? answer.text : text();
    status();
    if (answer.restored) notice(t("draftRestored"), t("wipe"), wipe);
  } catch (f) {
    failed(f);
  }
}

/** Downloads `blob` as `name`. */
function offer(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Without a server: the file is downloaded, named after the school (as JSON, or as a workbook). */
async function saveLocal(asWorkbook) {
  const body = state.jsonBroken ? $("json").value : text();
  try {
    if (asWorkbook) {
      const bytes = await local.workbook(body, "xlsx");
      offer(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), baseName() + ".xlsx");
    } else {
      offer(new Blob([body], { type: "application/json" }), baseName() + ".json");
    }
    state.savedText = body;
    status(t("downloadedKeep", { file: baseName() + (asWorkbook ? ".xlsx" : ".json") }));
  } catch (f) {
    failed(f);
  }
}

/** A file she chose or dropped, opened in the form (a workbook of many schools: she chooses one). */
async function openFile(file) {
  if (!file) return;
  if (text() !== state.savedText && !window.confirm(t("replaceAsk"))) return;
  try {
    const schools = await local.read(file);
    let chosen = schools[0];
    if (schools.length > 1) {
      const list = schools.map((x, i) => i + 1 + ". " + x.name).join("\n");
      const answer = window.prompt(t("chooseSchool", { list }), "1");
      const n = Number(answer);
      if (!answer || !(n >= 1 && n <= schools.length)) return;
      chosen = schools[n - 1];
    }
    let doc;
    try {
      doc = JSON.parse(chosen.text);
      state.jsonBroken = false;
    } catch (e) {
      state.jsonBroken = true;
      doc = {};
    }
    load(doc);
    $("json").value = state.jsonBroken ? chosen.text : text();
    state.savedText = state.jsonBroken ? chosen.text : text();
    notice(t("opened", { file: file.name }));
    status();
  } catch (f) {
    failed(f);
  }
}

/** A partner list she opens (the page without a server): its partners offered in the form. */
async function openPartners(file) {
  if (!file) return;
  try {
    const list = await local.partners(file);
    vocab.partners = list.map((p) => {
      const role = vocab.roles.find((r) => r.id === p.role);
      const roleText = role ? role.label : p.role;
      return { id: p.id, label: p.name ? p.name + ", " + roleText : roleText };
    });
    failure = null;
    notice(t("partnersOpened", { file: file.name, n: list.length }));
    render();
    preview.schedule();
  } catch (f) {
    const problems = (f && f.answer && f.answer.problems) || [];
    const first = problems[0];
    const reason = first ? first.message + (first.help ? " (" + first.help + ")" : "") : f.message;
    failed({ message: t("partnersBroken", { file: file.name, reason }) });
  }
}

/** Compares the circle with last year's file (`null`: stops comparing). */
async function compare(file) {
  const school = state.doc.school && typeof state.doc.school.name === "string" ? state.doc.school.name : "";
  try {
    await backend.since(file, school);
  } catch (f) {
    const problems = (f && f.answer && f.answer.problems) || [];
    const first = problems[0];
    const reason = first ? first.message + (first.help ? " (" + first.help + ")" : "") : f.message;
    failed({ message: t("sinceBroken", { file: file ? file.name : "", reason }) });
    return;
  }
  failure = null;
  $("since-state").hidden = !file;
  $("since-file").textContent = file ? t("sinceWith", { file: file.name }) : "";
  notice(file ? t("sinceOpened", { file: file.name }) : t("sinceStopped"));
  status();
  preview.schedule();
}

/** A file name from a school's name: as written, without what no file name can hold. */
function safeName(school) {
  return String(school || "school").replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").replace(/\s+/g, " ").trim().replace(/^\.+/, "") || "school";
}

/**
 * For a samenwerkingsverband: every school of the files she chose (a
 * workbook of many schools, or several files) as a PNG and a PDF in one
 * ZIP, with progress; a school that cannot be drawn is listed with why,
 * and stops nothing.
 */
async function batch(files) {
  if (!files.length) return;
  const box = $("batch-box");
  const bar = $("batch-progress");
  const list = $("batch-failed");
  box.hidden = false;
  list.replaceChildren();
  $("batch-state").textContent = t("batchReading");
  const schools = [];
  for (const file of files) {
    try {
      for (const s of await local.read(file)) schools.push(s);
    } catch (f) {
      list.append(el("li", { text: file.name + ": " + f.message }));
    }
  }
  const out = {};
  const taken = new Set();
  const options = { privacy: $("privacy").value, theme: $("theme").value };
  bar.max = schools.length;
  bar.value = 0;
  let done = 0;
  for (const s of schools) {
    $("batch-state").textContent = t("batchDrawing", { school: s.name, n: done + 1, total: schools.length });
    try {
      const png = await backend.draw(s.text, Object.assign({ format: "png" }, options));
      const pdf = await backend.draw(s.text, Object.assign({ format: "pdf" }, options));
      let base = safeName(s.name);
      for (let n = 2; taken.has(base); n++) base = safeName(s.name) + " (" + n + ")";
      taken.add(base);
      out[base + ".png"] = new Uint8Array(await png.arrayBuffer());
      out[base + ".pdf"] = new Uint8Array(await pdf.arrayBuffer());
    } catch (f) {
      list.append(el("li", { text: s.name + ": " + f.message }));
    }
    bar.value = ++done;
  }
  const drawn = Object.keys(out).length / 2;
  if (drawn) {
    const bytes = await local.zip(out);
    const name = files.length === 1 ? safeName(files[0].name.replace(/\.[^.]*$/, "")) + " cirkels.zip" : "cirkels.zip";
    offer(new Blob([bytes], { type: "application/zip" }), name);
  }
  $("batch-state").textContent = t("batchDone", { n: drawn, failed: schools.length - drawn });
}

/** Forgets the draft kept in this browser and starts from the starter. */
async function wipe() {
  if (!window.confirm(t("wipeAsk"))) return;
  await local.wipeDraft();
  await open();
  notice(t("wiped"));
}

async function save(as) {
  if (backend.kind === "local") return saveLocal(as);
  const school = state.doc.school && state.doc.school.name;
  if (!state.jsonBroken && (!school || !String(school).trim())) {
    status(t("nameFirst"));
    focusPath("school.name");
    return;
  }
  if (workbookNotice && !noticeAccepted) {
    if (!window.confirm(workbookNotice)) return;
    noticeAccepted = true;
  }
  const body = state.jsonBroken ? $("json").value : text();
  const params = { version };
  if (as || !fileName) {
    let name = window.prompt(t("askName", { folder }), fileName || baseName() + ".json");
    if (!name || !name.trim()) return;
    name = name.trim();
    if (!/\.(json|xlsx|ods)$/i.test(name)) name += ".json";
    params[fileName ? "as" : "name"] = name;
  }
  try {
    let { status: code, reply } = await backend.save(body, params);
    if (code === 409) {
      if (window.confirm(t("conflict"))) {
        params.force = "1";
        ({ status: code, reply } = await backend.save(body, params));
      } else {
        if (window.confirm(t("reloadAsk"))) await open();
        return;
      }
    }
    if (code !== 200) {
      status(reply.error || t("notSaved"));
      return;
    }
    version = reply.version;
    fileName = reply.name;
    state.savedText = body;
    $("file-name").textContent = fileName || "";
    status(t("savedAs", { name: fileName, folder }));
  } catch (f) {
    failed(f);
  }
}

// ---- the language ----

async function words(lang) {
  const v = await backend.vocabulary(lang);
  // A partner list opened in this page stays when the language changes.
  const opened = vocab.partners;
  setVocabulary(v);
  if (!v.partners && opened) vocab.partners = opened;
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
  if (backend.kind === "local") $("save-as").textContent = t("saveWorkbook");
  $("lang").textContent = lang === "nl" ? "English" : "Nederlands";
  $("lang").setAttribute("lang", lang === "nl" ? "en" : "nl");
  $("picture").alt = t("alt");
  const theme = $("theme");
  const chosen = theme.value;
  theme.replaceChildren(...vocab.themes.map((x) => el("option", { value: x.id, text: x.label, selected: x.id === chosen })));
}

// ---- start ----

/** Wires the page and opens the document. */
async function start() {
  preview.setup(drawOptions, () => { routePicker(); status(); }, failed);
  $("json").addEventListener("input", () => {
    try {
      const doc = JSON.parse($("json").value);
      state.jsonBroken = false;
      load(doc, true);
    } catch (e) {
      state.jsonBroken = true;
      for (const f of $("form").querySelectorAll(":scope > fieldset")) f.disabled = true;
      status(t("jsonInvalid"));
      preview.schedule();
    }
  });
  for (const id of ["privacy", "theme", "route-pick"]) $(id).addEventListener("change", () => preview.schedule());
  document.body.dataset.backend = backend.kind;
  $("open").addEventListener("click", () => $("open-input").click());
  $("open-input").addEventListener("change", (e) => { openFile(e.target.files[0]); e.target.value = ""; });
  $("wipe").addEventListener("click", wipe);
  $("partners-open").addEventListener("click", () => $("partners-input").click());
  $("partners-input").addEventListener("change", (e) => { openPartners(e.target.files[0]); e.target.value = ""; });
  $("since").addEventListener("click", () => $("since-input").click());
  $("since-input").addEventListener("change", (e) => { compare(e.target.files[0]); e.target.value = ""; });
  $("since-stop").addEventListener("click", () => compare(null));
  $("batch").addEventListener("click", () => $("batch-input").click());
  $("batch-input").addEventListener("change", (e) => { const files = [...e.target.files]; e.target.value = ""; batch(files); });
  if (backend.kind === "local") {
    // A file dropped anywhere on the page is opened.
    document.addEventListener("dragover", (e) => { if (e.dataTransfer.types.includes("Files")) e.preventDefault(); });
    document.addEventListener("drop", (e) => {
      if (!e.dataTransfer.files.length) return;
      e.preventDefault();
      openFile(e.dataTransfer.files[0]);
    });
  }
  $("save").addEventListener("click", () => save(false));
  $("save-as").addEventListener("click", () => save(true));
  $("undo").addEventListener("click", doUndo);
  $("redo").addEventListener("click", () => redo());
  $("download-png").addEventListener("click", () => download({ format: "png", width: "800", privacy: atLeast("names") }, t("fileNewsletter"), "png"));
  $("download-png-a4").addEventListener("click", () => download({ format: "png", paper: "a4" }, "A4", "png"));
  $("download-pdf").addEventListener("click", () => download({ format: "pdf" }, "", "pdf"));
  $("download-pdf-plain").addEventListener("click", () => download({ format: "pdf", description: "0" }, t("fileCircleOnly"), "pdf"));
  $("download-svg").addEventListener("click", () => download({ format: "svg" }, "", "svg"));
  $("download-text").addEventListener("click", () => download({ format: "text" }, t("fileDescription"), "txt"));
  $("lang").addEventListener("click", async () => {
    try {
      await words(vocab.lang === "nl" ? "en" : "nl");
      forgetRoles();
      render();
      status();
      preview.schedule();
    } catch (f) {
      failed(f);
    }
  });
  // The downloads menu closes when she clicks elsewhere or presses Escape.
  document.addEventListener("click", (e) => { if (!$("downloads").contains(e.target)) $("downloads").open = false; });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && $("downloads").open) { $("downloads").open = false; $("downloads").querySelector("summary").focus(); }
  });
  document.addEventListener("keydown", (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.target === $("json")) return;
    const key = e.key.toLowerCase();
    if (key === "z" && !e.shiftKey) { e.preventDefault(); doUndo(); }
    else if ((key === "z" && e.shiftKey) || key === "y") { e.preventDefault(); redo(); }
  });
  window.addEventListener("beforeunload", (e) => {
    if ((state.jsonBroken ? $("json").value : text()) !== state.savedText) {
      e.preventDefault();
      e.returnValue = "";
    }
  });
  try {
    await words("nl");
  } catch (f) {
    failed(f);
    return;
  }
  await open();
}

// The single-file page imports this module after the document is parsed.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
