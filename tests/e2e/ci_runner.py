#!/usr/bin/env python3
"""Runs the CI templates' shell the way their CI would, for tests/e2e/test_ci_*.sh.

  ci_runner.py action ACTION_YML [INPUT=VALUE...]
      The composite action's steps in order, each as GitHub runs a bash step (a file run with
      `bash --noprofile --norc -eo pipefail`), its env from the step's `env:` with ${{ inputs.X }} replaced by the
      input (its default unless given). Directories a step appends to $GITHUB_PATH are put in front of PATH for
      the steps after it. Stops at the first step that fails; exits with its code.
  ci_runner.py gitlab GITLAB_YML JOB [VAR=VALUE...]
      The job (its `extends:` resolved) as a GitLab runner does: its variables (then these) exported, and
      before_script and script run as one bash script with -eo pipefail. Exits with the script's code.
  ci_runner.py gitlab-key GITLAB_YML JOB KEY
      Prints a key of the resolved job (JSON), e.g. image.

Anything the runners would do that this does not (an `if:`, another expression, another shell) is an error
(exit 99), so a template cannot grow a feature that these tests silently skip.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def fail(message):
    print(f"ci_runner: {message}", file=sys.stderr)
    sys.exit(99)


def assignments(pairs):
    result = {}
    for pair in pairs:
        if "=" not in pair:
            fail(f"expected NAME=VALUE, got '{pair}'")
        name, value = pair.split("=", 1)
        result[name] = value
    return result


def text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def run_action(path, given):
    with open(path) as f:
        action = yaml.safe_load(f)
    declared = action.get("inputs") or {}
    unknown = set(given) - set(declared)
    if unknown:
        fail(f"no such inputs: {sorted(unknown)}")
    inputs = {name: text(spec.get("default")) for name, spec in declared.items()}
    inputs.update(given)

    def substitute(value):
        def one(match):
            expr = match.group(1)
            if not expr.startswith("inputs."):
                fail(f"unsupported expression '{expr}'")
            name = expr[len("inputs."):]
            if name not in inputs:
                fail(f"expression names no input: '{expr}'")
            return inputs[name]
        return EXPR.sub(one, text(value))

    runs = action.get("runs") or {}
    if runs.get("using") != "composite":
        fail("the action is not composite")
    base_path = os.environ.get("PATH", "")
    github_path = os.environ.get("GITHUB_PATH")
    for step in runs.get("steps") or []:
        extra = set(step) - {"id", "name", "shell", "run", "env"}
        if extra:
            fail(f"step {step.get('id')}: unsupported keys {sorted(extra)}")
        if step.get("shell") != "bash":
            fail(f"step {step.get('id')}: shell must be bash")
        env = dict(os.environ)
        for name, value in (step.get("env") or {}).items():
            env[name] = substitute(value)
        added = []
        if github_path and os.path.exists(github_path):
            with open(github_path) as f:
                added = [line.strip() for line in f if line.strip()]
        env["PATH"] = os.pathsep.join(list(reversed(added)) + [base_path])
        with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as script:
            script.write(substitute(step["run"]))
        try:
            code = subprocess.call(["bash", "--noprofile", "--norc", "-eo", "pipefail", script.name], env=env)
        finally:
            os.unlink(script.name)
        if code != 0:
            return code
    return 0


def resolve_job(path, name):
    with open(path) as f:
        doc = yaml.safe_load(f)

    def resolve(job_name, seen):
        if job_name in seen:
            fail(f"extends loop at {job_name}")
        job = doc.get(job_name)
        if not isinstance(job, dict):
            fail(f"no job '{job_name}'")
        parent = job.get("extends")
        if parent is None:
            return dict(job)
        if not isinstance(parent, str):
            fail("extends must be one job here")
        merged = resolve(parent, seen | {job_name})
        for key, value in job.items():
            if key == "extends":
                continue
            if isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}  # GitLab merges hashes, replaces everything else
            else:
                merged[key] = value
        return merged

    return resolve(name, set())


def run_gitlab(path, name, given):
    job = resolve_job(path, name)
    env = dict(os.environ)
    for var, value in (job.get("variables") or {}).items():
        if isinstance(value, dict):
            fail(f"variable {var}: only plain values are supported")
        env[var] = text(value)
    env.update(given)
    lines = list(job.get("before_script") or []) + list(job.get("script") or [])
    if not lines:
        fail(f"job '{name}' has no script")
    with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as script:
        script.write("\n".join(text(line) for line in lines) + "\n")
    try:
        return subprocess.call(["bash", "-eo", "pipefail", script.name], env=env)
    finally:
        os.unlink(script.name)


def main(argv):
    if len(argv) >= 2 and argv[0] == "action":
        return run_action(argv[1], assignments(argv[2:]))
    if len(argv) >= 3 and argv[0] == "gitlab":
        return run_gitlab(argv[1], argv[2], assignments(argv[3:]))
    if len(argv) == 4 and argv[0] == "gitlab-key":
        print(json.dumps(resolve_job(argv[1], argv[2]).get(argv[3])))
        return 0
    fail(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
