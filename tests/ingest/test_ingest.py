from __future__ import annotations

import gzip
import io
import json
import logging
import os
import re
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.errors import InputError
from flashpoint.ingest import Rejected, read_documents, read_html, read_jsonl, read_text
from flashpoint.ingest.common import file_format, normalise_date
from flashpoint.records import Document

ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Crowd storms compound | Daily Example</title>
<meta property="og:title" content="Crowd storms compound">
<meta property="article:published_time" content="2019-12-31T22:15:00+03:00">
<meta property="og:site_name" content="Daily Example">
<link rel="canonical" href="https://news.example.org/2019/crowd-storms-compound">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Crowd storms compound</h1>
<p>A crowd forced its way into a walled compound on Tuesday, breaking a gate and burning a guard post,
witnesses told this newspaper by telephone.</p>
<p>Security forces fired tear gas to push them back, and by evening the square outside was quiet again.</p>
<p>Officials said nobody was hurt. An inquiry into the security lapse will report next month.</p>
</article><div class="comments"><p>First comment!</p></div></body></html>
"""


def docs_and_rejects(results) -> tuple[list[Document], list[InputError]]:
    docs = [r for r in results if isinstance(r, Document)]
    rejects = [r.error for r in results if isinstance(r, Rejected)]
    assert len(docs) + len(rejects) == len(results)
    return docs, rejects


# -- plain text -----------------------------------------------------------------------------------------------


def test_text_file_is_kept_verbatim(tmp_path):
    p = tmp_path / "report.txt"
    p.write_text("  Rebels shelled the town.\r\nTwo died.\n", encoding="utf-8", newline="")
    doc = read_text(p, published="2020-02-03T08:00:00Z")
    assert doc == Document(id="report", text="  Rebels shelled the town.\r\nTwo died.\n", published="2020-02-03",
                           origin=str(p))


def test_bom_is_dropped(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfRiot in Lagos.")
    assert read_text(p).text == "Riot in Lagos."


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "wide.txt"
    p.write_bytes("Riot in Lagos.".encode("utf-16"))
    assert read_text(p).text == "Riot in Lagos."


def test_latin1_text_is_accepted_with_a_warning(tmp_path, caplog):
    p = tmp_path / "old.txt"
    p.write_bytes("Protest in Montréal — «calme» ".encode("cp1252") + "Zürich".encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="flashpoint.ingest"):
        doc = read_text(p)
    assert isinstance(doc, Document) and doc.text == "Protest in Montréal — «calme» Zürich"
    (msg,) = [r.getMessage() for r in caplog.records]
    assert str(p) in msg and "byte 16" in msg and "not valid UTF-8" in msg and "UTF-8" in msg


def test_binary_file_is_rejected(tmp_path):
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    rej = read_text(p)
    assert isinstance(rej, Rejected) and "binary" in rej.error.reason
    assert str(rej).startswith(f"{p}: binary data") and "skipped" in str(rej)


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n"])
def test_empty_text_is_rejected(tmp_path, content):
    p = tmp_path / "blank.md"
    p.write_bytes(content)
    rej = read_text(p)
    assert isinstance(rej, Rejected) and rej.error.reason == "empty text" and rej.error.path == str(p)


def test_unreadable_file_is_rejected(tmp_path, monkeypatch):
    p = tmp_path / "secret.txt"
    p.write_text("text")

    def deny(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    rej = read_text(p)
    assert isinstance(rej, Rejected) and "Permission denied" in str(rej) and str(p) in str(rej)


def test_bad_published_argument_is_a_usage_error(tmp_path):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        list(read_documents([tmp_path], published="last Tuesday"))


# -- HTML -----------------------------------------------------------------------------------------------------


def test_html_article_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(ARTICLE, encoding="utf-8")
    doc = read_html(p, published="2000-01-01")
    assert isinstance(doc, Document)
    assert doc.title == "Crowd storms compound"
    assert doc.published == "2019-12-31"  # the page's own date wins over the fallback, local date kept
    assert doc.source == "Daily Example"
    assert doc.url == "https://news.example.org/2019/crowd-storms-compound"
    blocks = doc.text.split("\n\n")
    assert blocks[0] == "Crowd storms compound"
    assert blocks[1].startswith("A crowd forced its way") and blocks[-1].startswith("Officials said")
    assert "First comment" not in doc.text and "Home" not in doc.text


def test_truncated_html_still_yields_text(tmp_path):
    p = tmp_path / "cut.htm"
    cut = ARTICLE.index("Security forces") + 20
    p.write_text(ARTICLE[:cut], encoding="utf-8")
    doc = read_html(p)
    assert isinstance(doc, Document) and "A crowd forced its way" in doc.text


def test_html_in_latin1_declared_charset(tmp_path):
    p = tmp_path / "legacy.html"
    page = ARTICLE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("crowd forced", "foule forcée")
    p.write_bytes(page.encode("latin-1"))
    doc = read_html(p)
    assert isinstance(doc, Document) and "foule forcée" in doc.text


@pytest.mark.parametrize("page", ["<html><body></body></html>", "<html><head><title>x</title></head>", "<p>"])
def test_html_without_text_is_rejected(tmp_path, page):
    p = tmp_path / "empty.html"
    p.write_text(page)
    rej = read_html(p)
    assert isinstance(rej, Rejected) and rej.error.reason == "no text found in HTML"


# -- JSON Lines -----------------------------------------------------------------------------------------------

GOOD = {"id": "a", "text": "Troops clashed with rebels.", "published": "2019-12-31", "title": "Clash",
        "source": "Wire", "url": "https://example.org/a", "extra": [1, 2]}


def write_lines(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return path


def test_jsonl_good_lines_and_blank_lines(tmp_path):
    p = write_lines(tmp_path / "docs.jsonl", [
        json.dumps(GOOD).encode(),
        b"",
        b"   ",
        json.dumps({"id": 7, "text": "Second.", "date": "1987-02-26T15:01:01"}).encode(),
        json.dumps({"id": "c", "text": "Third.", "published": None}).encode(),
    ])
    docs, rejects = docs_and_rejects(list(read_jsonl(p, published="2001-09-11")))
    assert rejects == []
    assert docs[0] == Document("a", GOOD["text"], "Clash", "2019-12-31", "Wire", "https://example.org/a", f"{p}:1")
    assert (docs[1].id, docs[1].published, docs[1].origin) == ("7", "1987-02-26", f"{p}:4")
    assert (docs[2].id, docs[2].published) == ("c", "2001-09-11")


def test_jsonl_each_bad_line_is_reported_and_the_rest_read(tmp_path):
    lines = [
        json.dumps(GOOD).encode(),  # 1
        b'{"id": "b", "text": "unterminated',  # 2 malformed JSON
        b'{"id": "c", "title": "no text"}',  # 3 missing text
        b'{"id": "d", "text": ["a", "list"]}',  # 4 non-string text
        b'{"id": "e", "text": "   "}',  # 5 empty text
        b'["not", "an", "object"]',  # 6
        b'{"id": {"x": 1}, "text": "dict id"}',  # 7
        b'{"id": "h", "text": "bin\x00ary"}',  # 8 NUL byte
        b'{"id": "i", "text": "\\ud83d alone"}',  # 9 lone surrogate escape
        json.dumps({**GOOD, "id": "last"}).encode(),  # 10
    ]
    p = write_lines(tmp_path / "bad.jsonl", lines)
    docs, rejects = docs_and_rejects(list(read_jsonl(p)))
    assert [d.id for d in docs] == ["a", "last"]
    assert [r.line for r in rejects] == [2, 3, 4, 5, 6, 7, 8, 9]
    reasons = [r.reason for r in rejects]
    assert reasons[0].startswith("malformed JSON")
    assert reasons[1:7] == [
        'missing "text" field',
        '"text" must be a string, found an array',
        "empty text",
        "expected a JSON object, found an array",
        '"id" must be a string or a number, found an object',
        "binary data (NUL byte) in line",
    ]
    assert "surrogate" in reasons[7]
    assert str(rejects[1]) == (
        f'{p}:3 (byte {rejects[1].offset}): missing "text" field — '
        'each line needs one JSON object {"id": ..., "text": ...}; line skipped'
    )
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line) + 1)
    assert rejects[1].offset == line_starts[2]
    # the malformed-JSON offset points at the byte where parsing failed: the end of line 2
    assert rejects[0].offset == line_starts[1] + len(lines[1])
    assert rejects[6].offset == line_starts[7] + lines[7].index(b"\x00")


def test_jsonl_line_in_latin1_is_kept_with_a_warning(tmp_path, caplog):
    p = write_lines(tmp_path / "mixed.jsonl", [
        json.dumps(GOOD).encode(),
        '{"id": "fr", "text": "Manifestation à Genève"}'.encode("latin-1"),
    ])
    with caplog.at_level(logging.WARNING, logger="flashpoint.ingest"):
        docs, rejects = docs_and_rejects(list(read_jsonl(p)))
    assert rejects == [] and docs[1].text == "Manifestation à Genève"
    assert any(f"{p}:2" in r.getMessage() for r in caplog.records)


def test_jsonl_missing_id_gets_one(tmp_path, caplog):
    p = write_lines(tmp_path / "noid.jsonl", [b'{"text": "No id here."}'])
    with caplog.at_level(logging.WARNING, logger="flashpoint.ingest"):
        (doc,) = read_jsonl(p)
    assert doc.id == "noid-1" and "no \"id\"" in caplog.text


def test_jsonl_unreadable_date_falls_back(tmp_path, caplog):
    p = write_lines(tmp_path / "d.jsonl", [b'{"id": "x", "text": "t", "published": "someday"}'])
    with caplog.at_level(logging.WARNING, logger="flashpoint.ingest"):
        (doc,) = read_jsonl(p, published="2020-05-05")
    assert doc.published == "2020-05-05" and "someday" in caplog.text


def test_json_array_file(tmp_path):
    p = tmp_path / "docs.json"
    p.write_text('[\n  {"id": "a", "text": "one"},\n  {"id": "b"},\n  {"id": "c", "text": "three"}\n]\n')
    docs, rejects = docs_and_rejects(list(read_jsonl(p)))
    assert [d.id for d in docs] == ["a", "c"] and [d.origin for d in docs] == [f"{p}:2", f"{p}:4"]
    assert [(r.line, r.reason) for r in rejects] == [(3, 'missing "text" field')]


def test_json_single_object_file(tmp_path):
    p = tmp_path / "one.json"
    p.write_text('{\n "id": "solo",\n "text": "just one"\n}\n')
    assert [d.id for d in read_jsonl(p)] == ["solo"]


def test_broken_json_object_file_is_one_error(tmp_path):
    p = tmp_path / "broken.json"
    p.write_text('{\n "id": "solo",\n "text": "just one"\n')
    (rej,) = read_jsonl(p)
    assert isinstance(rej, Rejected) and rej.error.line == 4 and "malformed JSON" in rej.error.reason


def test_gzipped_jsonl_and_binary_jsonl(tmp_path):
    gz = tmp_path / "feed.jsonl.gz"
    gz.write_bytes(gzip.compress(json.dumps(GOOD).encode() + b"\n{bad\n"))
    docs, rejects = docs_and_rejects(list(read_documents([gz])))
    assert [d.origin for d in docs] == [f"{gz}:1"] and [(r.line, r.path) for r in rejects] == [(2, str(gz))]
    fake = tmp_path / "packed.jsonl"  # compressed data under a plain suffix: one error, not one per "line"
    fake.write_bytes(gzip.compress(os.urandom(20000)))
    assert len(fake.read_bytes().split(b"\n")) > 10
    (rej,) = read_jsonl(fake)
    assert isinstance(rej, Rejected) and rej.error.reason.startswith("binary file")
    broken = tmp_path / "cut.jsonl.gz"
    broken.write_bytes(gzip.compress(json.dumps(GOOD).encode() * 50)[:40])
    (rej,) = read_jsonl(broken)
    assert isinstance(rej, Rejected) and rej.error.path == str(broken)


def test_stdin(monkeypatch):
    data = json.dumps(GOOD).encode() + b"\nnot json\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs, rejects = docs_and_rejects(list(read_documents(["-"])))
    assert docs[0].origin == "<stdin>:1" and rejects[0].path == "<stdin>" and rejects[0].line == 2


# -- directories and dispatch ---------------------------------------------------------------------------------


def test_directory_with_a_mix(tmp_path):
    root = tmp_path / "in"
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text("ref: hidden")
    (root / ".hidden.txt").write_text("hidden")
    (root / "a.txt").write_text("First report.")
    (root / "b" / "page.html").write_text(ARTICLE)
    (root / "b" / "deep" / "notes.log").write_text("A text file with an unknown suffix.")
    (root / "b" / "deep" / "feed.jsonl").write_bytes(json.dumps(GOOD).encode() + b"\n{oops\n")
    (root / "c.bin").write_bytes(bytes(range(256)) * 4)
    (root / "d.txt").write_bytes(b"")
    (root / "e.txt").write_bytes("Caf\xe9 bombing".encode("latin-1"))
    (root / "f.txt").symlink_to(root / "gone.txt")  # a dangling link: unreadable
    (root / "g.json").write_text("<html><body><p>wrong suffix</p></body></html>")
    results = list(read_documents([root, tmp_path / "nope.txt"]))
    docs, rejects = docs_and_rejects(results)
    # sorted by relative path; the JSON Lines file's documents carry their own ids
    assert [d.id for d in docs] == ["a", "a", "b/deep/notes", "b/page", "e"]
    origins = [d.origin for d in docs]
    assert origins[1] == f"{root / 'b' / 'deep' / 'feed.jsonl'}:1"
    assert docs[4].text == "Café bombing"
    by_path = {Path(r.path).name: r for r in rejects}
    assert set(by_path) == {"feed.jsonl", "c.bin", "d.txt", "f.txt", "g.json", "nope.txt"}
    assert by_path["feed.jsonl"].line == 2
    assert by_path["c.bin"].reason.startswith("binary file")
    assert by_path["d.txt"].reason == "empty text"
    assert "cannot read file" in by_path["f.txt"].reason
    assert "malformed JSON" in by_path["g.json"].reason
    assert by_path["nope.txt"].reason == "no such file or directory"
    for r in rejects:
        assert str(r).startswith(r.path) and " — " in str(r)


def test_single_file_id_is_its_stem(tmp_path):
    p = tmp_path / "story.md"
    p.write_text("# Heading\n\nBody.")
    (doc,) = read_documents(str(p))  # a lone path is not iterated character by character
    assert doc.id == "story" and doc.origin == str(p)


@pytest.mark.parametrize(("value", "expected"), [
    ("2019-12-31", "2019-12-31"),
    ("2019-12-31T23:30:00-05:00", "2019-12-31"),
    ("2019-12-31T10:00:00Z", "2019-12-31"),
    ("2019-12-31 10:00", "2019-12-31"),
    ("Tue, 31 Dec 2019 10:00:00 +0300", "2019-12-31"),
    ("31 December 2019", "2019-12-31"),
    ("December 31, 2019", "2019-12-31"),
    ("2019-02-30", None),
    ("yesterday", None),
    (20191231, None),
])
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


# -- property: the JSONL reader never raises and accounts for every line --------------------------------------

line_bytes = st.one_of(
    st.binary(max_size=40),
    st.text(max_size=40).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.builds(lambda d: json.dumps(d).encode(), st.dictionaries(
        st.sampled_from(["id", "text", "title", "published", "date", "source", "url", "x"]),
        st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20), st.lists(st.integers(), max_size=2)),
    )),
).map(lambda b: b.replace(b"\n", b" "))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line_bytes, max_size=12).filter(lambda ls: not file_format(b"\n".join(ls))))
def test_jsonl_reader_accounts_for_every_line(lines):
    """Every non-blank line yields one result carrying its line number (files that open with the magic
    number of a compressed or binary format are rejected whole: see test_gzipped_jsonl_and_binary_jsonl)."""
    logger = logging.getLogger("flashpoint.ingest")
    level = logger.level
    logger.setLevel(logging.ERROR)  # the fallback-decoding warnings are expected here
    try:
        with tempfile.TemporaryDirectory() as tmp:
            p = Path(tmp) / "fuzz.jsonl"
            p.write_bytes(b"\n".join(lines))
            results = list(read_jsonl(p))
    finally:
        logger.setLevel(level)
    expected = [i for i, line in enumerate(lines, start=1) if line.strip()]
    got = []
    for r in results:
        if isinstance(r, Document):
            assert r.text.strip() and r.origin is not None
            got.append(int(r.origin.rsplit(":", 1)[1]))
            assert r.published is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.published)
        else:
            assert isinstance(r, Rejected) and r.error.path == str(p) and r.error.reason and r.error.hint
            got.append(r.error.line)
            line_start = sum(len(line) + 1 for line in lines[: r.error.line - 1])
            assert r.error.offset is None or line_start <= r.error.offset <= line_start + len(lines[r.error.line - 1])
    assert got == expected


def test_reading_does_not_leak_file_handles(tmp_path):
    p = write_lines(tmp_path / "x.jsonl", [json.dumps(GOOD).encode()] * 3)
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(50):
        list(read_jsonl(p))
    assert len(os.listdir("/proc/self/fd")) <= before + 1
