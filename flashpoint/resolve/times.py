"""Time expressions: find them in text and resolve them against the document's publication date.

``find_times`` returns TIMEX3-style expressions: a type (DATE, TIME, DURATION, SET) and a value ("2019-12-29",
"2019-W52", "2019-12", "1998-Q3", "1998-SU", "199" for the 1990s, "PRESENT_REF", "P3D", "1998-12-03TMO",
"XXXX-WXX-1") and, for expressions that date something, a ``DateSpan`` (start, end, precision). Durations,
sets, vague references (PAST_REF, FUTURE_REF), clock times with no day and years or months that name a thing
("the 1954 Hague Convention", "June salaries") have no span; PRESENT_REF has the publication day; "late
October" spans the last third of the month, "since May" runs to the publication date, and both ends of
"from May to July" carry the whole range.

Underspecified dates ("Tuesday", "in March", "on 5 July") take the verb tense around them: the nearest cue
("will", "was", "-ed" verbs, "scheduled"; a comma in between weakens it) picks the past or the future
occurrence; with no cue a weekday is the nearest day on or before the publication date, as news mostly tells
what already happened, and a month or day is the nearest occurrence. Without a publication date relative
expressions get X values ("XXXX-WXX-5") and no span.

Everything is regular expressions compiled once at import; each pattern runs only where a cheap keyword test
(its gate) finds a word it needs. Word lists (reference words, sets, tense cues, holidays) are in
``data/time_words.csv``.
"""

from __future__ import annotations

import calendar
import csv
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib.resources import files

from flashpoint.records import DateSpan

# ---------------------------------------------------------------------------------------------------------------
# Lexicon

WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
WEEKDAYS.update({d.lower(): i for i, d in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3, "satur": 5})
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_UNIT_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEEN_WORDS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
               "nineteen"]
_TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {"a": 1, "an": 1, "zero": 0, "dozen": 12}
NUMBER_WORDS.update({w: i + 1 for i, w in enumerate(_UNIT_WORDS)})
NUMBER_WORDS.update({w: i + 10 for i, w in enumerate(_TEEN_WORDS)})
NUMBER_WORDS.update({w: (i + 2) * 10 for i, w in enumerate(_TENS_WORDS)})
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
_VAGUE = {"several", "few", "a few", "some", "many", "dozens of", "a number of",
          "a handful of"}
# unit key (first three letters) -> (TIMEX3 letter, is a clock unit, multiplier)
_UNIT = {"sec": ("S", True, 1), "min": ("M", True, 1), "hou": ("H", True, 1), "day": ("D", False, 1),
         "wee": ("W", False, 1), "for": ("W", False, 2), "mon": ("M", False, 1), "qua": ("M", False, 3),
         "yea": ("Y", False, 1), "dec": ("Y", False, 10), "cen": ("Y", False, 100), "mil": ("Y", False, 1000)}
# letters for a vague number of the large units (the TimeBank convention)
_VAGUE_LETTER = {"dec": "E", "cen": "C", "mil": "L", "qua": "M", "for": "W"}
# a fractional part in the next smaller unit: key -> (sub-letter, is clock, factor)
_SUBUNIT = {"yea": ("M", False, 12), "mon": ("D", False, 30), "wee": ("D", False, 7), "day": ("H", True, 24),
            "hou": ("M", True, 60), "min": ("S", True, 60)}
_POD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI",
        "dawn": "MO", "daybreak": "MO", "dusk": "EV", "nightfall": "EV"}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_INDEX = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}
_SEASON_START = {0: 3, 1: 6, 2: 9, 3: 12}
_DECADE_WORDS = {w + "ies": (i + 2) * 10 for i, w in enumerate(
    ["twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"])}
# month names that are also common words: only taken when capitalised
_AMBIGUOUS_LOWER = {"march", "may", "august", "mar", "jun", "jul", "aug", "sat", "sun", "wed", "jan", "dec",
                    "sep", "oct", "nov", "feb", "apr", "mon", "tue", "thu", "fri"}
# capitalised words that turn a weekday into a named day ("Good Friday", "Bloody Sunday")
_NAMED_DAYS = {"good", "black", "ash", "palm", "easter", "bloody", "super", "holy", "maundy", "shrove", "cyber",
               "whit", "low", "mothering", "trinity", "rogation", "passion", "giving"}


def _load_words() -> tuple[dict[str, str], dict[str, str], set[str], set[str], dict[str, str]]:
    refs: dict[str, str] = {}
    holidays: dict[str, str] = {}
    sets: dict[str, str] = {}
    future: set[str] = set()
    past: set[str] = set()
    path = files("flashpoint") / "data" / "time_words.csv"
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            word, kind, value = row["word"].strip().lower(), row["kind"].strip(), (row["value"] or "").strip()
            if kind == "ref":
                refs[word] = value
            elif kind == "set":
                sets[word] = value
            elif kind == "future":
                future.add(word)
            elif kind == "past":
                past.add(word)
            elif kind == "holiday":
                holidays[word] = value
            else:
                raise ValueError(f"time_words.csv: unknown kind {kind!r} for {word!r}; "
                                 "use ref, set, future, past or holiday")
    return refs, sets, future, past, holidays


REF_WORDS, SET_WORDS, FUTURE_CUES, PAST_CUES, HOLIDAYS = _load_words()


def _alt(words: object) -> str:
    """A regex alternation of literal words, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))  # type: ignore


# ---------------------------------------------------------------------------------------------------------------
# Regex building blocks

_B = r"(?<![\w'-])"  # start of a word (hyphens and apostrophes glue words)
_E = r"(?![\w])"
_U = "|".join(_UNIT_WORDS)
_T = "|".join(_TEEN_WORDS)
_X = "|".join(_TENS_WORDS)
_SMALL = rf"(?:(?:{_X})(?:[- ](?:{_U}))?|{_T}|{_U})"
_HUNDRED = rf"(?:(?:a|{_U})\s+hundred(?:\s+(?:and\s+)?{_SMALL})?)"
_CARD = rf"(?:(?:{_HUNDRED}|{_SMALL}|a)\s+thousand|{_HUNDRED}|{_SMALL})"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+\d/\d)?"
_NUM = (rf"(?:{_DIGITS}|{_CARD}(?:\s+and\s+a\s+half)?|a\s+(?:couple\s+of|few|dozen|handful\s+of|number\s+of)"
        r"|couple\s+of|dozens\s+of|half\s+an?|an?|several|few|some|many)")
_MOD = (r"(?:about|around|approximately|roughly|nearly|almost|some|over|more\s+than|less\s+than|fewer\s+than"
        r"|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|not\s+more\s+than|just|only|barely"
        r"|under|close\s+to|(?:just|well)\s+(?:over|under)|the\s+better\s+part\s+of|an\s+additional|another)")
_UNITS = (r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?"
          r"|centur(?:y|ies)|millenni(?:um|ums|a))")
_ORDW = (rf"(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
         rf"|{_alt(_ORDINAL_WORDS)})")
_DAYNUM = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d)|{_ORDW})"
_SPOKEN_YEAR = (rf"(?:(?:nineteen|eighteen|seventeen)[- ](?:hundred(?:\s+(?:and\s+)?{_SMALL})?|oh[- ](?:{_U})"
                rf"|(?:{_X})(?:[- ](?:{_U}))?|{_T})|two\s+thousand(?:\s+(?:and\s+)?{_SMALL})?"
                rf"|twenty[- ](?:{_T}|(?:{_X})(?:[- ](?:{_U}))?))")
_YEAR4 = r"(?:1\d{3}|20\d\d)(?!\d|,\d{3}|\.\d|s\b|'s\b)"
_POD_RX = r"(?:morning|afternoon|evening|night)"
_TZ_NAME = (r"(?:[ECMPA][SD]T|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST|AEST|AEDT|Z|local\s+time|"
            r"(?:Baghdad|Beijing|Moscow|Tokyo|London|Paris|Washington|New\s+York)\s+time)")
_TZ = rf"(?:\s*(?:\({_TZ_NAME}\)|{_TZ_NAME}))"


def _mon(name: str = "mon") -> str:
    return (rf"(?P<{name}>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
            rf"|Aug(?:ust|\.)?|Sep(?:t(?:ember)?)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?!\w)")


def _wd(name: str = "wd") -> str:
    return (rf"(?P<{name}>Mon(?:day|\.)|Tue(?:sday|s?\.)|Wed(?:nesday|\.)|Thu(?:rsday|rs?\.)|Fri(?:day|\.)"
            rf"|Sat(?:urday|\.)|Sun(?:day|\.))(?!\w)")


def _year(name: str = "y") -> str:
    return rf"(?:(?P<{name}>{_YEAR4})|(?P<{name}s>{_SPOKEN_YEAR})|'(?P<{name}2>\d\d)(?![\w']))"


# ---------------------------------------------------------------------------------------------------------------
# Records


@dataclass(slots=True)
class TimeExpression:
    """One time expression: offsets into the text it was found in, its TIMEX3 type and value, and its span."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str
    span: DateSpan | None


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    type: str
    value: str
    span: DateSpan | None
    kind: str = ""  # day, weekday, relday, clock, pod, dtime, month, ...
    tod: str | None = None  # "T15:00", "TMO": a time of day waiting for a date


@dataclass(slots=True)
class _Ctx:
    text: str
    anchor: date | None
    future: bool
    _bounds: list[int] | None = None
    _cues: list[tuple[int, int]] | None = None
    _cue_pos: list[int] = field(default_factory=list)


