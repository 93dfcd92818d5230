terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

resource "aws_s3_bucket" "dvc_remote" {
  bucket = "acme-churn-dvc"
}

resource "aws_iam_role_policy" "training" {
  name = "churn-training"
  role = "churn-training"
  policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
