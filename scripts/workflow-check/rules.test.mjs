// The rules of rules.mjs catch what they are for: each broken fixture below fails, the repository's own files pass.
// Run: node --test scripts/workflow-check/rules.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ruleProblems } from "./rules.mjs";

const testYml = ({ env = '      TENANTDB_REQUIRE_E2E: "1"\n', majors = "[13, 14, 15, 16, 17, 18]" } = {}) => `name: test
on: push
jobs:
  test:
    runs-on: ubuntu-24.04
    strategy:
      matrix:
        postgres: ${majors}
    env:
      TENANTDB_PG_BINDIR: /usr/lib/postgresql/\${{ matrix.postgres }}/bin
${env}    steps:
      - run: bash scripts/test.sh
`;

const pullRequest = (plan = 'tenantdb plan --stack "$STACK" --previous previous.json') => `name: pr
on: pull_request
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - run: ${plan}
`;

const files = (overrides = {}) => ({
  ".github/workflows/test.yml": testYml(),
  ".github/workflows/pull-request.yml": pullRequest(),
  ...overrides,
});

test("a test workflow that requires the end-to-end test and covers 13 to 18 passes", () => {
  assert.deepEqual(ruleProblems(files()), []);
});

test("the test command without TENANTDB_REQUIRE_E2E fails", () => {
  const problems = ruleProblems(files({ ".github/workflows/test.yml": testYml({ env: "" }) }));
  assert.match(problems.join("\n"), /without TENANTDB_REQUIRE_E2E: "1"/);
});

test("TENANTDB_REQUIRE_E2E set to anything but 1 fails", () => {
  const problems = ruleProblems(files({ ".github/workflows/test.yml": testYml({ env: '      TENANTDB_REQUIRE_E2E: "true"\n' }) }));
  assert.match(problems.join("\n"), /found "true"/);
});

for (const majors of ["[13, 14, 15, 16, 17]", "[14, 15, 16, 17, 18]", "[13, 14, 15, 16, 17, 18, 19]", '["13", "14", "15", "16", "18"]']) {
  test(`a PostgreSQL matrix of ${majors} fails`, () => {
    const problems = ruleProblems(files({ ".github/workflows/test.yml": testYml({ majors }) }));
    assert.match(problems.join("\n"), /matrix postgres is .*; it must be \[13,14,15,16,17,18\]/);
  });
}

test("a pull-request workflow comparing stack files with yq and jq fails", () => {
  const problems = ruleProblems(
    files({
      ".github/workflows/pull-request.yml": pullRequest(`|
          yq -o=json '.config' "Pulumi.$STACK.yaml" > current.json
          jq -n --slurpfile previous previous.json '$previous[0].placements'
          tenantdb plan --stack "$STACK" --previous previous.json`),
    }),
  );
  assert.match(problems.join("\n"), /runs yq/);
  assert.match(problems.join("\n"), /reads the outputs' placements/);
});

test("a script or action that runs yq fails, a comment naming it does not", () => {
  const problems = ruleProblems(
    files({
      ".github/scripts/shards.sh": "#!/usr/bin/env bash\n# no yq here\nservers=$(yq '.config' Pulumi.prod.yaml)\n",
      ".github/actions/prepare/action.yml": "name: p\ndescription: d\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: echo ok # yq is not used\n",
    }),
  );
  assert.deepEqual(problems, [".github/scripts/shards.sh: runs yq; stack files are read by tenantdb only (validate, plan), which accepts every form Pulumi does"]);
});

test("a pull-request workflow that plans without --previous fails", () => {
  const problems = ruleProblems(files({ ".github/workflows/pull-request.yml": pullRequest('tenantdb plan --stack "$STACK"') }));
  assert.match(problems.join("\n"), /no step runs `tenantdb plan … --previous`/);
});

test("the repository's own workflows, actions and scripts pass", async () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  const github = path.join(root, ".github");
  const entries = await readdir(github, { recursive: true, withFileTypes: true });
  const repository = {};
  for (const entry of entries.filter((e) => e.isFile() && /\.(ya?ml|sh)$/.test(e.name))) {
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    repository[path.relative(root, full).split(path.sep).join("/")] = await readFile(full, "utf8");
  }
  assert.deepEqual(ruleProblems(repository), []);
});
