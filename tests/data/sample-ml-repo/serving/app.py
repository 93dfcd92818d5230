"""Online scoring API."""
import mlflow.pyfunc
from fastapi import FastAPI
from prometheus_client import Counter, Histogram
from pydantic import BaseModel

app = FastAPI()
model = mlflow.pyfunc.load_model("models:/churn-classifier@champion")
PREDICTIONS = Counter("predictions_total", "Predictions served")
LATENCY = Histogram("prediction_latency_seconds", "Prediction latency")


class Subscriber(BaseModel):
    tenure_months: int
    monthly_spend: float
    support_tickets_90d: int


@app.post("/predict")
def predict(s: Subscriber) -> dict:
    with LATENCY.time():
        PREDICTIONS.inc()
        return {"churn_probability": float(model.predict([s.model_dump()])[0])}
