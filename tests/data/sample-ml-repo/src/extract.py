"""Extracts last month's subscriber snapshot from the warehouse: the first step of the weekly retraining."""
import sys

import pandas as pd
import sqlalchemy

QUERY = "SELECT subscriber_id, tenure_days, spend, tickets_90d, churned FROM analytics.subscriber_snapshot"


def extract(url: str) -> pd.DataFrame:
    engine = sqlalchemy.create_engine(url)
    return pd.read_sql(QUERY, engine)


if __name__ == "__main__":
    extract(sys.argv[1]).to_parquet(sys.argv[2])
