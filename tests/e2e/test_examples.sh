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
# The advice must follow the profile: a proof of concept is pointed at level 1, a scaled platform at level 4.
run assess --answers "$EXAMPLES/research.yaml" -f json
expect_out '"level": 1,
    "source": "recommended"' "research target"
run assess --answers "$EXAMPLES/platform.yaml" -f json
expect_out '"level": 4,
    "source": "recommended"' "platform target"
run assess --answers "$EXAMPLES/startup.yaml" --target-level 3 -f json
expect_out '"source": "given"' "--target-level overrides"
finish
