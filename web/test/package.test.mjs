// The npm package against the native build (issue 35): the same school
// and options give the same bytes, SVG, PNG and PDF, from JSON and from
// the workbook, with photos, each theme, a route, `privacy: "roles"` and
// English; problems come back as objects; an unknown option is an error;
// a trap is caught and the next call works. Run by scripts/test-web.sh
// (`CIRKEL_BIN` is the native `cirkel`, `CIRKEL_PKG` the built package).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "../..");
const bin = process.env.CIRKEL_BIN || join(root, "target/debug/cirkel");
const pkg = process.env.CIRKEL_PKG || join(root, "target/web/npm");
const cirkel = await import(pathToFileURL(join(pkg, "cirkel.js")).href);
await cirkel.init();

const work = mkdtempSync(join(tmpdir(), "cirkel-web-"));
const example = (name) => join(root, "examples", name);

// St. Bernardus with two photos, for both builds.
const withPhotos = (() => {
  const doc = JSON.parse(readFileSync(example("st-bernardusschool.json"), "utf8"));
  doc.members[0].photo = "fotos/maaike.jpg";
  doc.members[3].photo = "fotos/sanne.png";
  mkdirSync(join(work, "fotos"), { recursive: true });
  copyFileSync(example("photos/maaike.jpg"), join(work, "fotos/maaike.jpg"));
  copyFileSync(example("photos/sanne.png"), join(work, "fotos/sanne.png"));
  const file = join(work, "met-fotos.json");
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
})();
const photos = {
  "fotos/maaike.jpg": readFileSync(example("photos/maaike.jpg")),
  "fotos/sanne.png": readFileSync(example("photos/sanne.png")),
};

/** What `cirkel render FILE ARGS -o OUT` writes. */
function native(file, args, ext) {
  const out = join(work, "native-" + Math.random().toString(36).slice(2) + "." + ext);
  execFileSync(bin, ["render", file, ...args, "-o", out], { env: { ...process.env, LANG: "C" } });
  return readFileSync(out);
}

const cases = [
  ["St. Bernardus", example("st-bernardusschool.json"), {}, []],
  ["De Klimop (photos beside it)", example("obs-de-klimop.json"), {}, [], {
    "photos/maaike.jpg": readFileSync(example("photos/maaike.jpg")),
    "photos/sanne.png": readFileSync(example("photos/sanne.png")),
  }],
  ["De Horizon (45 members)", example("brede-school-de-horizon.json"), {}, []],
  ["with photos", withPhotos, {}, [], photos],
  ["theme print", example("st-bernardusschool.json"), { theme: "print" }, ["--theme", "print"]],
  ["theme contrast", example("st-bernardusschool.json"), { theme: "contrast" }, ["--theme", "contrast"]],
  ["a route", example("st-bernardusschool.json"), { route: "verzuim" }, ["--route", "verzuim"]],
  ["privacy roles", example("st-bernardusschool.json"), { privacy: "roles" }, ["--privacy", "roles"]],
  ["English", example("st-bernardusschool.json"), { lang: "en" }, ["--lang", "en"]],
  ["the workbook", example("st-bernardusschool.xlsx"), { kind: "xlsx" }, []],
  ["since last year", example("st-bernardusschool.json"),
    { since: readFileSync(example("vorig-jaar/st-bernardusschool.json"), "utf8") },
    ["--since", example("vorig-jaar/st-bernardusschool.json")]],
];

test("html: the figure for a website as the native build writes it", () => {
  const file = example("st-bernardusschool.json");
  for (const [options, args] of [[{}, []], [{ htmlImage: "png", standalone: true }, ["--html-image", "png", "--standalone"]]]) {
    const html = cirkel.draw(readFileSync(file), { ...options, format: "html" });
    assert.equal(typeof html, "string");
    const out = join(work, "figure.html");
    execFileSync(bin, ["render", file, ...args, "-o", out]);
    assert.ok(Buffer.from(html).equals(readFileSync(out)), "HTML differs");
  }
});

