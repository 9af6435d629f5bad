import re
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

import flashpoint.resolve.times as times_module
from flashpoint.resolve.times import find_times, parse_date, published_span

PUB = "2019-12-31"  # a Tuesday


def values(text, published=PUB):
    return {t.text: t.value for t in find_times(text, published)}


def one(text, published=PUB, **kw):
    found = find_times(text, published, **kw)
    assert len(found) == 1, found
    return found[0]


def test_weekdays_resolve_to_nearest_past_day():
    assert values("Strikes on Sunday and a raid late on Tuesday")["Sunday"] == "2019-12-29"
    assert values("Strikes on Sunday and a raid late on Tuesday")["late on Tuesday"] == "2019-12-31"
    assert values("Tuesday's incident")["Tuesday"] == "2019-12-31"
    assert values("on Wednesday")["Wednesday"] == "2019-12-25"


def test_weekdays_follow_tense_and_next_last():
    assert one("The talks will resume on Friday.").value == "2020-01-03"
    assert one("The talks resumed on Friday.").value == "2019-12-27"
    assert one("They are scheduled to meet Thursday.").value == "2020-01-02"
    assert one("It happened next Tuesday.").value == "2020-01-07"
    assert one("It happened last Tuesday.").value == "2019-12-24"
    assert one("Congress is due to vote on Tuesday.").value == "2019-12-31"  # the publication day itself
    assert [t.span for t in find_times("the Good Friday agreement", PUB)] == [None]  # a name, not a date


def test_relative_days_and_parts_of_day():
    v = values("yesterday, today, tomorrow")
    assert v == {"yesterday": "2019-12-30", "today": "2019-12-31", "tomorrow": "2020-01-01"}
    t = one("He spoke this morning.")
    assert (t.type, t.value, t.span.start) == ("TIME", "2019-12-31TMO", "2019-12-31")
    assert one("Shelling went on tonight.").value == "2019-12-31TNI"
    assert one("Clashes broke out last night.").value == "2019-12-30TNI"
    t = one("Rockets hit the base overnight.")
    assert t.value == "2019-12-30TNI" and (t.span.start, t.span.end) == ("2019-12-30", "2019-12-31")
    assert one("They met on Monday afternoon.").value == "2019-12-30TAF"
    assert one("He spoke at mid-afternoon yesterday.").value == "2019-12-30TAF"


def test_clock_times():
    t = one("The blast went off at 3 p.m.")
    assert (t.type, t.value, t.span) == ("TIME", "2019-12-31T15:00", None)  # no date given: no span
    t = one("The blast went off at 10 p.m. Monday.")
    assert t.value == "2019-12-30T22:00" and t.span.start == "2019-12-30"
    assert one("The curfew starts at 14:30 GMT.").value == "2019-12-31T14:30"
    assert one("They met on Monday at 9:15 am.").value == "2019-12-30T09:15"
    assert one("The deadline is noon Friday.").value.endswith("T12:00")
    assert find_times("Arsenal won 3:1 against them", PUB) == []


def test_relative_expressions():
    v = values("last week, yesterday, two days ago, earlier this month, last year")
    assert v["last week"] == "2019-W52"
    assert v["yesterday"] == "2019-12-30"
    assert v["two days ago"] == "2019-12-29"
    assert v["earlier this month"] == "2019-12"
    assert v["last year"] == "2018"


def test_relative_units():
    v = values("this week, next month, next year, this quarter, last quarter, last weekend, three weeks ago")
    assert v["this week"] == "2020-W01"  # ISO week of 31 December 2019
    assert v["next month"] == "2020-01"
    assert v["next year"] == "2020"
    assert v["this quarter"] == "2019-Q4"
    assert v["last quarter"] == "2019-Q3"
    assert v["last weekend"] == "2019-W52-WE"  # 28-29 December
    assert v["three weeks ago"] == "2019-W50"  # 10 December
    t = one("Fighting flared earlier this month.")
    assert (t.span.start, t.span.end) == ("2019-12-01", "2019-12-31")
    assert one("Fighting flared over the weekend.").value == "2019-W52-WE"


def test_absolute_dates_and_year_inference():
    v = values("on 2 July 2016, on Dec. 27, in March 2020 and on 5 January", published="2020-01-08")
    assert v["2 July 2016"] == "2016-07-02"
    assert v["Dec. 27"] == "2019-12-27"  # the nearest past December 27
    assert v["March 2020"] == "2020-03"
    assert v["5 January"] == "2020-01-05"
    assert one("Talks opened on July 2, 1998.").value == "1998-07-02"
    assert one("Talks open on 2 July.", published="2019-06-20").value == "2019-07-02"
    assert one("Saturday, April 25, was quiet.", published="1998-04-24").value == "1998-04-25"


