"""Shared fixtures: the pipeline is loaded once per test session (model, gazetteer, tables)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.cli import demo_corpus_path
from flashpoint.records import Document


@pytest.fixture(scope="session")
def pipeline():
    from flashpoint.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def demo_documents() -> list[Document]:
    from flashpoint.ingest import Rejected, read_documents

    corpus = demo_corpus_path()
    docs = [d for d in read_documents([corpus / "reports.jsonl", corpus / "html"]) if not isinstance(d, Rejected)]
    assert len(docs) >= 34
    return docs


@pytest.fixture(scope="session")
def demo_events(pipeline, demo_documents):
    """doc id -> list of event dicts for the whole demo corpus."""
    return {r.document.id: [e.to_dict() for e in r.events] for r in pipeline.run(demo_documents)}


def events_for(pipeline, text: str, published: str = "2020-01-08", doc_id: str = "t") -> list[dict]:
    results = list(pipeline.run([Document(id=doc_id, text=text, published=published)]))
    return [e.to_dict() for e in results[0].events]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path
