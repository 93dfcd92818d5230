#!/usr/bin/env bash
# The genaiops built-in: listed and usable by id, valid without warnings, profile-scoped questions (no retrieval
# questions for a plain chat assistant), and evidence rules that recognise what an LLM application's repository
# shows (prompt files, eval and red-team configs, tracing, guardrails, gateway budgets) and nothing in a
# classical ML repository beyond a model card.
source "$(dirname "$0")/lib.sh"

run list
expect_code 0 "list"
expect_out "genaiops" "list names genaiops"
run validate --strict "$MM_SOURCE_DIR/questionnaires/genaiops.yaml"
expect_code 0 "validate --strict genaiops.yaml"
expect_out "valid (genaiops, 5 levels, 8 dimensions" "validate summary"
if [[ $OUT$ERR == *warning* ]]; then not_ok "genaiops validates without warnings"; else ok; fi
run show genaiops
expect_code 0 "show genaiops"
expect_out "Managed" "show names the levels"

# A plain internal chat assistant: retrieval and agent questions are not asked, their dimensions not assessed.
cat >"$TMP/chat.yaml" <<'YAML'
questionnaire: genaiops
profile: {stage: production, users: internal, regulated: "no", hosting: hosted, retrieval: "no", agents: "no", fine-tuning: "no"}
answers:
  prompts-in-vcs: "yes"
YAML
run assess -q genaiops -a "$TMP/chat.yaml" -f json
expect_code 0 "assess -q genaiops"
assessed=$(printf '%s' "$OUT" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(" ".join(d["id"] for d in r["dimensions"] if d.get("assessed", True) is False))')
[ "$assessed" = "retrieval agents" ] && ok || not_ok "retrieval and agents not assessed for a chat assistant: '$assessed'"
target=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["target"]["level"])')
[ "$target" = 2 ] && ok || not_ok "an internal application in production gets target 2, not '$target'"
expect_out '"question": "index-built-by-code",
      "dimension": "retrieval",
      "reason": "not asked: No retrieval"' "the report says why retrieval questions were skipped"

# An LLM application's repository: the evidence the questionnaire promises to recognise.
R=$TMP/llm-app
mkdir -p "$R/prompts" "$R/app" "$R/evals" "$R/.github/workflows" "$R/guardrails/config"
printf -- '---\nname: answer\nmodel:\n  parameters:\n    temperature: 0.2\n---\nsystem:\nAnswer from the context.\n' >"$R/prompts/answer.prompty"
printf 'prompts: [file://prompts/answer.prompty]\nproviders: [openai:gpt-4o-2024-08-06]\ntests: file://evals/golden.jsonl\nredteam:\n  plugins: [harmful]\n' >"$R/promptfooconfig.yaml"
printf '{"vars": {"q": "refund?"}}\n' >"$R/evals/golden.jsonl"
printf 'on: [pull_request]\njobs:\n  eval:\n    steps:\n      - run: npx promptfoo@latest eval -c promptfooconfig.yaml\n' >"$R/.github/workflows/eval.yml"
printf 'from langfuse import observe\nfrom presidio_analyzer import AnalyzerEngine\nfrom llama_index.core import VectorStoreIndex\n' >"$R/app/main.py"
printf 'rails:\n  input:\n    flows: [self check input]\n' >"$R/guardrails/config/config.yml"
printf 'router_settings:\n  fallbacks: [{"gpt-4o": ["claude"]}]\nlitellm_settings:\n  max_budget: 100\n' >"$R/litellm_config.yaml"
printf 'from agents import function_tool\n@function_tool\ndef order_status(order_id: str) -> str: ...\ngraph = builder.compile(interrupt_before=["refund"])\n' >"$R/app/agent.py"
run scan "$R" -q genaiops -f yaml
expect_code 0 "scan -q genaiops"
printf '%s\n' "$OUT" | grep -E '^  [a-z0-9-]+: (yes|partial)$' | sed 's/^  //' >"$TMP/suggested"
cat >"$TMP/expected" <<'TXT'
prompts-in-vcs: yes
model-version-pinned: yes
generation-settings-versioned: partial
model-fallback: yes
test-cases: yes
scored-evaluation: yes
eval-gate-ci: yes
content-filtering: yes
red-teaming: yes
index-built-by-code: partial
requests-logged: yes
request-tracing: yes
spend-limit: yes
cost-per-request: partial
tool-allow-list: partial
human-approval: partial
pii-masked: yes
TXT
expect_file_same "$TMP/expected" "$TMP/suggested" "genaiops evidence in an LLM application's repository"

# A classical ML repository shows nothing of an LLM application: only the practices any repository can show
# (a model card hints at an owner, a secret scanner guards keys), and only as partial.
run scan "$MM_DATA/sample-ml-repo" -q genaiops -f yaml
expect_code 0 "scan a classical ML repository"
got=$(printf '%s\n' "$OUT" | grep -E '^  [a-z0-9-]+: (yes|partial)$' | sed 's/^  //' | tr '\n' ' ')
[ "$got" = "owner-and-purpose: partial keys-in-secret-store: partial " ] && ok ||
  not_ok "no LLM evidence in sample-ml-repo: '$got'"
# mlops asks whether the team builds LLM applications; when it does, every report format points to genaiops.
run assess --answers "$MM_SOURCE_DIR/examples/platform.yaml"
expect_out "See also: mlops-maturity assess -q genaiops (We build LLM applications)." "text report points to genaiops"
run assess --answers "$MM_SOURCE_DIR/examples/platform.yaml" -f json
expect_out '"see_also": [
    {
      "questionnaire": "genaiops",
      "because": "We build LLM applications"
    }
  ]' "JSON report names genaiops"
printf '%s\n' "$OUT" >"$TMP/platform.json"
run report "$TMP/platform.json"
expect_out "See also: mlops-maturity assess -q genaiops" "a saved report keeps the pointer"
run assess --answers "$MM_SOURCE_DIR/examples/platform.yaml" -f markdown
expect_out "**See also:** mlops-maturity assess -q \`genaiops\` (We build LLM applications)" "Markdown report"
if command -v cmark-gfm >/dev/null; then
  printf '%s\n' "$OUT" | cmark-gfm | grep -qF '<strong>See also:</strong> mlops-maturity assess -q <code>genaiops</code>' && ok ||
    not_ok "cmark-gfm renders the pointer"
fi
run assess --answers "$MM_SOURCE_DIR/examples/platform.yaml" -f html
expect_out "<strong>See also:</strong> <code>mlops-maturity assess -q genaiops</code> (We build LLM applications)" "HTML report"
run show mlops -f json
expect_out '"see_also": "genaiops"' "show -f json keeps the pointer"
run show mlops
expect_out "yes: We build LLM applications (see also: genaiops)" "show names the pointer"
run assess --answers "$MM_SOURCE_DIR/examples/startup.yaml"
expect_no_out "See also" "no pointer for a team without LLM applications"
run assess --answers "$MM_SOURCE_DIR/examples/startup.yaml" -f json
expect_no_out "see_also" "no see_also in its JSON report"
finish