def test_months_follow_tense():
    assert one("The attack happened in March.", published="2019-12-31").value == "2019-03"
    assert one("Elections will be held in March.", published="2019-12-31").value == "2020-03"
    assert one("The talks are supposed to conclude by May.", published="1998-03-22").value == "1998-05"
    assert one("The treaty signed last May holds.", published="1998-02-27").value == "1997-05"
    assert one("Elections are due this September.", published="1998-02-05").value == "1998-09"
    assert one("In January this year, police arrived.", published="1998-02-19").value == "1998-01"
    assert one("In June last year, the leaders split.", published="1998-02-19").value == "1997-06"
    assert find_times("They may go home", PUB) == []
    assert find_times("Protesters march to the square", PUB) == []


def test_numeric_and_iso_dates():
    assert one("Filed 2019-12-29.").value == "2019-12-29"
    assert one("Filed 29.12.2019.").value == "2019-12-29"
    assert one("Filed 29/12/2019.").value == "2019-12-29"
    assert one("Filed 12/29/2019.").value == "2019-12-29"
    # both readings exist: the one on or before publication and nearest to it wins
    assert one("Filed 7/12/2019.").value == "2019-12-07"
    assert one("Filed 12/7/2019.").value == "2019-12-07"
    assert one("Filed 3/4/2019.", published="2019-03-06").value == "2019-03-04"
    assert one("Filed 3/4/2019.", published="2019-04-05").value == "2019-04-03"
    t = one("Logged at 2019-12-29T14:30:00Z.")
    assert (t.type, t.value) == ("TIME", "2019-12-29T14:30")


def test_years_decades_centuries_quarters_seasons():
    v = values("in 1998, in the 1990s, the late 1970s, the 20th century, the nineties, mid-1996",
               published="1998-03-01")
    assert v["1998"] == "1998" and v["the 1990s"] == "199" and v["the late 1970s"] == "197"
    assert v["the 20th century"] == "19" and v["the nineties"] == "199" and v["mid-1996"] == "1996"
    assert one("Profit fell in the fourth quarter.", published="1998-01-26").value == "1997-Q4"
    assert one("Profit rose in the third quarter of 1997.", published="1998-01-26").value == "1997-Q3"
    assert one("third-quarter earnings rose", published="1989-11-02").value == "1989-Q3"
    assert one("Protests grew this summer.", published="1998-03-22").value == "1998-SU"
    assert one("Hiring began last fall.", published="1998-02-06").value == "1997-FA"
    assert one("in fiscal 1989", published="1989-11-02").value == "1989"
    assert one("Atlanta, nineteen ninety-six: a bomb.", published="1998-02-27").value == "1996"
    assert one("the year two thousand", published="1998-02-27").value == "2000"


def test_year_naming_a_thing_does_not_date_the_sentence():
    t = one("Critics cited the 1954 Hague Convention.")
    assert t.value == "1954" and t.span is None
    assert one("They fought in 1954.").span.start == "1954-01-01"
    assert find_times("Some 2000 people marched.", PUB) == []
    assert find_times("It rose 1998 percent.", PUB) == []


def test_present_past_future_references():
    t = one("The town is now under siege.")
    assert (t.value, t.span.start, t.span.end) == ("PRESENT_REF", PUB, PUB)
    assert one("It is currently closed.").value == "PRESENT_REF"
    t = one("Rebels recently took the town.")
    assert (t.value, t.span) == ("PAST_REF", None)
    assert one("Talks may resume in the near future.").value == "FUTURE_REF"
    assert one("It happened several years ago.").value == "PAST_REF"
    assert find_times("the now-defunct party", PUB) == []


def test_durations():
    t = one("Fighting over the past three years displaced thousands.")
    assert (t.type, t.value, t.span) == ("DURATION", "P3Y", None)
    assert one("The war lasted three years.").value == "P3Y"
    assert one("The region was calm for a decade.").value == "P10Y"
    assert one("It was his first break in two decades.").value == "P20Y"
    assert one("They were held for 444 days.").value == "P444D"
    assert one("a five-year plan").value == "P5Y"
    assert one("They have kept their secrets for more than two thousand years.").value == "P2000Y"
    assert one("He was held for 2 1/2 years.").value == "P2Y6M"
    assert one("The meeting lasted an hour and a half.").value == "PT1H30M"
    assert one("The siege lasted for weeks.").value == "PXW"
    assert one("Prices fell over the next few days.").value == "PXD"
    assert find_times("a 23-year-old man was shot", PUB) == []
    assert find_times("a second attack followed", PUB) == []


