// The package as installed from its tarball into an empty folder
// (scripts/test-web.sh): it draws a school and checks a broken one.
import { init, draw, check, CirkelError } from "cirkel";
import { readFileSync } from "node:fs";

await init();
const school = readFileSync(process.argv[2]);
const svg = draw(school);
const pdf = draw(school, { format: "pdf" });
if (!svg.includes("St. Bernardusschool") || String.fromCharCode(...pdf.slice(0, 5)) !== "%PDF-") {
  throw new Error("the installed package did not draw the school");
}
const broken = check('{ "version": 1, "school": {} }');
if (broken.ok || !broken.problems.some((p) => p.path === "school.name" || p.path === "school")) {
  throw new Error("the installed package did not find the missing name: " + JSON.stringify(broken));
}
try {
  draw('{ "version": 1, "school": {} }');
  throw new Error("a broken school was drawn");
} catch (e) {
  if (!(e instanceof CirkelError)) throw e;
}
console.log("installed package: drew St. Bernardusschool (" + svg.length + " bytes of SVG) and found " + broken.problems.length + " problem(s)");
