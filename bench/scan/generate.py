#!/usr/bin/env python3
"""Generates a monorepo-like tree for benchmarking `mlops-maturity scan` against ripgrep.

Usage: generate.py DIR [--files N] [--seed S]

About 100,000 files and ~400 MB by default: per service, source (Python, Go, TypeScript, Java), YAML configs,
Markdown, JSON and CSV data, binary assets, and a few files over 4 MiB; plus what a real checkout also holds and
a scan must skip: .git objects, node_modules, a virtual environment, build outputs and gitignored files. A small
share of the files carry the things evidence rules look for (import mlflow, Airflow DAGs, dvc.yaml...).
Deterministic for a given seed. Write it under /tmp, never into the repository.
"""
import argparse
import os
import random

PY_LINES = [
    "import os", "import sys", "import json", "import logging", "from typing import Any, Dict, List",
    "import numpy as np", "import pandas as pd", "from dataclasses import dataclass",
    "logger = logging.getLogger(__name__)", "", "", "def handler(event: Dict[str, Any]) -> Dict[str, Any]:",
    "    result = {}", "    for key, value in event.items():", "        result[key] = transform(value)",
    "    return result", "class Processor:", "    def __init__(self, config):", "        self.config = config",
    "    def run(self, batch):", "        return [self.step(x) for x in batch]",
    "    # TODO: handle retries and back-off when the upstream service is slow",
    "    df = df.groupby('customer_id').agg({'amount': 'sum', 'visits': 'count'})",
    "    assert len(rows) > 0, 'no rows to process'", "    raise ValueError(f'unexpected value {value!r}')",
    "    if not os.path.exists(path):", "        os.makedirs(path, exist_ok=True)",
    "    with open(path, encoding='utf-8') as f:", "        payload = json.load(f)",
]
PY_EVIDENCE = [
    "import mlflow", "from airflow import DAG", "import great_expectations as gx", "from evidently import Report",
    "from fastapi import FastAPI", "from prometheus_client import Counter", "import shap",
    "mlflow.register_model(uri, 'churn')", "np.random.seed(42)", "from feast import FeatureStore",
    "from fairlearn.metrics import MetricFrame", "import locust", "on_failure_callback=notify",
]
GO_LINES = [
    "package main", "import (", "\t\"context\"", "\t\"fmt\"", "\t\"net/http\"", ")", "",
    "func (s *Server) Handle(ctx context.Context, req *Request) (*Response, error) {",
    "\tif err := s.validate(req); err != nil {", "\t\treturn nil, fmt.Errorf(\"validate: %w\", err)", "\t}",
    "\tresp, err := s.client.Do(req.WithContext(ctx))", "\treturn &Response{Status: resp.StatusCode}, nil", "}",
    "type Config struct {", "\tAddr string `yaml:\"addr\"`", "\tTimeout time.Duration", "}",
]
TS_LINES = [
    "import { Injectable } from '@angular/core';", "export interface Order { id: string; total: number }",
    "export async function fetchOrders(api: string): Promise<Order[]> {",
    "  const res = await fetch(`${api}/orders`);", "  if (!res.ok) throw new Error(res.statusText);",
    "  return (await res.json()) as Order[];", "}", "const cache = new Map<string, Order>();",
    "// render the list of orders with pagination", "export default class OrderList extends Component {}",
]
JAVA_LINES = [
    "package com.acme.billing;", "import java.util.List;", "import java.util.Optional;",
    "public class InvoiceService {", "    private final InvoiceRepository repo;",
    "    public Optional<Invoice> find(String id) {", "        return repo.findById(id);", "    }",
    "    @Override", "    public String toString() { return \"InvoiceService\"; }", "}",
]
YAML_LINES = [
    "apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: svc", "  labels:", "    app: svc",
    "spec:", "  replicas: 3", "  template:", "    spec:", "      containers:", "        - name: app",
    "          image: registry.acme.io/svc:1.2.3", "          resources:", "            limits:",
    "              cpu: 500m", "              memory: 512Mi", "env:", "  LOG_LEVEL: info", "timeout: 30",
]
YAML_EVIDENCE = ["kind: HorizontalPodAutoscaler", "kind: PrometheusRule", "  - alert: HighErrorRate",
                 "kind: Rollout", "freshness:", "kind: Workflow"]
MD_LINES = [
    "# Service", "", "## Setup", "Run `make dev` to start the service locally.", "", "## Architecture",
    "The service reads events from the queue and writes aggregates to the warehouse.", "- retries: 3",
    "- owner: team-payments", "See the runbook for on-call procedures.", "| column | type |", "|---|---|",
]


def text(rng, pool, evidence, size, p_evidence):
    lines, n = [], 0
    while n < size:
        line = rng.choice(pool)
        if evidence and rng.random() < p_evidence:
            line = rng.choice(evidence)
        lines.append(line)
        n += len(line) + 1
    return ("\n".join(lines) + "\n").encode()


def csv(rng, size):
    rows = ["id,customer_id,amount,country,created_at"]
    n = 0
    i = 0
    while n < size:
        row = f"{i},{rng.randrange(10**6)},{rng.random() * 1000:.2f},{rng.choice(['DE', 'FR', 'US', 'BR'])},2024-0{rng.randrange(1, 10)}-1{rng.randrange(10)}"
        rows.append(row)
        n += len(row) + 1
        i += 1
    return ("\n".join(rows) + "\n").encode()