def test_sets():
    assert one("The agency gives a daily tally.").value == "P1D"
    t = one("The paper appears weekly.")
    assert (t.type, t.span) == ("SET", None)
    assert one("They meet every month.").value == "P1M"
    assert one("Orangemen march each July.").value == "XXXX-07"
    assert one("A flight leaves each Thursday.").value == "XXXX-WXX-4"
    assert one("Four flights a week fly the route.").value == "P1W"
    assert one("They met twice a year.").value == "P1Y"
    assert find_times("He told the Daily Mail.", PUB) == []


def test_ranges_share_one_span():
    found = find_times("Troops stayed from May to July.", "2019-12-31")
    assert [t.value for t in found] == ["2019-05", "2019-07"]
    assert all((t.span.start, t.span.end, t.span.precision) == ("2019-05-01", "2019-07-31", "range") for t in found)
    t = one("Talks were held on 2-5 July 2019.")
    assert t.value == "2019-07-02" and (t.span.start, t.span.end) == ("2019-07-02", "2019-07-05")
    found = find_times("payments between December 2019 and April 2020", PUB)
    assert found[0].span.end == "2020-04-30"


def test_part_of_a_month_narrows_the_span():
    t = one("The offensive began in late October.")
    assert (t.value, t.span.start, t.span.end) == ("2019-10", "2019-10-21", "2019-10-31")
    t = one("The offensive began in early 2019.")
    assert (t.value, t.span.start, t.span.end) == ("2019", "2019-01-01", "2019-04-30")


def test_capitalised_names_are_not_times():
    assert find_times('Baker said on ABC\'s "This Week" program', PUB) == []
    assert find_times("according to USA Today", PUB) == []


def test_week_span_precision():
    t = find_times("last week's killing", PUB)[0]
    assert t.span.precision == "week" and t.span.start <= "2019-12-27" <= t.span.end


def test_offsets_index_the_text():
    text = "  Fighting resumed on Friday after a lull.\n"
    for t in find_times(text, PUB):
        assert text[t.start:t.end] == t.text


def test_no_anchor():
    assert published_span(None).precision == "unknown"
    assert parse_date("1998-02-13T14:26:00") == date(1998, 2, 13)
    assert parse_date("garbage") is None
    assert find_times("on 3 May 2001", None)[0].value == "2001-05-03"
    v = values("on Friday, last week, yesterday, in March, now", published=None)
    assert v == {"Friday": "XXXX-WXX-5", "last week": "XXXX-WXX", "yesterday": "XXXX-XX-XX", "March": "XXXX-03",
                 "now": "PRESENT_REF"}
    assert all(t.span is None for t in find_times("on Friday, last week, yesterday", None))


def test_future_flag_reads_dates_as_upcoming():
    assert one("on Friday", future=True).value == "2020-01-03"
    assert one("in March", future=True).value == "2020-03"


# ---------------------------------------------------------------------------------------------------------------
# Properties

_D = r"(?:\d{4}|XXXX)"
_DATE_PART = (rf"(?:{_D}(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?)?|{_D}-W(?:\d\d|XX)(?:-(?:WE|[1-7]))?|{_D}-Q[1-4X]"
              rf"|{_D}-H[12]|{_D}-(?:SP|SU|FA|WI)|\d\d\d?|XXX?)")
_NUMX = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = rf"P(?=.)(?:{_NUMX}(?:Y|M|W|D|E|C|L))*(?:T(?:{_NUMX}[HMS])+)?"
TIMEX_VALUE = re.compile(
    rf"(?:(?:PRESENT|PAST|FUTURE)_REF|{_DATE_PART}(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?|{_DURATION})")

_WORDS = ["on", "in", "last", "next", "this", "the", "past", "Monday", "Friday", "Sunday", "March", "May", "July",
          "Dec.", "2019", "1998", "1990s", "ago", "two", "three", "a", "few", "days", "weeks", "months", "year",
          "quarter", "fourth", "summer", "weekend", "yesterday", "tonight", "morning", "night", "3", "p.m.", "10:30",
          "GMT", "now", "recently", "daily", "every", "each", "week", "from", "to", "between", "and", "early", "late",
          "mid-", "fiscal", "century", "20th", "nineteen", "ninety-six", ",", ".", "-", "'s", "will", "was", "12",
          "1/2", "2/3/2019", "2019-12-29", "half", "first", "decade", "hours", "noon", "overnight", "o'clock", "the"]