def parse_date(value: str | None) -> date | None:
    """ISO date (or datetime) string -> date; None when missing or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def published_span(published: str | None) -> DateSpan:
    """The fallback date of an event with no governing time expression."""
    d = parse_date(published)
    if d is None:
        return DateSpan(None, None, "unknown")
    return DateSpan(d.isoformat(), d.isoformat(), "day")


# ---------------------------------------------------------------------------------------------------------------
# Calendar helpers


def _day(d: date) -> DateSpan:
    return DateSpan(d.isoformat(), d.isoformat(), "day")


def _range(a: date, b: date, precision: str = "range") -> DateSpan:
    return DateSpan(a.isoformat(), b.isoformat(), precision)  # type: ignore[arg-type]


def _week_span(d: date) -> DateSpan:
    monday = d - timedelta(days=d.weekday())
    return _range(monday, monday + timedelta(days=6), "week")


def _week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _month_span(y: int, m: int) -> DateSpan:
    return _range(date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month")


def _year_span(y: int) -> DateSpan:
    return _range(date(y, 1, 1), date(y, 12, 31), "year")


def _quarter_span(y: int, q: int) -> DateSpan:
    m = 3 * (q - 1) + 1
    return _range(date(y, m, 1), date(y, m + 2, calendar.monthrange(y, m + 2)[1]))


def _part(span: DateSpan, words: str) -> DateSpan:
    """Narrow a month or year span to the third named by "early", "mid", "late", "the end of", "the start of"."""
    w = words.lower()
    third = 0 if re.search(r"early|beginning|start", w) else 1 if re.search(r"mid|middle", w) else \
        2 if re.search(r"late|end", w) else None
    if third is None or span.start is None or span.end is None:
        return span
    a, b = date.fromisoformat(span.start), date.fromisoformat(span.end)
    if a.month == 1 and a.day == 1 and b.month == 12 and b.day == 31 and a.year == b.year:  # a year: Jan-Apr, ...
        lo = date(a.year, 1 + 4 * third, 1)
        hi = b if third == 2 else date(a.year, 5 + 4 * third, 1) - timedelta(days=1)
    else:  # a month: days 1-10, 11-20, 21 to the end
        lo = a + timedelta(days=10 * third)
        hi = b if third == 2 else a + timedelta(days=10 * third + 9)
    return _range(lo, hi)


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _valid_year(y: int) -> bool:
    return 1 <= y <= 9999


def _month_of(token: str) -> int:
    t = token.lower().rstrip(".")
    return MONTHS["sept" if t.startswith("sept") else t[:3]]


def _weekday_of(token: str) -> int:
    return WEEKDAYS[token.lower().rstrip(".")[:3]]


def _number(text: str | None) -> float | None:
    """A cardinal written in digits or words ("2 1/2", "twenty-four", "a hundred and ten"); None when vague."""
    if not text:
        return None
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in _VAGUE:
        return None
    if t in ("a couple of", "couple of"):
        return 2.0
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if t.startswith("half a") or t == "a half":
        return 0.5
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?: (\d)/(\d))?", t)
    if m:
        v = float(m.group(1).replace(",", ""))
        if m.group(2) and int(m.group(3)):
            v += int(m.group(2)) / int(m.group(3))
        return v + half
    total, current = 0, 0
    for w in re.split(r"[\s-]+", t):
        if w == "and":
            continue
        if w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif w in NUMBER_WORDS:
            current += NUMBER_WORDS[w]
        else:
            return None
    return total + current + half


def _spoken_year(text: str) -> int | None:
    t = re.sub(r"[\s-]+", " ", text.lower()).split(" ")
    if t[:2] == ["two", "thousand"]:
        n = _number(" ".join(t))
        return int(n) if n else None
    if t[0] in ("nineteen", "eighteen", "seventeen", "twenty"):
        head = NUMBER_WORDS[t[0]] * 100
        rest = t[1:]
        if rest and rest[0] == "oh":
            rest = rest[1:]
        if rest and rest[0] == "hundred":
            rest = rest[1:]
        tail = _number(" ".join(rest)) if rest else 0
        if tail is None or tail >= 100:
            return None
        return head + int(tail)
    return None


def _year_from(m: re.Match[str], name: str = "y") -> int | None:
    g = m.groupdict()
    if g.get(name):
        return int(g[name])
    if g.get(name + "s"):
        return _spoken_year(g[name + "s"])
    if g.get(name + "2"):
        yy = int(g[name + "2"])
        return 1900 + yy if yy >= 30 else 2000 + yy
    return None


def _dur_value(n: float | None, key: str) -> str:
    """TIMEX3 duration value for ``n`` units (None: a vague number)."""
    letter, clock, mult = _UNIT[key]
    t = "T" if clock else ""
    if n is None:
        return f"P{t}X{_VAGUE_LETTER.get(key, letter)}"
    whole = int(n)
    frac = n - whole
    if mult != 1:
        total = n * mult
        return f"P{int(total) if total == int(total) else round(total, 2)}{letter}"
    value = f"P{t}{whole}{letter}" if whole or not frac else f"P{t}"
    if frac:
        sub = _SUBUNIT.get(key)
        if sub is None:
            return f"P{t}{round(n, 2)}{letter}"
        s_letter, s_clock, factor = sub
        amount = round(frac * factor)
        if s_clock and not clock:
            value += "T"
        value += f"{amount}{s_letter}"
    return value


def _easter(y: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return date(y, month, day + 1)


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 the last) given weekday of a month."""
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(y, month, calendar.monthrange(y, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _holiday(rule: str, y: int) -> date | None:
    if rule.startswith("easter"):
        return _easter(y) + timedelta(days=int(rule[6:] or 0))
    if rule == "thanksgiving":
        return _nth_weekday(y, 11, 3, 4)
    if rule == "memorial":
        return _nth_weekday(y, 5, 0, -1)
    if rule == "labor":
        return _nth_weekday(y, 9, 0, 1)
    mo, d = rule.split("-")
    return _safe_date(y, int(mo), int(d))


# ---------------------------------------------------------------------------------------------------------------
# Tense: the nearest verb cue in the sentence around an expression


_BOUNDARY_RX = re.compile(r"[.!?](?=[\"'”’)\]]*\s+[\"“‘(`]*[A-Z])|\n[ \t]*\n")
_CUE_RX = re.compile(
    rf"(?<![\w'])(?P<fut>{_alt(FUTURE_CUES)})(?![\w'])|(?<![\w'])(?P<past>{_alt(PAST_CUES)})(?![\w'])"
    r"|(?<![\w'])(?P<ed>[a-z]{3,}ed)(?![\w'])", re.I)
_ED_NOT_VERB = {"need", "indeed", "speed", "seed", "bed", "red", "shed", "feed", "breed", "proceed", "succeed",
                "exceed", "hundred", "united", "based", "bred", "sacred", "wicked", "naked", "kindred", "greed",
                "weed", "reed", "steed", "deed", "tweed", "creed", "embed", "bleed", "freed", "agreed", "heed"}
_ED_ADJ_BEFORE_RX = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that|these|those|is|are|am)\s+$", re.I)
_FUTURE_BEFORE_RX = re.compile(r"(?:\b(?:will|would|shall|to|can|could|may|might|must|should)|'ll)\s+(?:not\s+)?"
                               r"(?:be|have\s+been|been)\s*$",
                               re.I)


def _cues(ctx: _Ctx) -> None:
    ctx._bounds = [m.start() for m in _BOUNDARY_RX.finditer(ctx.text)]
    cues: list[tuple[int, int]] = []
    for m in _CUE_RX.finditer(ctx.text):
        if m.group("fut"):
            sign = 1
        elif m.group("past"):
            sign = -1
        else:
            w = m.group("ed").lower()
            if w in _ED_NOT_VERB or _ED_ADJ_BEFORE_RX.search(ctx.text, max(0, m.start() - 12), m.start()):
                continue  # "the reduced dividend", "is based": not a past event
            sign = -1
        if sign < 0 and _FUTURE_BEFORE_RX.search(ctx.text, max(0, m.start() - 30), m.start()):
            sign = 1  # "will be held", "to be signed"
        cues.append((m.start(), sign))
    ctx._cues = cues
    ctx._cue_pos = [c[0] for c in cues]


def _tense(ctx: _Ctx, s: int, e: int) -> int:
    """+1 future, -1 past, 0 unknown, from the cue nearest to text[s:e] in its sentence."""
    if ctx.future:
        return 1
    if ctx._cues is None:
        _cues(ctx)
    bounds = ctx._bounds or []
    i = bisect_right(bounds, s - 1)
    left = bounds[i - 1] + 1 if i > 0 else 0
    j = bisect_left(bounds, e)
    right = bounds[j] if j < len(bounds) else len(ctx.text)
    cues = ctx._cues or []
    lo, hi = bisect_left(ctx._cue_pos, left), bisect_left(ctx._cue_pos, right)
    best: tuple[int, int] | None = None
    for pos, sign in cues[lo:hi]:
        if s <= pos < e:
            continue
        dist = s - pos if pos < s else pos - e + 1  # ties favour the left
        dist += 25 * ctx.text.count(",", min(pos, e), max(pos, s))  # a comma often ends the clause
        if best is None or dist < best[0]:
            best = (dist, sign)
    return best[1] if best else 0


# ---------------------------------------------------------------------------------------------------------------
# Resolution helpers


def _sentence_start(text: str, s: int) -> bool:
    """Whether text[s] opens a sentence (or a quotation)."""
    i = s - 1
    while i >= 0 and text[i] in " \t\"'“‘`(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n;"


def _title_mid(text: str, s: int, e: int) -> bool:
    """A capitalised expression in mid-sentence is a name ("USA Today", ABC's "This Week")."""
    words = re.findall(r"[A-Za-z]+", text[s:e])
    if not words or _sentence_start(text, s) or any(len(w) > 1 and w.isupper() for w in words):
        return False
    return all(w[0].isupper() for w in words)


def _prev_word(text: str, s: int) -> str:
    m = re.search(r"([A-Za-z']+)[^\w]{0,3}$", text[max(0, s - 30):s])
    return m.group(1).lower() if m else ""


def _next_word(text: str, e: int) -> str:
    m = re.match(r"[\s,]{0,3}([A-Za-z']+)", text[e:e + 30])
    return m.group(1).lower() if m else ""


# How much farther (in days) the occurrence on the tense's side may be than the one on the other side: a past
# tense still reads "extended to Nov. 20" in early November as this November, not last year's.
_TENSE_WEIGHT = 270
_PAST_BIAS = 20  # without a cue, a past occurrence wins unless the future one is this much closer


def _tense_cost(days: int, tense: int) -> int:
    """Cost of an occurrence ``days`` after the anchor (negative: before) under a tense."""
    if tense > 0:
        return days if days >= 0 else -days + _TENSE_WEIGHT
    if tense < 0:
        return -days if days <= 0 else days + _TENSE_WEIGHT
    return -days - _PAST_BIAS if days <= 0 else days


def _pick_year_month(anchor: date, mo: int, tense: int) -> int:
    """The year of a bare month: the nearest occurrence, weighted by tense (months count as 30 days)."""
    def cost(y: int) -> int:
        return _tense_cost(((y - anchor.year) * 12 + mo - anchor.month) * 30, tense)
    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=cost)