def json_data(rng, size):
    parts, n = [], 0
    while n < size:
        p = '{"id": %d, "score": %.4f, "label": "%s", "tags": ["a", "b"]}' % (rng.randrange(10**9), rng.random(), rng.choice(["spam", "ham", "unknown"]))
        parts.append(p)
        n += len(p) + 2
    return ("[\n" + ",\n".join(parts) + "\n]\n").encode()


def binary(rng, size):
    head = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    return head + rng.randbytes(max(0, size - len(head)))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    root = a.dir
    if os.path.exists(root) and os.listdir(root):
        raise SystemExit(f"{root} exists and is not empty")
    os.makedirs(root, exist_ok=True)
    write(f"{root}/.gitignore", b"# generated\n*.log\n/tmp-data/\ngenerated/\n.venv/\n")
    write(f"{root}/.github/workflows/ci.yml", b"on:\n  push:\njobs:\n  test:\n    steps:\n      - run: pytest\n      - run: docker build .\n")
    write(f"{root}/.pre-commit-config.yaml", b"repos:\n  - repo: https://github.com/gitleaks/gitleaks\n")
    kinds = [  # (weight, maker)
        (30, "py"), (8, "go"), (9, "ts"), (8, "java"), (8, "yaml"), (5, "md"), (8, "json"), (10, "csv"), (12, "bin"),
        (2, "other"),
    ]
    total_w = sum(w for w, _ in kinds)
    services = max(1, a.files // 500)
    made = 0
    total_bytes = 0
    skipped_files = 0
    for s in range(services):
        base = f"{root}/services/svc-{s:04d}"
        per = a.files // services
        for i in range(per):
            r = rng.randrange(total_w)
            for w, kind in kinds:
                if r < w:
                    break
                r -= w
            sub = rng.choice(["src", "src/core", "src/api", "lib", "pkg/util", "tests", "config", "data", "assets", "docs"])
            size = int(rng.lognormvariate(7.6, 0.9))  # median ~2 KB, long tail
            if kind == "py":
                name, data = f"{sub}/mod_{i}.py", text(rng, PY_LINES, PY_EVIDENCE, size, 0.0008)
                if sub == "tests":
                    name = f"tests/test_mod_{i}.py"
            elif kind == "go":
                name, data = f"{sub}/file_{i}.go", text(rng, GO_LINES, None, size, 0)
            elif kind == "ts":
                name, data = f"{sub}/comp_{i}.ts", text(rng, TS_LINES, None, size, 0)
            elif kind == "java":
                name, data = f"{sub}/Cls{i}.java", text(rng, JAVA_LINES, None, size, 0)
            elif kind == "yaml":
                name, data = f"{sub}/conf_{i}.yaml", text(rng, YAML_LINES, YAML_EVIDENCE, size // 2, 0.002)
            elif kind == "md":
                name, data = f"{sub}/notes_{i}.md", text(rng, MD_LINES, None, size, 0)
            elif kind == "json":
                name, data = f"data/records_{i}.json", json_data(rng, size * 4)
            elif kind == "csv":
                name, data = f"data/table_{i}.csv", csv(rng, size * 3)
            elif kind == "bin":
                name, data = f"assets/blob_{i}." + rng.choice(["png", "bin", "so", "parquet", "pkl"]), binary(rng, size * 3)
            else:
                name, data = f"{sub}/run_{i}.log", text(rng, MD_LINES, None, size, 0)  # gitignored
            write(f"{base}/{name}", data)
            made += 1
            total_bytes += len(data)
        # Per service: the usual top-level files.
        write(f"{base}/README.md", text(rng, MD_LINES, None, 1500, 0))
        write(f"{base}/Dockerfile", b"FROM python:3.11-slim\nCOPY . /app\n")
        if s % 10 == 0:
            write(f"{base}/dvc.yaml", b"stages:\n  train:\n    cmd: python src/train.py\n")
        if s % 25 == 0:
            write(f"{base}/generated/big_{s}.py", text(rng, PY_LINES, PY_EVIDENCE, 20000, 0.01))  # gitignored
        made += 2
    # Files over 4 MiB: read by neither tool.
    for k in range(8):
        d = csv(rng, 5 << 20)
        write(f"{root}/datasets/big_{k}.csv", d)
        write(f"{root}/datasets/big_{k}.json", json_data(rng, 5 << 20))
        total_bytes += 2 * len(d)
        made += 2
    # What a scan must skip: .git, node_modules, a virtual environment, build output.
    for k in range(3000):
        write(f"{root}/.git/objects/{k % 256:02x}/{k:038x}", binary(rng, 600))
        skipped_files += 1
    for k in range(4000):
        write(f"{root}/web/node_modules/pkg{k % 200}/index_{k}.js", text(rng, TS_LINES, None, 1500, 0))
        skipped_files += 1
    for k in range(2000):
        write(f"{root}/.venv/lib/python3.11/site-packages/mlflow/m_{k}.py", text(rng, PY_LINES, PY_EVIDENCE, 1500, 0.05))
        skipped_files += 1
    for k in range(1000):
        write(f"{root}/services/svc-0001/build/out_{k}.py", text(rng, PY_LINES, PY_EVIDENCE, 1500, 0.05))
        skipped_files += 1
    print(f"{made} files ({total_bytes / 2**20:.0f} MiB) in the tree, plus {skipped_files} in directories a scan skips")


if __name__ == "__main__":
    main()
