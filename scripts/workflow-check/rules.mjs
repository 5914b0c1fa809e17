// The repository's own rules for its workflows, beyond GitHub's schemas and actionlint: what a first run on
// GitHub depends on and a review could miss. Pure: takes the files' text, returns problem lines.
//   - test.yml runs the test command with TENANTDB_REQUIRE_E2E=1, so a skipped end-to-end test fails the job;
//   - test.yml's PostgreSQL matrix is 13 (the oldest the seed accepts) to 18 (the current major);
//   - only `tenantdb plan --previous` decides moves, removals and renames: no yq anywhere in .github, no shell
//     that reads the outputs' `placements` itself, and the pull-request workflow runs the plan with --previous.
import { parse } from "yaml";

export const POSTGRES_MAJORS = [13, 14, 15, 16, 17, 18];

const jobsOf = (workflow) => Object.entries(workflow?.jobs ?? {});
const stepsOf = (job) => (Array.isArray(job?.steps) ? job.steps : []);

// Shell without its comment lines (a comment may name what the code must not do).
const code = (text) =>
  String(text ?? "")
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .join("\n");

function testWorkflowProblems(text) {
  const problems = [];
  const workflow = parse(text);
  const runners = jobsOf(workflow).flatMap(([name, job]) =>
    stepsOf(job)
      .filter((step) => /(^|\s|\/)scripts\/test\.sh\b/.test(code(step.run)))
      .map((step) => ({ name, job, step })),
  );
  if (runners.length === 0) {
    problems.push("test.yml: no step runs scripts/test.sh");
  }
  for (const { name, job, step } of runners) {
    const require = step.env?.TENANTDB_REQUIRE_E2E ?? job.env?.TENANTDB_REQUIRE_E2E ?? workflow.env?.TENANTDB_REQUIRE_E2E;
    if (String(require) !== "1") {
      problems.push(
        `test.yml: job ${name} runs scripts/test.sh without TENANTDB_REQUIRE_E2E: "1", so a missing Pulumi CLI would skip the end-to-end test and pass (found ${JSON.stringify(require ?? null)})`,
      );
    }
    const majors = job.strategy?.matrix?.postgres;
    const numbers = Array.isArray(majors) ? majors.map(Number) : null;
    if (numbers === null || numbers.length !== POSTGRES_MAJORS.length || numbers.some((major, i) => major !== POSTGRES_MAJORS[i])) {
      problems.push(`test.yml: job ${name}'s matrix postgres is ${JSON.stringify(majors ?? null)}; it must be ${JSON.stringify(POSTGRES_MAJORS)}`);
    }
    if (!String(job.env?.TENANTDB_PG_BINDIR ?? "").includes("matrix.postgres")) {
      problems.push(`test.yml: job ${name}'s TENANTDB_PG_BINDIR does not name the matrix's major, so the tests could use another PostgreSQL`);
    }
  }
  return problems;
}

// Every piece of shell a file runs: `run:` of workflow and composite steps, or a whole script.
function shellOf(file, text) {
  if (file.endsWith(".sh")) return [code(text)];
  const document = parse(text);
  const steps = [...jobsOf(document).flatMap(([, job]) => stepsOf(job)), ...stepsOf(document?.runs)];
  return steps.map((step) => code(step.run)).filter((run) => run.length > 0);
}

function moveGuardProblems(files) {
  const problems = [];
  for (const [file, text] of Object.entries(files)) {
    for (const shell of shellOf(file, text)) {
      if (/(^|[\s|;&(`$])yq(\s|$)/m.test(shell)) {
        problems.push(`${file}: runs yq; stack files are read by tenantdb only (validate, plan), which accepts every form Pulumi does`);
      }
      if (/placements/.test(shell)) {
        problems.push(`${file}: reads the outputs' placements in shell; moves, removals and renames are decided by \`tenantdb plan --previous\` alone`);
      }
    }
  }
  const pullRequest = files[".github/workflows/pull-request.yml"];
  if (pullRequest !== undefined && !shellOf(".github/workflows/pull-request.yml", pullRequest).some((run) => /tenantdb plan\b[^\n]*--previous/.test(run))) {
    problems.push(".github/workflows/pull-request.yml: no step runs `tenantdb plan … --previous`, the one guard against moved and removed tenants");
  }
  return problems;
}

/** Problems with the repository's workflow rules. `files` maps a path relative to the root to its text. */
export function ruleProblems(files) {
  const problems = [];
  const test = files[".github/workflows/test.yml"];
  problems.push(...(test === undefined ? ["test.yml: missing"] : testWorkflowProblems(test)));
  problems.push(...moveGuardProblems(files));
  return problems;
}
