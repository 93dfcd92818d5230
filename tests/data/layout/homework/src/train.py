import mlflow
mlflow.log_metric("accuracy", 0.9)
