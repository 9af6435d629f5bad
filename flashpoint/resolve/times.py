"""Time expressions: find them in text and resolve them against the document's publication date.

The normaliser returns TIMEX3-style values ("2019-12-29", "2019-W52", "2019-12", "PAST_REF", "P3D") and, for
events, a ``DateSpan`` (start, end, precision). Weekdays without a tense cue resolve to the nearest day on or
before the publication date, as news reports mostly tell what already happened.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from flashpoint.records import DateSpan

WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
WEEKDAYS.update({d.lower(): i for i, d in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3})
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3, "few": 3,
}
UNIT_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y", "hour": "H", "minute": "M"}

_WD = r"(?P<wd>mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?(?!\w)"
_MON = (r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
        r"(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)?\.?(?!\w)")
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few)"

# Order matters: longer, more specific patterns first. Each pattern has a name used by ``_resolve``.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("dmy", r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MON + r",?\s+(?P<y>(?:19|20)\d\d)\b"),
    ("mdy", r"\b" + _MON + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"),
    ("dm", r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MON),
    ("md", r"\b" + _MON + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?(?:19|20)\d\d)(?![\d:])"),
    ("my", r"\b(?:(?:early|late|mid)[- ])?" + _MON + r"\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b"),
    ("ago", r"\b(?P<n>" + _NUM + r")\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier|before)\b"),
    ("rel_day", r"\b(?P<w>yesterday|today|tonight|tomorrow|this morning|this afternoon|this evening|last night"
                r"|overnight|earlier today|earlier in the day)\b"),
    ("rel_unit", r"\b(?P<rel>last|this|next|past|previous|coming|earlier this|later this|early this|late last"
                 r"|earlier last|early last)\s+(?P<unit>week|month|year|weekend)\b"),
    ("wd", r"\b(?P<mod>(?:late|early|on|last|this|next|(?:late |early )?on)\s+)?" + _WD
           + r"(?P<part>\s+(?:morning|afternoon|evening|night))?"),
    ("mon", r"\b(?P<mod>(?:in|since|by|early|late|mid|last|this|next|(?:earlier|later) this)[- ](?:in\s+)?)" + _MON
            + r"(?!\s+\d)"),
    ("year", r"\b(?P<mod>in|since|during|by|of)\s+(?P<y>(?:19|20)\d\d)\b"),
]
_COMPILED = [(name, re.compile(p, re.I)) for name, p in _PATTERNS]
_TODAY_WORDS = {"today", "tonight", "this morning", "this afternoon", "this evening", "earlier today",
                "earlier in the day"}


@dataclass(slots=True)
class TimeExpression:
    """One time expression: offsets into the text it was found in, its TIMEX3 type and value, and its span."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str
    span: DateSpan | None


def parse_date(value: str | None) -> date | None:
    """ISO date (or datetime) string -> date; None when missing or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _week_span(d: date) -> DateSpan:
    monday = d - timedelta(days=d.weekday())
    return DateSpan(monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week")


def _month_span(y: int, m: int) -> DateSpan:
    last = calendar.monthrange(y, m)[1]
    return DateSpan(date(y, m, 1).isoformat(), date(y, m, last).isoformat(), "month")


def _year_span(y: int) -> DateSpan:
    return DateSpan(f"{y:04d}-01-01", f"{y:04d}-12-31", "year")


def _day(d: date) -> DateSpan:
    return DateSpan(d.isoformat(), d.isoformat(), "day")


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int, anchor: date) -> int:
    """The year of a day-and-month date: the anchor's year unless that puts it more than ~2 months ahead."""
    cand = _safe_date(anchor.year, month, min(day, 28 if month == 2 else day))
    if cand and (cand - anchor).days > 60:
        return anchor.year - 1
    if cand and (anchor - cand).days > 300:
        return anchor.year + 1
    return anchor.year


