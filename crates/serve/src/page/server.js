// The page's back end when `cirkel serve` serves it: its local server.
// Every call carries the token; every failure becomes a `Failure` with
// words for the person at the page (never a JavaScript error): the server
// has stopped, a file is too large, an answer was not what the page
// expected.

import { t, vocab } from "./words.js";
import { Failure } from "./failure.js";

const token = document.documentElement.dataset.token;

async function request(path, params, init) {
  const query = new URLSearchParams(params || {});
  if (!query.has("lang")) query.set("lang", vocab.lang);
  const options = Object.assign({ headers: {} }, init || {});
  options.headers["X-Cirkel-Token"] = token;
  let answer;
  try {
    answer = await fetch(path + "?" + query.toString(), options);
  } catch (e) {
    throw new Failure(t("stopped"));
  }
  return answer;
}

/** The answer as JSON, or a Failure that says what happened. */
async function json(answer) {
  const type = answer.headers.get("Content-Type") || "";
  if (!type.startsWith("application/json")) {
    if (answer.status === 413) throw new Failure(t("tooLarge"));
    if (answer.status === 403) throw new Failure(t("forbidden"));
    throw new Failure(t("unexpected", { status: answer.status }));
  }
  try {
    return await answer.json();
  } catch (e) {
    throw new Failure(t("stopped"));
  }
}

function post(path, params, body, type) {
  return request(path, params, { method: "POST", body, headers: { "Content-Type": type || "application/json" } });
}

/** The vocabulary and the page's words in `lang`. */
export async function vocabulary(lang) {
  return json(await request("/api/vocabulary", { lang }));
}

/** The document being edited: { name, folder, text, version, notice } or { error }. */
export async function open() {
  return json(await request("/api/document"));
}

/** Problems in the form's words and, when it can be drawn, the SVG. */
export async function preview(text, options) {
  return json(await post("/api/preview", options, text));
}

/** A drawing as a Blob; a Failure with the problems when it cannot be drawn. */
export async function draw(text, options) {
  const answer = await post("/api/draw", options, text);
  if (answer.ok) return answer.blob();
  const reply = await json(answer);
  throw new Failure(reply.error || t("cannotDraw"), reply);
}

/** What the library makes of role texts: [{ found, near }] (the same matcher as the command line). */
export async function matchRoles(texts) {
  return json(await post("/api/roles/match", {}, JSON.stringify(texts)));
}

/** Saves; { status, reply } (409: changed on disk). */
export async function save(text, params) {
  const answer = await post("/api/save", params, text);
  return { status: answer.status, reply: await json(answer) };
}

/** Stores a photo (made small by the library); its path, or a Failure that says why. */
export async function photo(bytes, name) {
  const answer = await post("/api/photo", { name }, bytes, "application/octet-stream");
  const reply = await json(answer);
  if (!answer.ok) throw new Failure(reply.error || t("unexpected", { status: answer.status }));
  return reply.path;
}

/**
 * Last year's file to compare with (`null`: stop comparing); `school` picks
 * the school of a workbook of many. A Failure with the problems when it
 * cannot be used.
 */
export async function since(file, school) {
  const bytes = file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0);
  const params = file ? { name: file.name, school: school || "" } : {};
  const reply = await json(await post("/api/since", params, bytes, "application/octet-stream"));
  if (!reply.ok) throw new Failure(reply.error || (reply.problems[0] && reply.problems[0].message) || t("cannotDraw"), reply);
}

/** This back end saves files on disk, in the folder `cirkel serve` runs in. */
export const kind = "server";