def _pick_day_month(anchor: date, mo: int, day: int, tense: int) -> date | None:
    """The date of a day and month without a year: the nearest occurrence, weighted by tense."""
    return _pick_yearly(anchor, lambda y: _safe_date(y, mo, day), tense)


def _pick_yearly(anchor: date, on: Callable[[int], date | None], tense: int) -> date | None:
    """The occurrence of a yearly date (``on(year)``) nearest to the anchor, weighted by tense."""
    options = [d for d in (on(anchor.year + k) for k in (-1, 0, 1)) if d is not None]
    if not options:
        return None
    return min(options, key=lambda d: _tense_cost((d - anchor).days, tense))


def _weekday_date(anchor: date, wd: int, rel: str, tense: int) -> date:
    back = (anchor.weekday() - wd) % 7
    ahead = (wd - anchor.weekday()) % 7
    if rel in ("next", "coming", "this coming"):
        return anchor + timedelta(days=ahead or 7)
    if rel in ("last", "this past", "past"):
        return anchor - timedelta(days=back or 7)
    if tense > 0:
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def _season_key(anchor: date) -> int:
    m, y = anchor.month, anchor.year
    if m in (1, 2):
        return (y - 1) * 4 + 3
    return y * 4 + (0 if m < 6 else 1 if m < 9 else 2 if m < 12 else 3)


def _season(anchor: date, idx: int, rel: str, tense: int) -> int:
    """The season occurrence key (year * 4 + index) for "this/last/next summer" or a bare "summer"."""
    cur = _season_key(anchor)
    base = cur - (cur % 4)
    options = [base + idx - 4, base + idx, base + idx + 4]
    if rel == "last" or (not rel and tense < 0):
        return max(k for k in options if (k < cur if rel == "last" else k <= cur))
    if rel == "next" or (not rel and tense > 0):
        return min(k for k in options if (k > cur if rel == "next" else k >= cur))
    return min(options, key=lambda k: (abs(k - cur), -k))


def _season_value(key: int) -> tuple[str, DateSpan]:
    y, idx = divmod(key, 4)
    name = ["SP", "SU", "FA", "WI"][idx]
    m = _SEASON_START[idx]
    start = date(y, m, 1)
    ey, em = _shift_month(y, m, 2)
    return f"{y:04d}-{name}", _range(start, date(ey, em, calendar.monthrange(ey, em)[1]))


def _quarter_of(anchor: date) -> int:
    return (anchor.month - 1) // 3 + 1


def _unit_key(word: str) -> str:
    w = word.lower()
    return "for" if w.startswith("fortnight") else w[:3]


# ---------------------------------------------------------------------------------------------------------------
# Resolvers: one per pattern; each returns candidates or None to reject the match.

_Resolver = Callable[[re.Match[str], _Ctx], "list[_Cand] | _Cand | None"]


def _mk(m: re.Match[str], typ: str, value: str, span: DateSpan | None, kind: str = "", tod: str | None = None,
        start: int | None = None, end: int | None = None) -> _Cand:
    return _Cand(m.start() if start is None else start, m.end() if end is None else end, typ, value, span, kind, tod)


def _lower_ambiguous(token: str | None) -> bool:
    """A lower-case "march", "may", "sun" is a word, not a date."""
    return bool(token) and token[0].islower() and token.lower().rstrip(".") in _AMBIGUOUS_LOWER  # type: ignore


def _date_cand(m: re.Match[str], d: date | None, kind: str = "day") -> _Cand | None:
    if d is None:
        return None
    return _mk(m, "DATE", d.isoformat(), _day(d), kind)