test("partners: a list as an option draws what the native build draws with --partners", () => {
  const list = readFileSync(example("samenwerkingsverband/partners.json"), "utf8");
  const file = example("samenwerkingsverband/de-linde.json");
  const doc = JSON.parse(readFileSync(file, "utf8"));
  delete doc.partners;
  const svg = cirkel.draw(JSON.stringify(doc), { partners: list });
  assert.match(svg, /Sanne Bakker/);
  const out = join(work, "linde.svg");
  execFileSync(bin, ["--partners", example("samenwerkingsverband/partners.json"), "render", file, "-o", out]);
  assert.ok(Buffer.from(svg).equals(readFileSync(out)), "SVG differs");
  assert.throws(
    () => cirkel.draw(JSON.stringify(doc), { partners: '{ "partners": [ { "role": "jeugdarts" } ] }' }),
    (e) => e instanceof cirkel.CirkelError && e.problems.some((p) => p.file === "partners"),
  );
});

test("since: last year's file as an object or its layout, and its problems named", () => {
  const input = readFileSync(example("st-bernardusschool.json"));
  const lastText = readFileSync(example("vorig-jaar/st-bernardusschool.json"), "utf8");
  const svg = cirkel.draw(input, { since: JSON.parse(lastText) });
  assert.equal((svg.match(/class="new-marker"/g) || []).length, 4, "three cards and the legend");
  const { layout } = cirkel.layout(lastText);
  assert.equal(cirkel.draw(input, { since: layout }), svg, "a layout as last year's file");
  const words = cirkel.describe(input, { since: lastText });
  assert.match(words, /Niet meer in het kernteam: CJG-coach \(Fatima el Amrani\)/);
  assert.throws(
    () => cirkel.draw(input, { since: '{ "school": {} }' }),
    (e) => e instanceof cirkel.CirkelError && e.problems.some((p) => p.file === "since"),
  );
});

for (const [name, file, options, args, pics] of cases) {
  test(`${name}: SVG, PNG and PDF as the native build draws them`, () => {
    const input = readFileSync(file);
    const svg = cirkel.draw(input, { ...options, format: "svg" }, pics);
    assert.equal(typeof svg, "string");
    assert.ok(Buffer.from(svg).equals(native(file, args, "svg")), "SVG differs");
    const png = cirkel.draw(input, { ...options, format: "png", width: 800 }, pics);
    assert.ok(Buffer.from(png).equals(native(file, [...args, "--width", "800"], "png")), "PNG differs");
    const pdf = cirkel.draw(input, { ...options, format: "pdf" }, pics);
    assert.ok(Buffer.from(pdf).equals(native(file, args, "pdf")), "PDF differs");
  });
}

test("text as paths: the SVG's outlines as the native build writes them", () => {
  const file = example("st-bernardusschool.json");
  const svg = cirkel.draw(readFileSync(file), { format: "svg", textAsPaths: true });
  assert.ok(!svg.includes("<text"), "no text elements");
  assert.ok(Buffer.from(svg).equals(native(file, ["--text-as-paths"], "svg")), "SVG differs");
});

test("problems come back as objects, in Dutch or English", () => {
  const broken = '{ "version": 1, "school": {}, "members": [ { "role": "jeugdarts", "ring": "buiten" } ] }';
  const nl = cirkel.check(broken);
  assert.equal(nl.ok, false);
  const ring = nl.problems.find((p) => p.path === "members[0].ring");
  assert.ok(ring && ring.severity === "error" && ring.line === 1 && ring.column > 0, JSON.stringify(nl.problems));
  assert.match(ring.message, /buiten/);
  const en = cirkel.check(broken, { lang: "en" });
  assert.notEqual(en.problems[0].message, nl.problems[0].message);
  assert.throws(() => cirkel.draw(broken), (e) => e instanceof cirkel.CirkelError && e.problems.length > 0);
  const book = cirkel.readWorkbook(readFileSync(example("st-bernardusschool.xlsx")), { kind: "xlsx" });
  assert.equal(book.schools[0].name, "St. Bernardusschool");
});

