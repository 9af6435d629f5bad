"""Stores for the API tests: the demo corpus run through the pipeline, and a synthetic store."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from flashpoint.api import create_app
from flashpoint.api.synthetic import build_store
from flashpoint.store import Store


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, pipeline, demo_documents) -> Path:
    path = tmp_path_factory.mktemp("api-demo") / "demo.duckdb"
    results = list(pipeline.run(demo_documents))
    with Store.open(path) as store:
        store.add_batch([r.document for r in results], [e for r in results for e in r.events])
    return path


@pytest.fixture(scope="session")
def synthetic_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("api-synthetic") / "synthetic.duckdb"
    build_store(path, 600)
    return path


@pytest.fixture(scope="module")
def client(demo_db):
    with TestClient(create_app(demo_db)) as c:
        yield c


@pytest.fixture(scope="module")
def syn(synthetic_db):
    with TestClient(create_app(synthetic_db)) as c:
        yield c
