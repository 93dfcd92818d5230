import pandas as pd

from src.features import build_features


def test_tenure_is_in_months():
    raw = pd.DataFrame({"tenure_days": [30, 90], "spend": [10.0, 30.0], "tickets_90d": [0, None]})
    assert list(build_features(raw)["tenure_months"]) == [1, 3]


def test_missing_tickets_count_as_zero():
    raw = pd.DataFrame({"tenure_days": [30], "spend": [10.0], "tickets_90d": [None]})
    assert build_features(raw)["support_tickets_90d"][0] == 0
