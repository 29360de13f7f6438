// The page's back end: the local server of `cirkel serve` where the page
// came from it (its address holds the token), otherwise the library itself
// in a Web Worker (the page without installation, issue 36). Both answer
// the same calls; the page does not know which one it talks to, except by
// `kind` ("server" saves on disk, "local" downloads and keeps a draft).

import * as server from "./server.js";
import * as local from "./local.js";

export { Failure } from "./failure.js";

const token = document.documentElement.dataset.token || "";
const chosen = token && !token.startsWith("{") ? server : local;

/** "server" or "local". */
export const kind = chosen.kind;
export const vocabulary = (...a) => chosen.vocabulary(...a);
export const open = (...a) => chosen.open(...a);
export const preview = (...a) => chosen.preview(...a);
export const draw = (...a) => chosen.draw(...a);
export const matchRoles = (...a) => chosen.matchRoles(...a);
export const save = (...a) => chosen.save(...a);
export const photo = (...a) => chosen.photo(...a);
export const since = (...a) => chosen.since(...a);
