"""Trains the churn classifier and registers it in MLflow."""
import argparse

import mlflow
import numpy as np
import pandas as pd
import yaml
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import train_test_split


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--params", default="params.yaml")
    args = parser.parse_args()
    params = yaml.safe_load(open(args.params))["train"]
    np.random.seed(params["seed"])

    data = pd.read_csv("data/features.csv")
    X, y = data.drop(columns=["churned"]), data["churned"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=params["seed"])

    with mlflow.start_run():
        mlflow.log_params(params)
        model = GradientBoostingClassifier(
            n_estimators=params["n_estimators"], max_depth=params["max_depth"], learning_rate=params["learning_rate"]
        ).fit(X_train, y_train)
        mlflow.log_metric("accuracy", model.score(X_test, y_test))
        mlflow.sklearn.log_model(model, "model", registered_model_name="churn-classifier")


if __name__ == "__main__":
    main()
