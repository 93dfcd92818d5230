"""Weekly retraining of the churn model."""
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator


def notify_failure(context):
    print(f"retraining failed: {context['task_instance'].task_id}")


with DAG(
    dag_id="retrain_churn",
    schedule="@weekly",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    default_args={"on_failure_callback": notify_failure},
) as dag:
    extract = BashOperator(task_id="extract", bash_command="python src/extract.py $WAREHOUSE_URL data/raw.parquet")
    validate = BashOperator(task_id="validate", bash_command="python src/validate.py")
    train = BashOperator(task_id="train", bash_command="dvc repro train")
    extract >> validate >> train
