// The first page of `cirkel serve`: the kernteam file as JSON beside the
// circle, redrawn as you type; the problems listed; save and downloads.
// Every request carries the token; nothing is fetched from elsewhere.
"use strict";

const token = document.documentElement.dataset.token;
let lang = "nl";
let version = "";
let fileName = null;
let saved = "";
let timer = null;
let pictureUrl = null;
let drawing = 0;

const $ = (id) => document.getElementById(id);

const words = {
  nl: {
    loading: "Laden…",
    ok: "In orde",
    errors: (n) => (n === 1 ? "1 fout" : n + " fouten"),
    savedAs: (n) => "Opgeslagen: " + n,
    unsaved: "Niet opgeslagen wijzigingen",
    askName: "Onder welke naam opslaan? (bijvoorbeeld kernteam.json)",
    conflict: "Het bestand is op schijf veranderd sinds het geladen is. Toch overschrijven?",
    reloadAsk: "Het bestand opnieuw laden? Je wijzigingen gaan dan verloren.",
    cannotDraw: "Nog niet te tekenen; zie de problemen.",
    line: "regel",
  },
  en: {
    loading: "Loading…",
    ok: "All good",
    errors: (n) => (n === 1 ? "1 error" : n + " errors"),
    savedAs: (n) => "Saved: " + n,
    unsaved: "Unsaved changes",
    askName: "Save under which name? (e.g. kernteam.json)",
    conflict: "The file changed on disk since it was loaded. Overwrite anyway?",
    reloadAsk: "Load the file again? Your changes are lost.",
    cannotDraw: "Cannot be drawn yet; see the problems.",
    line: "line",
  },
};
const w = () => words[lang];

function api(path, params, options) {
  const query = new URLSearchParams(params || {});
  query.set("lang", lang);
  const init = Object.assign({ headers: {} }, options || {});
  init.headers["X-Cirkel-Token"] = token;
  return fetch(path + "?" + query.toString(), init);
}

function post(path, params, body, type) {
  return api(path, params, {
    method: "POST",
    body: body,
    headers: { "Content-Type": type || "application/json" },
  });
}

function status(text) {
  $("status").textContent = text;
}

function translate() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-" + lang + "]")) {
    el.textContent = el.dataset[lang];
  }
}

function showProblems(list) {
  const ul = $("problems");
  ul.replaceChildren();
  for (const p of list) {
    const li = document.createElement("li");
    li.className = p.severity;
    const where = p.line ? w().line + " " + p.line + ": " : "";
    const path = p.path ? p.path + ": " : "";
    li.append(document.createTextNode(where + path + p.message));
    if (p.help) {
      const help = document.createElement("span");
      help.className = "help";
      help.textContent = p.help;
      li.append(help);
    }
    ul.append(li);
  }
  return list.filter((p) => p.severity === "error").length;
}

async function refresh() {
  const text = $("text").value;
  const mine = ++drawing;
  const checked = await (await post("/api/check", {}, text)).json();
  if (mine !== drawing) return;
  const errors = showProblems(checked.problems);
  if (errors > 0) {
    status(w().errors(errors) + ". " + w().cannotDraw);
    return;
  }
  const answer = await post("/api/draw", { format: "svg", privacy: $("privacy").value }, text);
  if (mine !== drawing) return;
  if (!answer.ok) {
    status(w().cannotDraw);
    return;
  }
  const blob = await answer.blob();
  if (pictureUrl) URL.revokeObjectURL(pictureUrl);
  pictureUrl = URL.createObjectURL(blob);
  $("picture").src = pictureUrl;
  status(text === saved ? w().ok : w().unsaved);
}

function changed() {
  clearTimeout(timer);
  timer = setTimeout(refresh, 400);
}

async function load() {
  status(w().loading);
  const doc = await (await api("/api/document")).json();
  if (doc.error) {
    status(doc.error);
    return;
  }
  $("text").value = doc.text;
  saved = doc.text;
  version = doc.version;
  fileName = doc.name;
  $("file-name").textContent = fileName || "";
  if (doc.notice) status(doc.notice);
  await refresh();
}

async function save(force) {
  const text = $("text").value;
  const params = { version: version };
  if (force) params.force = "1";
  if (!fileName) {
    const name = window.prompt(w().askName, "kernteam.json");
    if (!name) return;
    params.name = name;
  }
  const answer = await post("/api/save", params, text);
  const body = await answer.json();
  if (answer.status === 409) {
    if (window.confirm(w().conflict)) return save(true);
    if (window.confirm(w().reloadAsk)) return load();
    return;
  }
  if (!answer.ok) {
    if (body.problems) showProblems(body.problems);
    status(body.error || w().errors(body.problems ? body.problems.length : 1));
    return;
  }
  version = body.version;
  fileName = body.name;
  saved = text;
  $("file-name").textContent = fileName || "";
  status(w().savedAs(fileName));
}

async function download(format, extension) {
  const params = { format: format, privacy: $("privacy").value };
  const answer = await post("/api/draw", params, $("text").value);
  if (!answer.ok) {
    status(w().cannotDraw);
    return;
  }
  const url = URL.createObjectURL(await answer.blob());
  const a = document.createElement("a");
  a.href = url;
  const stem = (fileName || "kernteam").replace(/\.[^.]*$/, "");
  a.download = stem + "." + extension;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

document.addEventListener("DOMContentLoaded", () => {
  $("text").addEventListener("input", changed);
  $("privacy").addEventListener("change", refresh);
  $("save").addEventListener("click", () => save(false));
  $("download-png").addEventListener("click", () => download("png", "png"));
  $("download-pdf").addEventListener("click", () => download("pdf", "pdf"));
  $("download-svg").addEventListener("click", () => download("svg", "svg"));
  $("download-text").addEventListener("click", () => download("text", "txt"));
  $("lang").addEventListener("click", () => {
    lang = lang === "nl" ? "en" : "nl";
    translate();
    refresh();
  });
  window.addEventListener("beforeunload", (event) => {
    if ($("text").value !== saved) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  load();
});