@st.composite
def time_texts(draw):
    words = draw(st.lists(st.sampled_from(_WORDS), max_size=25))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "  ", "\n", ""]), min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps, strict=True))


_anchors = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(str))


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=200), time_texts()), _anchors)
def test_never_raises_and_offsets_are_valid(text, published):
    previous_end = 0
    for t in find_times(text, published):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= previous_end  # sorted, non-overlapping
        previous_end = t.end


@settings(max_examples=300)
@given(time_texts(), _anchors, st.booleans())
def test_values_are_timex3(text, published, future):
    for t in find_times(text, published, future=future):
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert TIMEX_VALUE.fullmatch(t.value), (t.text, t.value)
        if t.type in ("DURATION", "SET") or t.value in ("PAST_REF", "FUTURE_REF"):
            assert t.span is None, t
        if t.span is not None and t.span.start is not None:
            assert t.span.start <= t.span.end
            assert t.span.precision in ("day", "week", "month", "year", "range")
        if t.value == "PRESENT_REF" and published:
            assert t.span is not None and t.span.start == t.span.end == published


@given(st.dates(min_value=date(1990, 1, 8), max_value=date(2030, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_is_within_the_past_week(d, day):
    t = find_times(f"It happened on {day}.", d.isoformat())[0]
    resolved = date.fromisoformat(t.value)
    assert d - timedelta(days=6) <= resolved <= d
    assert resolved.strftime("%A") == day
    assert t.span.start == t.span.end == t.value


@given(st.dates(min_value=date(1990, 1, 8), max_value=date(2030, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_future_weekday_is_within_the_coming_week(d, day):
    t = find_times(f"They will meet on {day}.", d.isoformat())[0]
    resolved = date.fromisoformat(t.value)
    assert d <= resolved <= d + timedelta(days=6)
    assert resolved.strftime("%A") == day


def test_since_runs_to_the_publication_date():
    t = one("Attacks have risen since late October.")
    assert (t.value, t.span.start, t.span.end, t.span.precision) == ("2019-10", "2019-10-21", PUB, "range")


def test_vague_long():
    t = one("a months-long campaign of harassment")
    assert (t.text, t.value) == ("months-long", "PXM")


def test_holidays_and_dawn():
    assert one("He was killed on Christmas Day 1998.").value == "1998-12-25"
    assert one("Shops closed for Christmas.").value == "2019-12-25"
    assert one("Protests are planned for Easter.", published="2019-03-01").value == "2019-04-21"
    assert one("They will vote on Thanksgiving.", published="2019-11-01").value == "2019-11-28"
    t = one("The raid came at dawn on Tuesday.")
    assert (t.type, t.value, t.span.start) == ("TIME", "2019-12-31TMO", "2019-12-31")


def test_since_by_until_and_weekday_ranges():
    assert one("The plant has been idle since mid-July and will reopen soon.").value == "2019-07"
    assert one("The government has until Friday to respond.").value == "2020-01-03"
    found = find_times("The talks, held Monday through Wednesday, ended.", "2020-01-03")
    assert [t.value for t in found] == ["2019-12-30", "2020-01-01"]
    assert found[0].span.start == "2019-12-30" and found[0].span.end == "2020-01-01"


def test_month_naming_a_thing_does_not_date_the_sentence():
    t = one("Workers strike over payment of June salaries.")
    assert t.value == "2019-06" and t.span is None
    assert one("Fighting resumed at the end of June.").span is not None


def test_quarter_as_a_district_and_glued_dates():
    assert find_times("Men ransacked the house of the village chief in the quarter.", PUB) == []
    assert one("Profit fell 5% in the quarter.").value == "2019-Q3"
    assert one("Militias fought on June.27 near the reserve.").value == "2019-06-27"


@settings(max_examples=100)
@given(st.lists(time_texts(), min_size=3, max_size=12), _anchors)
def test_scanning_near_keywords_finds_what_a_full_scan_finds(parts, published):
    text = " filler words here and there. ".join(parts) * 2
    got = [(t.start, t.end, t.value) for t in find_times(text, published)]
    old = times_module._SHORT_TEXT
    times_module._SHORT_TEXT = 10**9  # scan everything
    try:
        full = [(t.start, t.end, t.value) for t in find_times(text, published)]
    finally:
        times_module._SHORT_TEXT = old
    assert got == full
