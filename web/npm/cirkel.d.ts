/** A problem in a kernteam: where it is and how to fix it. */
export interface Problem {
  severity: "error" | "warning" | "note";
  message: string;
  help: string | null;
  /** JSON path of the value, like `members[3].ring`. */
  path: string;
  /** 1-based line and column in a JSON input (0 when unknown). */
  line: number;
  column: number;
  /** The spreadsheet cell (`Leden!C5`) for a workbook or CSV input. */
  cell: string | null;
  file: string | null;
}

/** A problem in the input or the options, or a stop on a bug. */
export class CirkelError extends Error {
  problems: Problem[];
  /** True when the module stopped on a bug; a fresh copy has been started. */
  crashed: boolean;
}

export type Input = string | Uint8Array | ArrayBuffer;
export type Photos = Record<string, Uint8Array>;
export type Lang = "nl" | "en";

export interface DrawOptions {
  format?: "svg" | "png" | "pdf" | "text" | "markdown" | "html";
  /** HTML only: the picture as inline "svg" (default) or as a "png". */
  htmlImage?: "svg" | "png";
  /** HTML only: a whole page instead of a figure to paste into one. */
  standalone?: boolean;
  /** Picture width in pixels (default 1600). */
  width?: number;
  paper?: "a4" | "a3";
  scale?: number;
  lang?: Lang;
  privacy?: "full" | "names" | "roles";
  /** A bundled theme: "standaard", "print", "contrast". */
  theme?: string;
  /** The id of a route to draw prominently. */
  route?: string;
  /** Of a workbook of many schools: which one. */
  school?: string;
  kind?: "json" | "xlsx" | "ods" | "csv";
  /** PDF: the long description on the pages after the picture (default true). */
  description?: boolean;
  textAsPaths?: boolean;
  /** Last year's layout, to keep the circle as it was. */
  previous?: object;
  /**
   * Last year's kernteam (a kernteam file's JSON, as text or object, or a
   * layout): new members get a "nieuw" marker, who left and who moved are
   * listed under the picture and in the description.
   */
  since?: object | string;
  /**
   * A samenwerkingsverband's partner list (`{ version: 1, partners: [...] }`,
   * as text or object): members with `"partner": "ID"` take their fields
   * from it.
   */
  partners?: object | string;
}

/** Loads the module (once, before anything else). */
export function init(source?: Uint8Array | ArrayBuffer | WebAssembly.Module): Promise<void>;
export function draw(input: Input, options?: DrawOptions & { format?: "svg" | "text" | "markdown" | "html" }, photos?: Photos): string;
export function draw(input: Input, options: DrawOptions & { format: "png" | "pdf" }, photos?: Photos): Uint8Array;
export function describe(input: Input, options?: DrawOptions, photos?: Photos): string;
export function check(input: Input, options?: DrawOptions, photos?: Photos): { ok: boolean; problems: Problem[] };
export function layout(input: Input, options?: DrawOptions, photos?: Photos): { warnings: Problem[]; layout: object };
export function preview(input: Input, options?: DrawOptions, photos?: Photos, last?: object | null): {
  ok: boolean; problems: object[]; svg?: string; layout?: object; anchored?: boolean; error?: string;
};
export function roles(lang?: Lang): object[];
export function vocabulary(lang?: Lang): object;
export function matchRoles(texts: string[], lang?: Lang): { found: object | null; near: object | null }[];
export function schema(): object;
export function starter(school: string): string;
export function readWorkbook(input: Input, options?: { kind?: "xlsx" | "ods" | "csv"; lang?: Lang }): {
  schools: { name: string; document: object; problems: Problem[] }[]; problems: Problem[];
};
export function schoolNames(input: Input, options?: { kind?: "xlsx" | "ods" | "csv" }): string[];
export function writeWorkbook(documents: object[], options?: { kind?: "xlsx" | "ods"; lang?: Lang }): Uint8Array;
export function preparePhoto(input: Input, options?: { lang?: Lang }): Uint8Array;
export function zip(files: Record<string, Uint8Array>): Uint8Array;