test("an unknown option is an error, as an unknown key is", () => {
  assert.throws(() => cirkel.draw("{}", { colour: "red" }), /unknown option "colour"/);
  assert.throws(() => cirkel.draw("{}", { format: "gif" }), /format "gif"/);
});

test("a trap is caught: a fresh module is started and the next call works", async () => {
  assert.throws(() => cirkel._panicForTests(), (e) => e instanceof cirkel.CirkelError && e.crashed);
  const svg = cirkel.draw(readFileSync(example("st-bernardusschool.json")));
  assert.ok(svg.includes("St. Bernardusschool"));
  // Again, once the package had a moment to make a new spare copy.
  await new Promise((done) => setTimeout(done, 50));
  assert.throws(() => cirkel._panicForTests(), (e) => e.crashed);
  assert.throws(() => cirkel._panicForTests(), (e) => e.crashed);
  assert.equal(cirkel.check(readFileSync(example("st-bernardusschool.json"))).ok, true);
});

test("the rest of the library: roles, schema, starter, description, workbooks, photos", () => {
  assert.ok(cirkel.roles("en").some((r) => r.id === "jeugdarts" && r.label === "Youth doctor"));
  assert.equal(cirkel.schema().type, "object");
  const start = cirkel.starter("OBS Het Anker");
  assert.equal(cirkel.check(start).ok, true);
  const text = cirkel.describe(readFileSync(example("st-bernardusschool.json")));
  assert.equal(text, readFileSync(example("describe/st-bernardusschool.nl.txt"), "utf8"));
  const xlsx = cirkel.writeWorkbook([JSON.parse(start)], { kind: "xlsx" });
  assert.deepEqual(cirkel.schoolNames(xlsx, { kind: "xlsx" }), ["OBS Het Anker"]);
  const photo = cirkel.preparePhoto(readFileSync(example("photos/maaike.jpg")));
  assert.equal(photo[0], 0xff);
  assert.throws(() => cirkel.preparePhoto(new Uint8Array([1, 2, 3])), /JPG/);
});

// No clock and no randomness reach what the package makes (issue 35).
// Two dependencies import them: zip asks the browser for random bytes when
// it writes an encrypted entry (never: nothing of ours encrypts), and
// rust_xlsxwriter reads the clock for a workbook's creation date, which the
// writer replaces by a fixed one. So: random bytes never asked for, and the
// same bytes whatever the clock says.
test("no clock and no randomness in anything it makes", () => {
  const realNow = Date.now;
  const realRandom = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
  let randomCalls = 0;
  globalThis.crypto.getRandomValues = (a) => { randomCalls++; return realRandom(a); };
  const everything = () => {
    const input = readFileSync(example("st-bernardusschool.json"));
    const made = ["svg", "png", "pdf", "text", "markdown"].map((format) => cirkel.draw(input, { format }));
    const doc = JSON.parse(input.toString("utf8"));
    made.push(cirkel.writeWorkbook([doc], { kind: "xlsx" }));
    made.push(cirkel.writeWorkbook([doc], { kind: "ods" }));
    made.push(cirkel.zip({ "a.txt": new Uint8Array([1, 2, 3]) }));
    made.push(cirkel.preparePhoto(readFileSync(example("photos/maaike.jpg"))));
    return made.map((m) => Buffer.from(typeof m === "string" ? Buffer.from(m) : m));
  };
  try {
    Date.now = () => 0;
    const early = everything();
    Date.now = () => 4102444800000; // 2100
    const late = everything();
    early.forEach((bytes, i) => assert.ok(bytes.equals(late[i]), `output ${i} depends on the clock`));
    assert.equal(randomCalls, 0, "random bytes were asked for");
  } finally {
    Date.now = realNow;
    globalThis.crypto.getRandomValues = realRandom;
  }
});
