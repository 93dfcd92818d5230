import mlflow

mlflow.log_metric("rmse", 1.0)
