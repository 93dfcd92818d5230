#!/usr/bin/env bash
# Golden reports for realistic team profiles (examples/*.yaml on the built-in mlops questionnaire).
# Regenerate after a reviewed change with: UPDATE_GOLDEN=1 ctest -R e2e.test_examples, then read the diff.
source "$(dirname "$0")/lib.sh"
EXAMPLES=$MM_SOURCE_DIR/examples
GOLDEN=$MM_DATA/golden/examples
for example in "$EXAMPLES"/*.yaml; do
  name=$(basename "$example" .yaml)
  for format in json text; do
    run assess --answers "$example" -f "$format"
    expect_code 0 "$name $format"
    printf '%s\n' "$OUT" >"$TMP/$name.$format"
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$TMP/$name.$format" "$GOLDEN/$name.$format"; fi
    expect_file_same "$GOLDEN/$name.$format" "$TMP/$name.$format" "golden $name.$format"
  done
done
# The advice must follow the profile: a proof of concept is pointed at level 0, a scaled platform at level 4.
run assess --answers "$EXAMPLES/research.yaml" -f json
expect_out '"level": 0,
    "source": "recommended"' "research target"
run assess --answers "$EXAMPLES/platform.yaml" -f json
expect_out '"level": 4,
    "source": "recommended"' "platform target"
run assess --answers "$EXAMPLES/startup.yaml" --target-level 3 -f json
expect_code 0 "--target-level 3"
expect_out '"target": {
    "level": 3,
    "source": "given"' "--target-level overrides the recommendation"
run assess --answers "$EXAMPLES/startup.yaml" --target-level 3
expect_out "Target level 3: Automated model deployment (given)" "the text report names the given target"
run assess --answers "$EXAMPLES/startup.yaml" --target-level 5
expect_code 2 "--target-level beyond the levels"
# --all shows the practices beyond the target in full; without it they are only counted.
run assess --answers "$EXAMPLES/startup.yaml"
expect_out "Beyond your target (optional)
 29. model-provenance [experiments, level 3]
 30. per-model-cost [platform, level 4]
 31. data-versioning" "without --all the practices beyond the target are listed by name"
run assess --answers "$EXAMPLES/startup.yaml" --all
expect_out " 29. model-provenance [experiments, level 3]
     Link each registered" "--all shows them in full"
finish
