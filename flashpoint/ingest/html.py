"""HTML pages (.html, .htm): the article text via trafilatura, plus title, date and site name.

The text keeps one block (heading, paragraph, list, caption written as a plain paragraph) per paragraph,
separated by blank lines, so later stages can tell a headline or caption from the body. Captions marked up
as ``<figure>`` are dropped by trafilatura, comments are excluded. A truncated page yields whatever text it
has; a page with no text at all is rejected.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urlparse

from flashpoint.ingest.common import Rejected, binary_reason, decode, fallback_date, reject, resolve_published
from flashpoint.ingest.text import read_bytes
from flashpoint.records import Document

log = logging.getLogger("flashpoint.ingest")

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_html(path: str | Path, *, published: str | None = None, doc_id: str | None = None) -> Document | Rejected:
    """Read one HTML file; ``doc_id`` defaults to the file stem, ``published`` is the fallback date."""
    name = str(path)
    fallback = fallback_date(published)
    data = read_bytes(path)
    if isinstance(data, Rejected):
        return data
    why = binary_reason(data)
    if why:
        return reject(name, why, "not an HTML file; file skipped")
    m = _CHARSET.search(data[:4096])
    html = decode(data, name, declared=m.group(1).decode("ascii") if m else None)
    if isinstance(html, Rejected):
        return html
    if not html.strip():
        return reject(name, "empty text", "the file is empty; file skipped")
    if not re.search(r"</(html|body)\s*>", html[-4096:], re.IGNORECASE):
        log.warning("%s: HTML looks truncated (no closing </body> or </html>); reading what is there", name)
    return html_to_document(html, name, fallback=fallback, doc_id=doc_id or Path(path).stem)


def html_to_document(html: str, origin: str, *, fallback: str | None, doc_id: str) -> Document | Rejected:
    """Extract the article text and metadata from an HTML string."""
    import trafilatura  # slow to import: only when HTML is read
    from trafilatura.xml import xmltotxt

    text, meta = "", None
    try:
        meta = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as e:  # noqa: BLE001 - a parser failure on one page must not stop the batch
        log.warning("%s: trafilatura failed (%s); falling back to the page's plain text", origin, e)
    if meta is not None and meta.body is not None:
        blocks = (xmltotxt(el, include_formatting=False).strip() for el in meta.body)
        text = "\n\n".join(b for b in blocks if b)
    if not text.strip():
        try:
            text = trafilatura.baseline(html)[1]
        except Exception:  # noqa: BLE001
            text = ""
    if not text.strip():
        return reject(origin, "no text found in HTML",
                      "the page has no readable article text (empty, script-rendered or cut off early); file skipped")
    title = source = url = None
    date_value = None
    if meta is not None:
        title = meta.title or None
        date_value = meta.date
        url = meta.url or None
        source = meta.sitename or meta.hostname or (urlparse(url).hostname if url else None)
    return Document(
        id=doc_id,
        text=text,
        title=title,
        published=resolve_published(date_value, fallback, origin),
        source=source,
        url=url,
        origin=origin,
    )

