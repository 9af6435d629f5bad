"""Sanity checks on the bundled demo corpus (flashpoint/data/demo)."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

import flashpoint

DEMO = Path(flashpoint.__file__).parent / "data" / "demo"
FIRST, LAST = dt.date(2019, 12, 1), dt.date(2020, 3, 1)


def _records() -> list[dict]:
    lines = (DEMO / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _html_pages() -> list[Path]:
    return sorted((DEMO / "html").glob("*.html"))


class _PageScan(HTMLParser):
    """Collects the meta tags and any absolute resource URLs of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.tags: set[str] = set()
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = a.get("property") or a.get("name")
            if key:
                self.meta[key] = a.get("content", "")
        for attr in ("src", "href"):
            if a.get(attr, "").startswith(("http:", "https:", "//")):
                self.external.append(a[attr])


def _scan(path: Path) -> _PageScan:
    scan = _PageScan()
    scan.feed(path.read_text(encoding="utf-8"))
    return scan


def test_jsonl_parses_and_has_enough_reports() -> None:
    assert len(_records()) >= 30


def test_required_fields_and_dates() -> None:
    for rec in _records():
        assert isinstance(rec.get("id"), str) and rec["id"], rec
        assert isinstance(rec.get("text"), str) and rec["text"].strip(), rec["id"]
        published = dt.date.fromisoformat(rec["published"])
        assert FIRST <= published <= LAST, rec["id"]


def test_text_starts_with_headline_then_blank_line() -> None:
    for rec in _records():
        headline, sep, body = rec["text"].partition("\n\n")
        assert sep and body.strip(), rec["id"]
        assert rec.get("title") == headline, rec["id"]


def test_ids_unique_across_jsonl_and_html() -> None:
    ids = [rec["id"] for rec in _records()] + [p.stem for p in _html_pages()]
    assert len(ids) == len(set(ids))


def test_enough_html_pages() -> None:
    assert len(_html_pages()) >= 4


@pytest.mark.parametrize("page", _html_pages(), ids=lambda p: p.name)
def test_html_page_metadata(page: Path) -> None:
    scan = _scan(page)
    stamp = scan.meta.get("article:published_time")
    assert stamp, f"{page.name}: no article:published_time meta"
    published = dt.datetime.fromisoformat(stamp).date()  # Python 3.11 accepts a trailing Z
    assert FIRST <= published <= LAST
    assert scan.meta.get("author")
    assert {"title", "article", "h1", "p", "figcaption"} <= scan.tags
    assert not scan.external, f"{page.name}: external resources {scan.external}"


def test_readme_lists_every_report() -> None:
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    assert "Apache-2.0" in readme
    for doc_id in [rec["id"] for rec in _records()] + [p.stem for p in _html_pages()]:
        assert f"| {doc_id} |" in readme, doc_id
