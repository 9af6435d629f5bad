"""The dashboard in a real browser: `flashpoint demo` builds a store, `flashpoint serve` serves it, headless
Chromium (Debian's, driven by Playwright) checks the map, the country filter, the timeline brush and the evidence
view, and saves screenshots under docs/img/.

Skipped, with the reason, where Playwright or Chromium is not installed (.ci/run installs both).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("FLASHPOINT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-dev-shm-usage", "--no-first-run"]
# Screenshots go to docs/img/ (the README shows them) only when asked, so a test run leaves the tree clean:
# FLASHPOINT_SCREENSHOTS=1 python -m pytest tests/web
IMG = (Path(__file__).resolve().parents[2] / "docs" / "img") if os.environ.get("FLASHPOINT_SCREENSHOTS") else \
    Path(tempfile.gettempdir()) / "flashpoint-screenshots"

REQUIRED = os.environ.get("FLASHPOINT_REQUIRE_BROWSER") == "1"  # .ci/run sets it: there a skip is a failure


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"{reason} (FLASHPOINT_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


try:
    from playwright import sync_api
except ImportError:
    _unavailable("playwright is not installed: pip install -e '.[dev]' to run the browser tests")
if not Path(CHROMIUM).exists():
    _unavailable(f"no Chromium at {CHROMIUM}: apt-get install -y chromium chromium-driver (or set "
                 "FLASHPOINT_CHROMIUM) to run the browser tests")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


def flashpoint(*args: str) -> list[str]:
    return [sys.executable, "-m", "flashpoint.cli", *args]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "demo.duckdb"
    built = subprocess.run(flashpoint("demo", "--db", str(db)), capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    port = free_port()
    log = open(db.with_suffix(".log"), "w")  # noqa: SIM115 - closed at teardown
    proc = subprocess.Popen(flashpoint("serve", "--db", str(db), "--port", str(port)), stdout=log,
                            stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):  # wait for it to listen (at most ~30 s)
        if proc.poll() is not None:
            break
        try:
            get(base + "/health")
            break
        except OSError:
            time.sleep(0.1)
    if proc.poll() is not None:
        log.close()
        pytest.fail(f"flashpoint serve exited: {db.with_suffix('.log').read_text()}")
    yield base
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, errors


def total(page) -> int:
    return int(page.get_attribute("#count", "data-total"))


def test_map_shows_markers_and_country_filter_changes_the_count(server, page):
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_selector("#map .fp-point, #map .fp-cluster")
    markers = page.locator("#map .fp-point, #map .fp-cluster").count()
    assert markers > 0
    assert int(page.get_attribute("#map", "data-points")) > 0
    assert page.locator("#dyads .fp-actor").count() > 0
    assert page.locator("#timeline rect.fp-bar").count() > 0
    everything = total(page)
    assert everything == get(server + "/events?limit=1")["total"]
    page.wait_for_timeout(300)
    IMG.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(IMG / "dashboard.png"), full_page=True)

    page.select_option("select[name=country]", "IRQ")
    page.wait_for_function(f"document.querySelector('#count').dataset.total != '{everything}'")
    iraq = total(page)
    assert iraq == get(server + "/events?country=IRQ&limit=1")["total"]
    assert 0 < iraq < everything
    assert "country=IRQ" in page.url
    rows = page.locator("#table tbody tr").count()
    assert rows == min(iraq, 50)
    places = page.locator("#table tbody td.place").all_inner_texts()
    assert all(p.endswith("IRQ") for p in places)
    page.wait_for_timeout(300)
    page.screenshot(path=str(IMG / "dashboard-country.png"), full_page=True)

    # the filter lives in the URL: a fresh page opened on it shows the same count
    page.goto(page.url)
    page.wait_for_selector("body[data-ready='1']")
    assert total(page) == iraq and page.input_value("select[name=country]") == "IRQ"


def test_timeline_brush_filters_by_date(server, page):
    page.goto(server + "/?country=IRQ")
    page.wait_for_selector("body[data-ready='1']")
    before = total(page)
    box = page.locator("#timeline svg").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.45, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=8)
    page.mouse.up()
    page.wait_for_function("new URL(location.href).searchParams.has('since')")
    page.wait_for_function(f"document.querySelector('#count').dataset.total != '{before}'")
    params = dict(p.split("=") for p in page.url.split("?")[1].split("&"))
    expected = get(server + f"/events?country=IRQ&since={params['since']}&until={params['until']}&limit=1")["total"]
    assert total(page) == expected < before


def test_evidence_view_highlights_the_right_span(server, page):
    linked = next(e for e in get(server + "/events?limit=1000&sort=-fatalities")["events"] if e["links"])
    detail = get(server + f"/events/{linked['event_id']}")
    page.goto(server + f"/?event={linked['event_id']}")
    page.wait_for_selector(f"#record[data-loaded='{linked['event_id']}']")
    for ev in detail["evidence"]:
        marks = page.locator(f"#record mark.evidence[data-seq='{ev['seq']}']")
        assert "".join(marks.all_text_contents()) == ev["text"]
        assert marks.first.get_attribute("data-start") == str(ev["start"])
        trigger = page.locator(f"#record mark.evidence[data-seq='{ev['seq']}'] mark.trigger")
        assert ev["trigger"]["text"] in trigger.all_text_contents()
    # the whole article is there around the highlight
    doc = get(server + f"/documents/{detail['evidence'][0]['doc_sha256']}")["document"]
    article = page.locator(f"#record .article[data-doc='{doc['sha256']}']")
    assert article.text_content() == doc["text"]
    assert page.text_content("#record dd[data-field=modality]") == linked["modality"]
    page.screenshot(path=str(IMG / "evidence.png"))

    # following a link opens the linked event
    target = linked["links"][0]["event_id"]
    page.click(f"#record ul.links a[data-event='{target}']")
    page.wait_for_selector(f"#record[data-loaded='{target}']")
    assert f"event={target}" in page.url


def test_clicking_a_table_row_opens_its_record(server, page):
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']")
    row = page.locator("#table tbody tr").first
    event_id = row.get_attribute("data-event")
    row.click()
    page.wait_for_selector(f"#record[data-loaded='{event_id}']")
    assert page.locator("#record mark.evidence").count() > 0
    page.keyboard.press("Escape")
    page.wait_for_selector("#record", state="hidden")
    assert "event=" not in page.url
