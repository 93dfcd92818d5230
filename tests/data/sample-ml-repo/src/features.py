"""Turns the raw subscriber exports into model features."""
import sys

import pandas as pd


def build_features(raw: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=raw.index)
    out["tenure_months"] = raw["tenure_days"] // 30
    out["monthly_spend"] = raw["spend"] / raw["tenure_days"].clip(lower=30) * 30
    out["support_tickets_90d"] = raw["tickets_90d"].fillna(0)
    return out


if __name__ == "__main__":
    raw = pd.read_parquet(sys.argv[1])
    build_features(raw).to_csv(sys.argv[2], index=False)