def _r_iso(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["hh"] is not None:
        hh, mm = int(m["hh"]), int(m["mm"])
        if hh > 24 or mm > 59:
            return None
        return _mk(m, "TIME", f"{d.isoformat()}T{hh:02d}:{mm:02d}", _day(d), "dtime")
    return _date_cand(m, d)


def _r_numeric(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    a, b, sep = int(m["a"]), int(m["b"]), m["sep"]
    y = int(m["yr"])
    if len(m["yr"]) == 2:
        if sep != "/":
            return None
        y += 1900 if y >= 30 else 2000
    month_first, day_first = _safe_date(y, a, b), _safe_date(y, b, a)
    if sep == "/" and a <= 12:
        d = month_first or day_first
    else:
        d = day_first or month_first
    if month_first and day_first and ctx.anchor is not None:
        # Both readings exist (7/03/2023): news dates lie near publication and rarely after it, which
        # settles day-first (most of the world) against month-first (the US) better than a fixed order.
        anchor = ctx.anchor
        d = min((month_first, day_first), key=lambda x: (x > anchor + timedelta(days=1), abs((x - anchor).days)))
    return _date_cand(m, d)


def _day_number(tok: str) -> int | None:
    t = tok.lower()
    digits = re.match(r"\d+", t)
    if digits:
        return int(digits.group(0))
    t = re.sub(r"[\s-]+", "-", t)
    if "-" in t:
        tens, unit = t.split("-", 1)
        return NUMBER_WORDS.get(tens, 0) + _ORDINAL_WORDS.get(unit, 0) or None
    return _ORDINAL_WORDS.get(t)


def _deadline_tense(ctx: _Ctx, m: re.Match[str]) -> int:
    """The tense around a date; "since May" is past, "by May" and "until May" (deadlines) future unless the
    sentence says otherwise."""
    if ctx.future:
        return 1
    prev = _prev_word(ctx.text, m.start())
    if prev == "since":
        return -1
    tense = _tense(ctx, m.start(), m.end())
    return 1 if tense == 0 and prev in ("by", "until", "till") else tense


def _r_day_month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if _lower_ambiguous(m["mon"]):
        return None
    mo = _month_of(m["mon"])
    day = _day_number(m["d"])
    if not day or day > 31:
        return None
    y = _year_from(m)
    if y is not None:
        return _date_cand(m, _safe_date(y, mo, day))
    if ctx.anchor is None:
        return _mk(m, "DATE", f"XXXX-{mo:02d}-{day:02d}", None, "day")
    return _date_cand(m, _pick_day_month(ctx.anchor, mo, day, _deadline_tense(ctx, m)))


def _r_day_range(m: re.Match[str], ctx: _Ctx) -> list[_Cand] | None:
    """"2-5 July", "July 2 to 5": one expression dated by its first day, spanning the range."""
    if _lower_ambiguous(m["mon"]):
        return None
    mo = _month_of(m["mon"])
    d1, d2 = _day_number(m["d"]), _day_number(m["d2"])
    if not d1 or not d2 or d2 <= d1 or d2 > 31:
        return None
    y = _year_from(m)
    if y is None:
        if ctx.anchor is None:
            return [_mk(m, "DATE", f"XXXX-{mo:02d}-{d1:02d}", None, "day")]
        first = _pick_day_month(ctx.anchor, mo, d1, _tense(ctx, m.start(), m.end()))
        y = first.year if first else ctx.anchor.year
    a, b = _safe_date(y, mo, d1), _safe_date(y, mo, d2)
    if a is None or b is None:
        return None
    return [_mk(m, "DATE", a.isoformat(), _range(a, b), "day")]


def _r_holiday(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"Christmas Day", "Easter", "New Year's Eve 1999", "Thanksgiving"."""
    name = m["hol"]
    if not name[0].isupper():
        return None
    rule = HOLIDAYS[re.sub(r"\s+", " ", name.lower())]
    y = _year_from(m)
    if y is not None:
        return _date_cand(m, _holiday(rule, y))
    if ctx.anchor is None:
        value = f"XXXX-{rule}" if rule[:1].isdigit() else "XXXX-XX-XX"
        return _mk(m, "DATE", value, None, "day")
    c = _date_cand(m, _pick_yearly(ctx.anchor, lambda yy: _holiday(rule, yy), _deadline_tense(ctx, m)))
    if c is not None and _prev_word(ctx.text, m.start()) in _DETERMINERS \
            and re.match(r" [A-Za-z]", ctx.text[m.end():m.end() + 2]):
        c.span = None  # "the Good Friday agreement", "the Christmas truce" name a thing
    return c


def _r_month_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if _lower_ambiguous(m["mon"]):
        return None
    mo = _month_of(m["mon"])
    y = _year_from(m)
    if y is None:
        rel = (m["rel"] or "").lower()
        if ctx.anchor is None:
            return _mk(m, "DATE", f"XXXX-{mo:02d}", None, "month")
        y = ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0)
    if not _valid_year(y):
        return None
    return _mk(m, "DATE", f"{y:04d}-{mo:02d}", _part(_month_span(y, mo), m["pre"] or ""), "month")


_MONTH_PREV = {"in", "on", "since", "until", "till", "through", "throughout", "by", "from", "to", "during", "before",
               "after", "of", "for", "early", "late", "mid", "last", "this", "next", "between", "and", "or",
               "around", "past", "coming", "each", "every", "end", "beginning", "start", "middle"}


def _r_month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    tok = m["mon"]
    if _lower_ambiguous(tok):
        return None
    full = tok.lower() == calendar.month_name[_month_of(tok)].lower()
    mod = re.sub(r"\s+", " ", (m["mod"] or "").lower()).strip(" -")
    if not mod:
        prev = _prev_word(ctx.text, m.start())
        possessive = ctx.text.startswith(("'s", "’s"), m.end())
        if prev not in _MONTH_PREV and not possessive:
            return None
        if tok.lower() == "may" and prev in ("and", "or", "to"):
            return None
        if not full and not tok.endswith("."):
            return None
    mo = _month_of(tok)
    if ctx.anchor is None:
        return _mk(m, "DATE", f"XXXX-{mo:02d}", None, "month")
    a = ctx.anchor
    rel = mod.split(" ")[-1] if mod else ""
    if rel == "this":
        y = a.year
    elif rel in ("next", "coming"):
        y = a.year + (1 if mo <= a.month else 0)
    elif rel == "last":  # "last May": the May of last year
        y = a.year - 1
    elif rel == "past":
        y = a.year if mo < a.month else a.year - 1
    else:
        y = _pick_year_month(a, mo, _deadline_tense(ctx, m))
    span: DateSpan | None = _part(_month_span(y, mo), mod)
    if not mod and _prev_word(ctx.text, m.start()) == "of" and re.match(r"\s+[a-z]", ctx.text[m.end():m.end() + 2]) \
            and _next_word(ctx.text, m.end()) not in _MONTH_PREV:
        span = None  # "payment of June salaries": names a thing, does not date the sentence
    return _mk(m, "DATE", f"{y:04d}-{mo:02d}", span, "month")


_YEAR_BAD_PREV = {"no", "number", "flight", "route", "room", "model", "version", "platform", "highway", "interstate",
                  "resolution", "article", "section", "chapter", "page", "pp", "figure", "table", "rule", "bill",
                  "law", "act", "code", "item", "channel", "line", "unit", "district", "precinct", "box", "suite",
                  "boeing", "airbus", "rs", "dlrs", "yen", "pounds", "euros", "francs", "marks", "lire"}
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that", "whose"}
_QUANTITY_PREV = {"about", "some", "nearly", "almost", "over", "than", "around", "least", "to", "up",
                  "approximately", "roughly", "only", "just", "another", "additional", "extra"}


def _r_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    y = int(m["y"])
    text = ctx.text
    pre = (m["pre"] or "").lower()
    s = m.start("y")
    if not pre and s > 0 and text[s - 1] in "$£€#¥/-.:":
        return None
    prev = _prev_word(text, m.start())
    if prev in _YEAR_BAD_PREV:
        return None
    w0 = max(0, m.start() - 25)
    pw = re.search(r"([A-Za-z]+)\s+$", text[w0:m.start()])
    if not pre and pw and pw.group(1)[0].isupper() and pw.group(1).lower() not in _MONTH_PREV \
            and pw.group(1).lower()[:3] not in MONTHS and not _sentence_start(text, w0 + pw.start(1)):
        return None  # "Orion 1980", "Euro 2020", "Windows 2000": a name
    nxt = re.match(r"\s*([A-Za-z%]+)", text[m.end():m.end() + 20])
    nw = nxt.group(1) if nxt else ""
    if nw.lower() in ("percent", "%", "per", "km", "kilometers", "kilometres", "miles", "meters", "metres", "feet",
                      "tons", "tonnes", "acres", "hectares", "kg", "mw", "megawatts", "sq", "square", "hrs", "gmt"):
        return None
    if not pre and nw[:1].islower() and prev in _QUANTITY_PREV \
            and nw not in ("and", "or", "to", "when", "until", "through", "before", "after", "as"):
        return None  # "some 2000 people"
    if not pre and not 1900 <= y <= 2099 and prev not in ("in", "since", "of", "from", "until", "by", "to", "year",
                                                            "circa", "c", "ca", "before", "after", "during"):
        return None
    if not pre and prev in _DETERMINERS and re.match(r" [A-Za-z]", text[m.end():m.end() + 2]) \
            and nw.lower() not in ("and", "or", "to", "through", "until", "when", "after", "before", "as", "in"):
        # "the 1954 Hague Convention", "the 2015 nuclear deal": names a thing, does not date the sentence
        return _mk(m, "DATE", f"{y:04d}", None, "year")
    if "half" in pre:
        h = 1 if "first" in pre or "1st" in pre else 2
        span = _range(date(y, 1 if h == 1 else 7, 1), date(y, 6 if h == 1 else 12, 30 if h == 1 else 31))
        return _mk(m, "DATE", f"{y:04d}-H{h}", span, "year")
    return _mk(m, "DATE", f"{y:04d}", _part(_year_span(y), pre), "year")


def _r_spoken_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    y = _spoken_year(m["ys"])
    if y is None or not 1000 <= y <= 2099:
        return None
    low = m["ys"].lower()
    if not (m["lead"] or "") and not low.startswith(("nineteen", "eighteen", "seventeen")):
        prev = _prev_word(ctx.text, m.start())
        if prev not in ("in", "since", "of", "until", "by", "from", "to", "year", "during", "before", "after"):
            return None
    return _mk(m, "DATE", f"{y:04d}", _year_span(y), "year")


def _r_decade(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    g = m.groupdict()
    if g.get("c4"):
        start = int(g["c4"])
    elif g.get("c2") or g.get("c2b"):
        start = 1900 + int(g.get("c2") or g["c2b"])
    else:
        word = g["cw"].lower()
        if word not in _DECADE_WORDS:
            return None
        start = 1900 + _DECADE_WORDS[word]
    if start % 10:
        return None
    return _mk(m, "DATE", f"{start // 10:03d}", _range(date(start, 1, 1), date(start + 9, 12, 31)), "decade")


def _r_century(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    n = _day_number(m["ord"]) if m["ord"] else None
    if m["rel"]:
        if ctx.anchor is None:
            return _mk(m, "DATE", "XX", None, "century")
        rel = m["rel"].lower().split()[-1]
        n = ctx.anchor.year // 100 + 1 + {"last": -1, "past": -1, "previous": -1, "next": 1}.get(rel, 0)
    if not n or n > 30:
        return None
    c = n - 1
    return _mk(m, "DATE", f"{c:02d}", _range(date(max(1, c * 100), 1, 1), date(c * 100 + 99, 12, 31)), "century")


def _r_rel_decade(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if ctx.anchor is None:
        return _mk(m, "DATE", "XXX", None, "decade")
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m["rel"].lower(), 0)
    start = (ctx.anchor.year // 10 + step) * 10
    return _mk(m, "DATE", f"{start // 10:03d}", _range(date(start, 1, 1), date(start + 9, 12, 31)), "decade")


_QWORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
          "last": 4}


def _r_quarter(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    q = _QWORD[m["q"].lower()] if m["q"] else int(m["qn"])
    y = _year_from(m) or _year_from(m, "y1") or _year_from(m, "y3")
    rel = (m["rel"] or "").lower()
    if y is None and rel:
        if ctx.anchor is None:
            return _mk(m, "DATE", f"XXXX-Q{q}", None, "quarter")
        y = ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0)
    if y is None:
        if m["q"] and m["q"].lower() in ("last", "final"):
            return None  # "(the) last quarter" is the relative pattern's
        if ctx.anchor is None:
            return _mk(m, "DATE", f"XXXX-Q{q}", None, "quarter")
        cur = _quarter_of(ctx.anchor)
        y = ctx.anchor.year - (0 if q <= cur or _tense(ctx, m.start(), m.end()) > 0 else 1)
    if not _valid_year(y):
        return None
    return _mk(m, "DATE", f"{y:04d}-Q{q}", _quarter_span(y, q), "quarter")


_FINANCE_RX = re.compile(r"profit|loss|earning|revenue|sales|income|result|growth|gdp|economy|share|dividend|percent"
                         r"|%|quarterly|fiscal|output|deficit|surplus|demand|price|\$", re.I)


def _r_rel_quarter(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    rel = re.sub(r"[\s-]+", " ", (m["rel"] or "").lower())
    if not rel:  # "the quarter": the reporting period in business news, else a district of a town
        if _next_word(ctx.text, m.end()) in ("of", "century", "mile", "hour"):
            return None
        lo, hi = max(0, m.start() - 200), m.end() + 200
        if not _FINANCE_RX.search(ctx.text, lo, hi):
            return None
    if ctx.anchor is None:
        return _mk(m, "DATE", "XXXX-QX", None, "quarter")
    cur_y, cur_q = ctx.anchor.year, _quarter_of(ctx.anchor)
    step = {"this": 0, "current": 0, "next": 1, "coming": 1, "year ago": -5, "year earlier": -5}.get(rel, -1)
    n = cur_y * 4 + cur_q - 1 + step
    y, q = divmod(n, 4)
    return _mk(m, "DATE", f"{y:04d}-Q{q + 1}", _quarter_span(y, q + 1), "quarter")


def _r_half(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    h = 1 if m["h"].lower() in ("first", "1st") else 2
    y = _year_from(m)
    rel = (m["rel"] or "").lower()
    if y is None and not rel and _next_word(ctx.text, m.end()) == "of":
        return None  # "the first half of the match"
    if y is None:
        if ctx.anchor is None:
            return _mk(m, "DATE", f"XXXX-H{h}", None, "half")
        a = ctx.anchor
        if rel:
            y = a.year + {"last": -1, "next": 1}.get(rel, 0)
        elif _tense(ctx, m.start(), m.end()) > 0:
            y = a.year if h >= (1 if a.month <= 6 else 2) else a.year + 1
        else:
            y = a.year if h <= (1 if a.month <= 6 else 2) else a.year - 1
    span = _range(date(y, 1 if h == 1 else 7, 1), date(y, 6 if h == 1 else 12, 30 if h == 1 else 31))
    return _mk(m, "DATE", f"{y:04d}-H{h}", span, "half")


def _r_fiscal(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    y = _year_from(m)
    if y is None:
        if ctx.anchor is None:
            return _mk(m, "DATE", "XXXX", None, "year")
        y = ctx.anchor.year + {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(
            (m["rel"] or "").lower(), 0)
    return _mk(m, "DATE", f"{y:04d}", _year_span(y), "year")


def _r_year_ago(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if ctx.anchor is None:
        return _mk(m, "DATE", "XXXX", None, "year")
    y = ctx.anchor.year - 1
    return _mk(m, "DATE", f"{y:04d}", _year_span(y), "year")


_REL_STEP = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "current": 0, "the": 0}


def _r_rel_unit(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"last week", "this month", "next year", "earlier this month", "the end of the year"."""
    if _title_mid(ctx.text, m.start(), m.end()):
        return None
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    rel = rel.split(" ")[-1]
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower()).strip(" -")
    unit = m["unit"].lower()
    if rel == "the" and not pre and unit != "weekend":
        return None
    step = _REL_STEP.get(rel, 0)
    a = ctx.anchor
    key = {"week": "week", "month": "month", "year": "year", "weekend": "weekend"}[unit]
    if a is None:
        return _mk(m, "DATE", {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX",
                               "weekend": "XXXX-WXX-WE"}[key], None, key)
    if key == "weekend":
        return _weekend(m, ctx, step, rel)
    if key == "week":
        ref = a + timedelta(weeks=step)
        span = _week_span(ref)
        value = _week_value(ref)
    elif key == "month":
        y, mo = _shift_month(a.year, a.month, step)
        span = _month_span(y, mo)
        value = f"{y:04d}-{mo:02d}"
    else:
        y = a.year + step
        span = _year_span(y)
        value = f"{y:04d}"
    if step == 0 and pre == "earlier":
        span = DateSpan(span.start, a.isoformat(), span.precision)
    elif step == 0 and pre == "later":
        span = DateSpan(a.isoformat(), span.end, span.precision)
    elif pre and key in ("month", "year"):
        span = _part(span, pre)
    return _mk(m, "DATE", value, span, key)


def _weekend(m: re.Match[str], ctx: _Ctx, step: int, rel: str) -> _Cand:
    a = ctx.anchor
    assert a is not None
    weekend_now = a.weekday() >= 5
    sat_this = a - timedelta(days=a.weekday()) + timedelta(days=5)  # this ISO week's Saturday
    if rel in ("last", "past", "previous"):
        sat = sat_this - timedelta(weeks=1)
    elif rel in ("next", "coming"):
        sat = sat_this + timedelta(weeks=1) if weekend_now else sat_this
    elif rel == "this" or weekend_now:
        sat = sat_this
    else:  # "the weekend": the one just past, unless the sentence looks ahead
        sat = sat_this if _tense(ctx, m.start(), m.end()) > 0 else sat_this - timedelta(weeks=1)
    return _mk(m, "DATE", _week_value(sat) + "-WE", _range(sat, sat + timedelta(days=1)), "weekend")


def _r_season(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    name = _SEASONS[m["season"].lower()]
    idx = _SEASON_INDEX[name]
    y = _year_from(m)
    if y is not None:
        value, span = _season_value(y * 4 + idx)
        return _mk(m, "DATE", value, span, "season")
    rel = (m["rel"] or "").lower()
    if not rel and not m["pre"] and _prev_word(ctx.text, m.start()) not in ("in", "during", "the", "this", "by",
                                                                             "until", "since", "through"):
        return None
    if ctx.anchor is None:
        return _mk(m, "DATE", f"XXXX-{name}", None, "season")
    rel = {"past": "last", "coming": "next"}.get(rel, rel)
    key = _season(ctx.anchor, idx, rel, 0 if rel else _tense(ctx, m.start(), m.end()))
    value, span = _season_value(key)
    return _mk(m, "DATE", value, span, "season")


def _r_ago(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    n = _number(m["n"])
    key = _unit_key(m["unit"])
    a = ctx.anchor
    if n is None or a is None:
        return _mk(m, "DATE", "PAST_REF", None, "ref") if n is None else _mk(m, "DATE", "XXXX-XX-XX", None, "ago")
    letter, clock, mult = _UNIT[key]
    n *= mult
    if clock:
        return _mk(m, "DATE", a.isoformat(), _day(a), "ago")
    if letter == "D":
        d = a - timedelta(days=round(n))
        return _mk(m, "DATE", d.isoformat(), _day(d), "ago")
    if letter == "W":
        d = a - timedelta(weeks=n)
        return _mk(m, "DATE", _week_value(d), _week_span(d), "ago")
    if letter == "M":
        y, mo = _shift_month(a.year, a.month, -round(n))
        return _mk(m, "DATE", f"{y:04d}-{mo:02d}", _month_span(y, mo), "ago")
    y = a.year - round(n)
    if not _valid_year(y):
        return None
    if mult >= 100 and n >= 100:
        c = y // 100
        return _mk(m, "DATE", f"{c:02d}", _range(date(max(1, c * 100), 1, 1), date(c * 100 + 99, 12, 31)), "ago")
    return _mk(m, "DATE", f"{y:04d}", _year_span(y), "ago")


_DURATION_PREV = {"for", "within", "in", "over", "after", "than", "about", "nearly", "almost", "around", "least",
                  "only", "just", "barely", "some", "lasted", "last", "lasting", "lasts", "took", "take", "takes",
                  "taking", "spent", "spend", "spending", "spends", "spanning", "under", "to", "during",
                  "throughout", "whole", "entire", "full", "extra", "additional", "another", "first", "past",
                  "next", "roughly", "approximately", "up", "once", "wait", "waited", "served", "serve",
                  "serving", "sentenced", "jailed", "imprisoned", "jail", "prison", "gave", "give", "given"}
_DURATION_NEXT = {"later", "before", "after", "earlier", "long", "of", "from", "since", "ahead", "in", "into", "on",
                  "behind", "apart", "old"}


def _r_duration(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    text = ctx.text
    unit = m["unit"]
    key = _unit_key(unit)
    rest = text[m.end():m.end() + 12]
    if re.match(r"(?:\s+|-)old\b", rest, re.I):
        return None  # ages: "a 23-year-old man", "52 years old"
    ntext = (m["n"] or "").strip()
    n = _number(ntext)
    low = ntext.lower()
    lead = (m["lead"] or "").lower()
    mod = m["mod"] or ""
    if key == "qua" and (re.match(r"\s+of\b", rest) or low in ("a", "an", "one", "three")) and not lead:
        return None  # "a quarter of the vote", "three quarters of them"
    if key == "sec" and (n is None or low in ("a", "an", "one")):
        return None  # "a second attack"
    if low in ("a", "an", "one") and unit.lower().endswith("s"):
        return None  # "a months-long campaign" is the vague pattern's
    if (n is None or low in ("a", "an", "one")) and not lead and not mod and not m["hy"] and not m["tail"]:
        prev = _prev_word(text, m.start())
        nxt = _next_word(text, m.end())
        if prev not in _DURATION_PREV and nxt not in _DURATION_NEXT:
            return None
    if n is not None and n > 100000:
        return None
    if n is not None and m["tail"] and "half" in m["tail"].lower():
        n += 0.5
    if key == "qua" and n is not None and not lead and not mod and n != int(n):
        return None
    return _mk(m, "DURATION", _dur_value(n, key), None, "duration")


def _r_vague_duration(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    key = _unit_key(m["unit"])
    if not m["lead"] and not m.groupdict().get("tail"):
        prev = _prev_word(ctx.text, m.start())
        if prev not in ("for", "within", "over", "after", "in", "than", "about", "of", "take", "took", "takes",
                        "lasted", "last", "spent", "wait", "waited", "lasting", "spend"):
            return None
        if prev == "of" and key not in ("dec", "cen", "yea", "mon", "wee"):
            return None
    if _next_word(ctx.text, m.end()) in ("old",) or re.match(r"-old\b", ctx.text[m.end():]):
        return None
    return _mk(m, "DURATION", _dur_value(None, key), None, "duration")


def _r_set_every(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    g = m.groupdict()
    if g.get("unit"):
        n = _number(g["n"]) if g.get("n") else 1.0
        key = _unit_key(g["unit"])
        if key in ("dec", "cen", "mil"):
            return None
        return _mk(m, "SET", _dur_value(n or 1.0, key), None, "set")
    if g.get("wd"):
        if _lower_ambiguous(g["wd"]):
            return None
        tod = f"T{_POD[g['pod'].lower()]}" if g.get("pod") else ""
        return _mk(m, "SET", f"XXXX-WXX-{_weekday_of(g['wd']) + 1}{tod}", None, "set")
    if g.get("mon"):
        if _lower_ambiguous(g["mon"]):
            return None
        return _mk(m, "SET", f"XXXX-{_month_of(g['mon']):02d}", None, "set")
    if g.get("season"):
        return _mk(m, "SET", f"XXXX-{_SEASONS[g['season'].lower()]}", None, "set")
    if g.get("pod"):
        return _mk(m, "SET", f"XXXX-XX-XXT{_POD[g['pod'].lower()]}", None, "set")
    return None


_PLURAL_NOT = {"this", "his", "was", "is", "has", "does", "as", "its", "us", "thus", "plus", "less", "unless",
               "across", "perhaps", "always", "sometimes", "towards", "afterwards", "besides", "yes", "whereas",
               "news", "ours", "yours", "theirs", "hers", "means", "series", "species", "bus", "gas", "status",
               "process", "access", "success", "business", "press", "campus", "virus", "census", "crisis", "basis",
               "analysis", "chaos", "class", "loss", "boss", "miss", "kiss", "mass", "pass", "grass", "glass",
               "days", "weeks", "months", "years", "hours", "minutes", "seconds", "decades", "centuries"}


def _r_set_per(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"four flights a week", "358,000 a month", "twice a day", "24 hours a day"."""
    text = ctx.text
    key = _unit_key(m["unit"])
    if m["freq"]:
        return _mk(m, "SET", _dur_value(1.0, key), None, "set")
    nxt = text[m.end():m.end() + 12]
    if re.match(r"(?:\s+(?:ago|earlier|later|before|after|or|and|old|from|since|long|in|of)\b|-)", nxt, re.I):
        return None
    pm = re.search(r"([\w,.%$']+)\s*$", text[max(0, m.start() - 40):m.start()])
    prev = pm.group(1) if pm else ""
    pl = prev.lower()
    ok = (bool(re.fullmatch(r"[$£€]?[\d,.]+%?", prev)) or pl in NUMBER_WORDS or pl in ("percent", "once", "twice",
                                                                                         "thrice", "times", "million",
                                                                                         "billion", "thousand",
                                                                                         "hundred", "dozen")
          or (pl.endswith("s") and not pl.endswith(("'s", "ss", "us", "is")) and len(pl) > 3
              and pl not in _PLURAL_NOT and prev[-1:] == "s" and not prev.isupper()))
    if not ok:
        return None
    return _mk(m, "SET", _dur_value(1.0, key), None, "set")


_PERIODICALS = {"newspaper", "newspapers", "paper", "papers", "publication", "magazine", "magazines", "journal",
                "tabloid", "edition", "broadsheet", "newsletter", "news"}


def _r_set_word(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if _title_mid(ctx.text, m.start(), m.end()):
        return None  # "the Daily Mail"
    nxt = re.match(r"\s+([A-Za-z]+)", ctx.text[m.end():m.end() + 30])
    if nxt and (nxt.group(1)[0].isupper() or nxt.group(1).lower() in _PERIODICALS):
        return None  # "the daily Kayhan", "a weekly newspaper": a publication
    w = m["w"].lower()
    return _mk(m, "SET", SET_WORDS[w], None, "set")


def _r_set_plural_wd(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    wd = WEEKDAYS[m["wdp"].lower()[:3]]
    tod = f"T{_POD[m['pod'].lower().rstrip('s')]}" if m["pod"] else ""
    if not tod and _prev_word(ctx.text, m.start()) not in ("on", "every", "most", "some", "all", "weekday", "and",
                                                            "or", "other", "for", "through", "till", "until"):
        return None
    return _mk(m, "SET", f"XXXX-WXX-{wd + 1}{tod}", None, "set")


_PAST_FOLLOWED_RX = re.compile(rf"\s+(?:\d|few|several|couple|many|{_SMALL}|{_UNITS}|weekend|spring|summer|fall"
                               r"|autumn|winter)", re.I)


def _r_ref(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    w = re.sub(r"\s+", " ", m["w"].lower())
    if _title_mid(ctx.text, m.start(), m.end()):
        return None
    value = REF_WORDS[w]
    if w == "the past" and _PAST_FOLLOWED_RX.match(ctx.text, m.end()):
        return None
    if w == "now" and re.match(r"-[a-z]", ctx.text[m.end():]):  # "now-defunct", "now-exiled"
        return None
    span = _day(ctx.anchor) if value == "PRESENT_REF" and ctx.anchor else None
    return _mk(m, "DATE", value, span, "ref")


def _r_relday(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """yesterday, today, tomorrow, tonight, overnight, "this morning", "last night", "yesterday afternoon"."""
    if _title_mid(ctx.text, m.start(), m.end()):
        return None
    w = re.sub(r"\s+", " ", m["w"].lower())
    pod = (m["pod"] or "").lower()
    a = ctx.anchor
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "overnight": -1, "this": 0, "last": -1,
              "the day before yesterday": -2, "the day after tomorrow": 2, "the day": 0}[w]
    if w == "last" and (pod not in ("night", "evening") or _prev_word(ctx.text, m.start()) in _DETERMINERS):
        return None  # "last morning" is not idiomatic; "on the last night" of a convention is not yesterday
    if w in ("tonight", "overnight"):
        pod = "night"
    tod = f"T{_POD[pod]}" if pod else None
    if a is None:
        return _mk(m, "TIME" if tod else "DATE", "XXXX-XX-XX" + (tod or ""), None, "dtime" if tod else "relday")
    d = a + timedelta(days=offset)
    span = _range(d, a) if w == "overnight" else _day(d)
    if tod:
        return _mk(m, "TIME", d.isoformat() + tod, span, "dtime")
    return _mk(m, "DATE", d.isoformat(), span, "relday")


def _r_pod(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"mid-afternoon", "late evening": a part of a day still to be dated."""
    pod = (m["pod"] or m["pod2"]).lower()
    tod = f"T{_POD[pod]}"
    if ctx.anchor is None:
        return _mk(m, "TIME", "XXXX-XX-XX" + tod, None, "pod", tod)
    return _mk(m, "TIME", ctx.anchor.isoformat() + tod, None, "pod", tod)


def _r_weekday(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    tok = m["wd"]
    if _lower_ambiguous(tok):
        return None
    pb = re.search(r"([A-Z][a-z]+)\s+$", ctx.text[max(0, m.start() - 15):m.start()])
    if pb and pb.group(1).lower() in _NAMED_DAYS and not m["pre"]:
        return None
    if tok.endswith(".") and tok.lower() in ("sun.", "sat.", "wed.") and not m["pre"] and not m["pod"]:
        nxt = _next_word(ctx.text, m.end())
        if not (nxt[:1].isdigit() or nxt.lower()[:3] in MONTHS):
            return None
    wd = _weekday_of(tok)
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower()).strip()
    rel = pre.replace("early ", "").replace("late ", "").replace(" on", "").strip()
    if rel in ("early", "late", "mid", "on"):
        rel = ""
    pod = (m["pod"] or "").lower()
    tod = f"T{_POD[pod]}" if pod else None
    if ctx.anchor is None:
        value = f"XXXX-WXX-{wd + 1}"
        return _mk(m, "TIME" if tod else "DATE", value + (tod or ""), None, "dtime" if tod else "weekday")
    tense = 0 if rel else _deadline_tense(ctx, m)
    d = _weekday_date(ctx.anchor, wd, rel, tense)
    if tod:
        return _mk(m, "TIME", d.isoformat() + tod, _day(d), "dtime")
    return _mk(m, "DATE", d.isoformat(), _day(d), "weekday")


def _clock_value(hh: int, mm: int, ampm: str) -> str | None:
    ap = ampm.lower().replace(".", "").strip()
    if ap:
        if not 1 <= hh <= 12:
            return None
        if ap.startswith("p") and hh != 12:
            hh += 12
        elif ap.startswith("a") and hh == 12:
            hh = 0
    if hh > 24 or mm > 59:
        return None
    return f"T{hh:02d}:{mm:02d}"


def _r_clock(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"3 p.m.", "7:15 pm EST", "14:30 GMT", "1430 hours", "three o'clock", "noon"."""
    g = m.groupdict()
    if g.get("word"):
        tod: str | None = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[g["word"].lower()]
    elif g.get("mil"):
        tod = _clock_value(int(g["mil"][:2]), int(g["mil"][2:]), "")
    elif g.get("hx") is not None:
        tod = _clock_value(int(g["hx"]), int(g["mx"]), "")
        # a bare "3:30" may be a score or a ratio: only with a time cue next to it
        after = ctx.text[m.end():m.end() + 12].lower()
        before = ctx.text[max(0, m.start() - 12):m.start()].lower()
        if not re.search(r"\b(?:at|by|until|till|from|since|around|about|before|after)\s*$", before) \
                and not re.match(r"\s*(?:hours|hrs|h\b|gmt|utc|local|[ecmp][sd]t\b)", after) \
                and not re.search(r"hours|hrs|gmt|utc|time", m.group(0).lower()):
            return None
    elif g.get("h2"):
        h = g["h2"]
        tod = _clock_value(int(h) if h.isdigit() else NUMBER_WORDS[h.lower()], 0, "")
    else:
        h = g["h"]
        tod = _clock_value(int(h) if h.isdigit() else NUMBER_WORDS[h.lower()], int(g["mm"] or 0), g["ap"] or "")
    if tod is None:
        return None
    base = ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"
    return _mk(m, "TIME", base + tod, None, "clock", tod)


# ---------------------------------------------------------------------------------------------------------------
# Patterns: (name, regex, resolver). Among overlapping matches the longest wins, then the earlier pattern.

_NUMU = rf"(?P<n>{_NUM})"
_PATTERNS: list[tuple[str, str, _Resolver]] = [
    ("iso", r"(?<![\d/.-])(?P<y>1\d{3}|20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d)"
            r"(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])", _r_iso),
    ("iso_slash", r"(?<![\d/.-])(?P<y>1\d{3}|20\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?![\d/])", _r_iso),
    ("numeric", r"(?<![\d/.,:-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<yr>(?:19|20)\d\d|\d\d)"
                r"(?![\d/.]\d|[\d/])", _r_numeric),
    ("day_range", rf"{_B}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|and|until|till)\s*(?P<d2>[0-3]?\d)"
                  rf"(?:st|nd|rd|th)?(?:\s+of)?\s+{_mon()}(?:,?\s+{_year()})?", _r_day_range),
    ("day_range_md", rf"{_B}{_mon()}(?:\s+|\.\s*)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|until|till)\s*"
                     rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])(?:,?\s+{_year()})?", _r_day_range),
    ("dmy", rf"{_B}(?:the\s+)?(?P<d>{_DAYNUM})(?:\s+(?:day\s+)?of)?\s+{_mon()}(?:,?\s+(?:of\s+)?{_year()})?",
     _r_day_month),
    ("mdy", rf"{_B}{_mon()}(?:\s+|\.(?=\d))(?:the\s+)?(?P<d>{_DAYNUM})(?!\s*(?:%|percent|per\b|[-–]\d))"
            rf"(?:(?:,\s*|\s+)(?:of\s+)?{_year()})?", _r_day_month),
    ("holiday", rf"{_B}(?P<hol>{_alt(HOLIDAYS)})(?:,?\s+(?:of\s+)?{_year()})?(?![\w'])", _r_holiday),
    ("month_year", rf"{_B}(?P<pre>(?:the\s+)?(?:(?:early|late|mid)[- ]?|(?:end|beginning|start|middle|first\s+half"
                   rf"|second\s+half)\s+of\s+))?{_mon()}(?:\s+of|,)?\s+(?:{_year()}|(?P<rel>this|last|next)\s+year)"
                   rf"{_E}", _r_month_year),
    ("month", rf"{_B}(?P<mod>(?:(?:this|last|next|this\s+past|this\s+coming|earlier\s+this|later\s+this"
              rf"|(?:early|late)\s+(?:this|last|next))\s+|(?:early|late|mid)[- ]?\s*"
              rf"|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of\s+))?{_mon()}"
              rf"(?!\s*\d)", _r_month),
    ("year", rf"{_B}(?P<pre>(?:fiscal\s+(?:year\s+)?|FY\s?|(?:early|mid|late)[- ]\s*|the\s+(?:end|beginning|start"
             rf"|middle|first\s+half|second\s+half|rest|remainder)\s+of\s+(?:fiscal\s+)?|(?:the\s+)?(?:first|second"
             rf"|1st|2nd)\s+half\s+of\s+|the\s+year\s+))?(?P<y>{_YEAR4})", _r_year),
    ("spoken_year", rf"{_B}(?P<lead>the\s+year\s+)?(?P<ys>{_SPOKEN_YEAR}){_E}", _r_spoken_year),
    ("decade", rf"{_B}(?:the\s+)?(?:(?:early|mid|late)[- ]?\s*)?(?:(?P<c4>1\d{{3}}|20\d\d)'?s|'(?P<c2>\d0)'?s"
               rf"|(?<=the\s)(?P<c2b>\d0)'?s|(?<=the\s)(?P<cw>{_alt(_DECADE_WORDS)})){_E}", _r_decade),
    ("century", rf"{_B}(?:the\s+)?(?:(?:early|mid|late)[- ]?\s*)?(?:(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_ORDW})"
                rf"|(?P<rel>this|last|next|the\s+previous|the\s+next|the\s+last))[- ]century{_E}",
     _r_century),
    ("rel_decade", rf"{_B}(?:the\s+)?(?P<rel>this|last|past|previous|next|coming)\s+decade{_E}(?!\s+or)",
     _r_rel_decade),
    ("quarter", rf"{_B}(?P<the>the\s+)?(?:(?:fiscal\s+(?:year\s+)?)?{_year('y1')}\s+)?"
                rf"(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ](?:fiscal[- ])?quarter"
                rf"|Q(?P<qn>[1-4]))(?:\s+of\s+(?:(?:fiscal\s+)?{_year()}|(?P<rel>this|last|next)\s+year)"
                rf"|(?<=Q[1-4])(?:\s+|-|/)?{_year('y3')})?(?!\w)", _r_quarter),
    ("rel_quarter", rf"{_B}(?:the\s+)?(?:(?P<rel>this|current|last|past|latest|most\s+recent|next|coming|previous"
                    rf"|year[- ]ago|year[- ]earlier)\s+|(?<=the\s))quarter(?![\w-])", _r_rel_quarter),
    ("half", rf"{_B}(?:the\s+)?(?P<h>first|second|1st|2nd)[- ]half(?:\s+of\s+(?:{_year()}|(?P<rel>this|last|next|the)"
             rf"\s+year))?(?![\w-])", _r_half),
    ("fiscal", rf"{_B}(?:(?:the\s+)?(?P<rel>current|this|last|next|past|previous|coming|new)\s+|the\s+)?fiscal"
               rf"(?:\s+year|-year)(?:\s+{_year()})?{_E}", _r_fiscal),
    ("year_ago", r"(?<![\w'-])(?:the\s+)?year[- ](?:ago|earlier)(?:\s+(?:period|level|results?|figures?))?(?!\w)",
     _r_year_ago),
    ("rel_unit", rf"{_B}(?P<pre>(?:earlier|later|early|late)\s+|(?:mid|end)[- ]|the\s+(?:end|beginning|start"
                 rf"|middle|rest|remainder|first\s+half|second\s+half)\s+of\s+)?(?P<rel>this|last|next|the\s+past"
                 rf"|the\s+last|the\s+coming|the\s+current|past|coming|the)\s+(?P<unit>week|month|year|weekend)"
                 rf"(?![\w-])", _r_rel_unit),
    ("season", rf"{_B}(?:(?P<pre>(?:early|late|mid)[- ]?\s*|the\s+(?:end|beginning|start|middle)\s+of\s+)?"
               rf"(?:(?P<rel>this|last|next|past|coming)\s+|the\s+)?)?(?P<season>spring|summer|fall|autumn|winter)"
               rf"(?:\s+(?:of\s+)?{_year()})?{_E}(?![- ](?:time|camp|school|olympics|games|session|break|"
               rf"holiday|vacation|collection|palace|solstice|wheat|squash|storm))", _r_season),
    ("ago", rf"{_B}(?:{_MOD}\s+)?{_NUMU}(?:\s+or\s+(?:so|{_NUM}))?\s+(?:more\s+)?(?P<unit>{_UNITS})(?:\s+or\s+so)?"
            r"\s+(?:ago|earlier|back)(?!\w)", _r_ago),
    ("bare_ago", rf"{_B}(?:(?:many|several|some|a\s+few|few)\s+)?(?P<unit>{_UNITS})\s+ago(?!\w)",
     lambda m, ctx: _mk(m, "DATE", "PAST_REF", None, "ref")),
    ("set_freq", rf"{_B}(?P<freq>once|twice|thrice|{_NUM}\s+times)\s+(?:a|an|per|each|every)\s+"
                 rf"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year){_E}", _r_set_per),
    ("set_per", rf"{_B}(?P<freq>)(?:a|an|per)\s+(?P<unit>day|week|month|year|hour|minute|second){_E}", _r_set_per),
    ("set_every", rf"{_B}(?:every|each)\s+(?:other\s+|single\s+)?(?:(?:(?P<n>{_CARD}|\d+)\s+)?(?P<unit>{_UNITS})"
                  rf"|{_wd()}(?:\s+(?P<pod>{_POD_RX}))?|{_mon()}|(?P<season>spring|summer|fall|autumn|winter)"
                  rf"|(?P<pod2>{_POD_RX})){_E}",
     lambda m, ctx: _r_set_every(m, ctx) if not m["pod2"] else _mk(
         m, "SET", f"XXXX-XX-XXT{_POD[m['pod2'].lower()]}", None, "set")),
    ("set_word", rf"{_B}(?P<w>{_alt(SET_WORDS)}){_E}(?!-)", _r_set_word),
    ("set_wd_plural", r"(?<![\w'-])(?P<wdp>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?(?:\s+(?P<pod>mornings|"
                      r"afternoons|evenings|nights))?(?!\w)(?<=s)", _r_set_plural_wd),
    ("duration", rf"{_B}(?P<lead>(?:each\s+of\s+|all\s+)?the\s+(?:(?:first|last|past|next|previous|coming|following"
                 rf"|final|remaining|initial|same|last\s+few|past\s+few|next\s+few|first\s+few)\s+)?)?"
                 rf"(?:(?P<mod>{_MOD})\s+)?{_NUMU}(?:\s+(?:more|additional|extra|straight|consecutive|full|whole"
                 rf"|long|successive))?(?:\s+|(?P<hy>-))(?P<unit>{_UNITS})(?P<tail>\s+and\s+a\s+half|[- ]long)?"
                 rf"(?![\w])", _r_duration),
    ("duration_lead", rf"{_B}(?P<lead>(?:the\s+)?(?:first|last|past|next|coming|final|recent|early|following"
                      rf"|previous)\s+(?:(?:few|several|many)\s+)?)(?P<unit>seconds|minutes|hours|days|weeks"
                      rf"|months|years|decades|centuries|quarters){_E}", _r_vague_duration),
    ("duration_bare", rf"{_B}(?P<lead>)(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries|millennia)"
                      rf"(?:\s+(?:or|to)\s+(?:minutes|hours|days|weeks|months|years|decades))?(?P<tail>-long)?(?!\w)",
     _r_vague_duration),
    ("the_years", rf"(?:(?<=over\s)|(?<=cross\s)|(?<=rough\s)|(?<=down\s))(?P<lead>the\s+)"
                  rf"(?P<unit>years|decades|centuries){_E}",
     _r_vague_duration),
    ("ref", rf"{_B}(?P<w>{_alt(REF_WORDS)}){_E}", _r_ref),
    ("relday", rf"{_B}(?:(?:early|late|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after"
               rf"\s+tomorrow|(?<=earlier\sin\s)the\s+day|(?<=later\sin\s)the\s+day|yesterday|today|tomorrow"
               rf"|tonight|overnight|this|last)(?:\s+(?P<pod>{_POD_RX}))?{_E}"
               rf"(?<!this)(?<!last)", _r_relday),
    ("pod_ref", rf"{_B}(?:(?:early|late|mid)[- ]?\s*)?(?P<pod>{_POD_RX})\s+(?P<w>yesterday|today|tomorrow){_E}",
     lambda m, ctx: _r_relday(m, ctx)),
    ("pod", rf"{_B}(?:(?:early|late|mid)[- ]?\s*(?P<pod>morning|afternoon|evening)|(?P<pod2>dawn|daybreak|dusk"
            rf"|nightfall)){_E}(?!-)", _r_pod),
    ("weekday", rf"{_B}(?P<pre>(?:(?:early|late|mid)\s+(?:on\s+)?|this\s+coming\s+|this\s+past\s+|this\s+|last\s+"
                rf"|next\s+|coming\s+))?{_wd()}(?:,?\s+(?P<pod>{_POD_RX}))?", _r_weekday),
    ("clock", rf"{_B}(?:(?P<h>1[0-2]|0?[1-9]|{_alt(_UNIT_WORDS + ['ten', 'eleven', 'twelve'])})(?:[:.](?P<mm>[0-5]\d))?"
              rf"\s*(?P<ap>[ap]\.\s?m\.|[ap]\.m(?!\w)|[AaPp][Mm](?!\w))"
              rf"|(?<![\d.:])(?P<hx>[01]?\d|2[0-3]):(?P<mx>[0-5]\d)(?![\d:])(?:\s*(?:hours|hrs|h)(?!\w))?"
              rf"|(?P<mil>[01]\d[0-5]\d|2[0-3][0-5]\d)(?=\s*(?:GMT|UTC|hours|hrs|local|Z\b|[ECMP][SD]T))"
              rf"|(?P<h2>1[0-2]|0?[1-9]|{_alt(_UNIT_WORDS + ['ten', 'eleven', 'twelve'])})(?P<oc>\s+o'clock)"
              rf"|(?P<word>noon|midday|midnight)){_TZ}?(?!\w)", lambda m, ctx: _r_clock(m, ctx)),
]


# Every pattern belongs to a family that needs some word ("gate"); one pass over the words of a text tells which
# families can match, and only their patterns run.
_GATE_WORDS: dict[str, set[str]] = {}
for _gate, _words in {
    "spoken": ["nineteen", "eighteen", "seventeen", "thousand", "twenty"],
    "century": ["century"], "half": ["half"], "fiscal": ["fiscal"], "quarter": ["quarter", "q"],
    "season": list(_SEASONS), "ref": [w.split()[-1] for w in REF_WORDS], "set_word": list(SET_WORDS),
    "every": ["every", "each"], "freq": ["once", "twice", "thrice", "times"],
    "relday": ["yesterday", "today", "tomorrow", "tonight", "overnight", "day"],
    "pod": ["morning", "afternoon", "evening", "night", "dawn", "daybreak", "dusk", "nightfall"],
    "clock": ["noon", "midday", "midnight", "clock", *_UNIT_WORDS, "ten", "eleven", "twelve"],
    "holiday": [re.findall(r"[a-z]+", w)[0] for w in HOLIDAYS],
}.items():
    for _w in _words:
        _GATE_WORDS.setdefault(_w, set()).add(_gate)
for _w in ("morning", "afternoon", "evening", "night"):
    _GATE_WORDS[_w].add("relday")
_UNIT_PREFIXES = ("second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year", "decade",
                  "centur", "millenni")
_MONTH_PREFIXES = {m[:3] for m in MONTHS}
_WEEKDAY_PREFIXES = {d[:3] for d in WEEKDAYS}
_WORD_RX = re.compile(r"[A-Za-z]+|\d")
_GATE_CACHE: dict[str, frozenset[str]] = {}


def _gates_of(word: str) -> frozenset[str]:
    w = word.lower()
    got = _GATE_CACHE.get(w)
    if got is None:
        if w.isdigit():
            got = frozenset({"digit", "clock", "decade"})
        else:
            gates = set(_GATE_WORDS.get(w, ()))
            if w.startswith(_UNIT_PREFIXES):
                gates.add("unit")
            if w[:3] in _MONTH_PREFIXES:
                gates.add("month")
            if w[:3] in _WEEKDAY_PREFIXES:
                gates.add("weekday")
            if w.endswith("ties"):
                gates.add("decade")
            for prefix in ("early", "late", "mid"):  # "midafternoon", "midsummer"
                if w.startswith(prefix) and len(w) > len(prefix) + 2:
                    gates |= _gates_of(w[len(prefix):])
            got = frozenset(gates)
        if len(_GATE_CACHE) < 50_000:
            _GATE_CACHE[w] = got
    return got


_GATE_OF = {
    "iso": "digit", "iso_slash": "digit", "numeric": "digit", "day_range": "digit", "day_range_md": "digit",
    "dmy": "month", "mdy": "month", "holiday": "holiday", "month_year": "month", "month": "month", "year": "digit",
    "spoken_year": "spoken",
    "decade": "decade", "century": "century", "rel_decade": "unit", "quarter": "quarter", "rel_quarter": "quarter",
    "half": "half", "fiscal": "fiscal", "year_ago": "unit", "rel_unit": "unit", "season": "season", "ago": "unit",
    "bare_ago": "unit", "set_freq": "freq", "set_per": "unit", "set_every": "every", "set_word": "set_word",
    "set_wd_plural": "weekday", "duration": "unit", "duration_lead": "unit", "duration_bare": "unit",
    "the_years": "unit", "ref": "ref", "relday": "relday", "pod_ref": "pod", "pod": "pod", "weekday": "weekday",
    "clock": "clock",
}
_COMPILED: list[tuple[str, re.Pattern[str], _Resolver, str]] = [
    (n, re.compile(p, re.I), r, _GATE_OF[n]) for n, p, r in _PATTERNS]


# ---------------------------------------------------------------------------------------------------------------
# Selection, merging, ranges

_GAP_WD_DATE = re.compile(r",?\s+(?:the\s+)?$|\s*,\s*$")
_GAP_TIME_DATE = re.compile(r"(?:,\s*|\s+|\s+on\s+|\s+of\s+)$")
_GAP_DATE_TIME = re.compile(r"(?:,\s*|\s+|\s+at\s+|\s+around\s+|\s+about\s+|\s+from\s+|\s+by\s+|,\s+at\s+)$")
_GAP_RANGE = re.compile(r"\s*(?:-|–|—|to|until|till|through|thru|and)\s*$")
_DAYLIKE = ("day", "weekday", "relday")


def _merge(cands: list[_Cand], text: str) -> list[_Cand]:
    """Join "Saturday, April 25", "10 p.m. Wednesday", "Tuesday at 3 p.m." into one expression."""
    out: list[_Cand] = []
    for c in cands:
        if out:
            p = out[-1]
            gap = text[p.end:c.start]
            if len(gap) <= 8:
                if p.kind in ("weekday", "relday") and c.kind == "day" and _GAP_WD_DATE.fullmatch(gap):
                    out[-1] = _Cand(p.start, c.end, "DATE", c.value, c.span, "day")
                    continue
                if p.kind in ("clock", "pod") and c.kind in _DAYLIKE and _GAP_TIME_DATE.fullmatch(gap) and p.tod:
                    out[-1] = _Cand(p.start, c.end, "TIME", c.value + p.tod, c.span, "dtime")
                    continue
                if p.kind in _DAYLIKE and c.kind in ("clock", "pod") and _GAP_DATE_TIME.fullmatch(gap) and c.tod:
                    out[-1] = _Cand(p.start, c.end, "TIME", p.value + c.tod, p.span, "dtime")
                    continue
        out.append(c)
    return out


_RANGEABLE = {"day", "weekday", "relday", "dtime", "month", "year", "quarter", "season", "decade", "week", "half"}


def _ranges(cands: list[_Cand], text: str) -> None:
    """"from May to July", "between 1998 and 2001": both ends get the span of the whole range."""
    for p, c in zip(cands, cands[1:], strict=False):
        if p.span is None or c.span is None or p.span.start is None or c.span.end is None:
            continue
        gap = text[p.end:c.start]
        if len(gap) > 9 or not _GAP_RANGE.fullmatch(gap):
            continue
        word = gap.strip().lower()
        before = text[max(0, p.start - 9):p.start].lower().rstrip()
        if (word == "and" and not before.endswith("between")) or (word == "to" and not before.endswith("from")):
            continue
        if p.kind not in _RANGEABLE or c.kind not in _RANGEABLE:
            continue
        if p.kind == c.kind == "weekday" and c.span.start < p.span.start:
            # "Monday through Wednesday": the second day follows the first
            first, last = date.fromisoformat(p.span.start), date.fromisoformat(c.span.start)
            last = first + timedelta(days=(last.weekday() - first.weekday()) % 7)
            c.value, c.span = last.isoformat(), _day(last)
        if p.span.start > c.span.end:
            continue
        span = DateSpan(p.span.start, c.span.end, "range")
        p.span, c.span = span, DateSpan(span.start, span.end, "range")


def _since(cands: list[_Cand], text: str, anchor: date) -> None:
    """"since late October": the span runs from that time to the publication date."""
    today = anchor.isoformat()
    for c in cands:
        sp = c.span
        if sp is not None and sp.start is not None and sp.start <= today and c.type == "DATE" \
                and c.kind not in ("ref", "ago") and _prev_word(text, c.start) == "since":
            c.span = DateSpan(sp.start, max(today, sp.end or today), "range")


_WINDOW_BEFORE, _WINDOW_AFTER, _SHORT_TEXT = 80, 60, 400


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each gate with a word in ``text``, the stretches a pattern of that gate needs to scan: the whole of a
    short text, else the merged neighbourhoods of the gate's words (a match never reaches farther from its word)."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for m in _WORD_RX.finditer(text):
        for g in _gates_of(m.group()):
            hits.setdefault(g, []).append((m.start(), m.end()))
    if len(text) <= _SHORT_TEXT:
        return {g: [(0, len(text))] for g in hits}
    out: dict[str, list[tuple[int, int]]] = {}
    for g, spans in hits.items():
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            lo, hi = max(0, s - _WINDOW_BEFORE), e + _WINDOW_AFTER
            while hi < len(text) and not text[hi].isspace():  # never cut a word: "(?!\w)" would pass there
                hi += 1
            hi = min(hi, len(text))
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
            else:
                merged.append((lo, hi))
        out[g] = merged
    return out


def _resolve_into(found: list[tuple[int, int, int, _Cand]], rank: int, resolve: _Resolver, m: re.Match[str],
                  ctx: _Ctx) -> None:
    try:
        got = resolve(m, ctx)
    except (ValueError, OverflowError):  # date arithmetic beyond year 1 or 9999
        return
    if got is None:
        return
    for c in got if isinstance(got, list) else [got]:
        found.append((-(c.end - c.start), rank, c.start, c))


def find_times(text: str, published: str | None, *, future: bool = False) -> list[TimeExpression]:
    """Every time expression in ``text`` (non-overlapping; the longest match wins), resolved against ``published``.

    ``future=True`` reads underspecified dates as upcoming (for announcements and schedules).
    """
    if not text:
        return []
    ctx = _Ctx(text=text, anchor=parse_date(published), future=future)
    found: list[tuple[int, int, int, _Cand]] = []
    windows = _windows(text)
    if not windows:
        return []
    seen: set[tuple[int, int, int]] = set()
    for rank, (_name, rx, resolve, gate) in enumerate(_COMPILED):
        for lo, hi in windows.get(gate, ()):
            for m in rx.finditer(text, lo, hi):
                if m.end() <= m.start() or (rank, m.start(), m.end()) in seen:
                    continue
                seen.add((rank, m.start(), m.end()))
                _resolve_into(found, rank, resolve, m, ctx)
    if not found:
        return []
    found.sort(key=lambda t: t[:3])
    taken = bytearray(len(text))
    chosen: list[_Cand] = []
    for _, _, _, c in found:
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    chosen = _merge(chosen, text)
    _ranges(chosen, text)
    if ctx.anchor is not None:
        _since(chosen, text, ctx.anchor)
    out = []
    for c in chosen:
        s, e = c.start, c.end
        while e > s and text[e - 1] in " ,":
            e -= 1
        span = c.span
        if span is not None:
            span = DateSpan(span.start, span.end, span.precision, text[s:e])
        out.append(TimeExpression(text=text[s:e], start=s, end=e, type=c.type, value=c.value, span=span))
    return out
