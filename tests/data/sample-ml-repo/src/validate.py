"""Validates the feature table against the expectation suite before training."""
import great_expectations as gx


def validate() -> bool:
    context = gx.get_context()
    result = context.run_checkpoint(checkpoint_name="features_checkpoint")
    return result.success


if __name__ == "__main__":
    raise SystemExit(0 if validate() else 1)