def _num(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return NUMBER_WORDS.get(w)


def _month_of(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")[:4] if token.lower().startswith("sept") else token.lower()[:3]]


def _resolve(name: str, m: re.Match[str], anchor: date | None, future: bool) -> tuple[str, str, DateSpan | None]:
    """(type, TIMEX value, span) for one match."""
    g = m.groupdict()
    if name == "iso" or name in ("dmy", "mdy"):
        y = int(g["y"])
        mo = int(g["m"]) if name == "iso" else _month_of(g["mon"])
        d = _safe_date(y, mo, int(g["d"]))
        return ("DATE", d.isoformat(), _day(d)) if d else ("DATE", "XXXX-XX-XX", None)
    if name in ("dm", "md"):
        mo = _month_of(g["mon"])
        day = int(g["d"])
        if anchor is None:
            return "DATE", f"XXXX-{mo:02d}-{day:02d}", None
        d = _safe_date(_infer_year(mo, day, anchor), mo, day)
        return ("DATE", d.isoformat(), _day(d)) if d else ("DATE", "XXXX-XX-XX", None)
    if name == "my":
        y, mo = int(g["y"]), _month_of(g["mon"])
        return "DATE", f"{y:04d}-{mo:02d}", _month_span(y, mo)
    if name == "year":
        y = int(g["y"])
        return "DATE", f"{y:04d}", _year_span(y)
    if anchor is None:
        return "DATE", "PAST_REF", None
    if name == "ago":
        n = _num(g["n"]) or 1
        unit = g["unit"].lower()
        if unit == "day":
            d = anchor - timedelta(days=n)
            return "DATE", d.isoformat(), _day(d)
        if unit == "week":
            span = _week_span(anchor - timedelta(weeks=n))
            iso = date.fromisoformat(span.start).isocalendar()  # type: ignore[arg-type]
            return "DATE", f"{iso[0]}-W{iso[1]:02d}", span
        if unit == "month":
            y, mo = anchor.year, anchor.month - n
            while mo < 1:
                mo += 12
                y -= 1
            return "DATE", f"{y:04d}-{mo:02d}", _month_span(y, mo)
        return "DATE", f"{anchor.year - n:04d}", _year_span(anchor.year - n)
    if name == "rel_day":
        w = g["w"].lower()
        if w in _TODAY_WORDS:
            value = "PRESENT_REF" if w == "today" and False else anchor.isoformat()
            return "DATE", value, _day(anchor)
        if w == "tomorrow":
            d = anchor + timedelta(days=1)
        else:  # yesterday, last night, overnight
            d = anchor - timedelta(days=1)
        return "DATE", d.isoformat(), _day(d)
    if name == "rel_unit":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = {"last": -1, "past": -1, "previous": -1, "late last": -1, "earlier last": -1, "early last": -1,
                "next": 1, "coming": 1}.get(rel, 0)
        if unit in ("week", "weekend"):
            ref = anchor + timedelta(weeks=step)
            span = _week_span(ref)
            iso = date.fromisoformat(span.start).isocalendar()  # type: ignore[arg-type]
            if unit == "weekend":
                sat = date.fromisoformat(span.start) + timedelta(days=5)  # type: ignore[arg-type]
                if step == 0 and sat > anchor:
                    sat -= timedelta(weeks=1)
                return "DATE", f"{iso[0]}-W{iso[1]:02d}-WE", DateSpan(
                    sat.isoformat(), (sat + timedelta(days=1)).isoformat(), "range")
            return "DATE", f"{iso[0]}-W{iso[1]:02d}", span
        if unit == "month":
            y, mo = anchor.year, anchor.month + step
            if mo < 1:
                y, mo = y - 1, 12
            if mo > 12:
                y, mo = y + 1, 1
            span = _month_span(y, mo)
            if rel.startswith("earlier this") and step == 0:
                span = DateSpan(span.start, anchor.isoformat(), "month")
            return "DATE", f"{y:04d}-{mo:02d}", span
        y = anchor.year + step
        return "DATE", f"{y:04d}", _year_span(y)
    if name == "wd":
        wd = WEEKDAYS[g["wd"].lower()[:3]]
        mod = (g.get("mod") or "").strip().lower()
        delta = (anchor.weekday() - wd) % 7
        if mod in ("next",) or future:
            ahead = (wd - anchor.weekday()) % 7 or 7
            d = anchor + timedelta(days=ahead)
        elif mod == "last" and delta == 0:
            d = anchor - timedelta(days=7)
        else:
            d = anchor - timedelta(days=delta)
        return "DATE", d.isoformat(), _day(d)
    if name == "mon":
        mo = _month_of(g["mon"])
        mod = (g.get("mod") or "").strip().lower()
        y = anchor.year
        if mod.startswith("next") or (future and mo < anchor.month):
            y = anchor.year + (1 if mo <= anchor.month else 0)
        elif mo > anchor.month or (mod.startswith("last") and mo >= anchor.month):
            y = anchor.year - 1
        return "DATE", f"{y:04d}-{mo:02d}", _month_span(y, mo)
    return "DATE", "XXXX", None


def find_times(text: str, published: str | None, *, future: bool = False) -> list[TimeExpression]:
    """Every time expression in ``text`` (non-overlapping, leftmost-longest), resolved against ``published``."""
    anchor = parse_date(published)
    taken: list[tuple[int, int]] = []
    found: list[TimeExpression] = []
    for name, rx in _COMPILED:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and e > ts for ts, te in taken):
                continue
            # "may" is a modal far more often than a month: only accept it with a day or year next to it.
            mon = m.groupdict().get("mon")
            if mon and mon.lower() == "may" and name in ("mon",):
                continue
            if name == "wd" and text[s:e].lower().strip().startswith(("mar", "sun ")):
                pass
            typ, value, span = _resolve(name, m, anchor, future)
            if span is not None:
                span.text = m.group(0)
            # Drop a leading preposition from the reported mention ("on Sunday" -> "Sunday").
            lead = re.match(r"(?:on|in|since|during|by|of)\s+", m.group(0), re.I)
            ms = s + (lead.end() if lead else 0)
            found.append(TimeExpression(text=text[ms:e], start=ms, end=e, type=typ, value=value, span=span))
            taken.append((s, e))
    found.sort(key=lambda t: t.start)
    return found


def published_span(published: str | None) -> DateSpan:
    """The fallback date of an event with no governing time expression."""
    d = parse_date(published)
    if d is None:
        return DateSpan(None, None, "unknown")
    return DateSpan(d.isoformat(), d.isoformat(), "day")
