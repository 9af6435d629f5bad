from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from flashpoint.resolve.times import find_times, published_span

PUB = "2019-12-31"  # a Tuesday


def values(text, published=PUB):
    return {t.text: t.value for t in find_times(text, published)}


def test_weekdays_resolve_to_nearest_past_day():
    assert values("Strikes on Sunday and a raid late on Tuesday")["Sunday"] == "2019-12-29"
    assert values("Tuesday's incident")["Tuesday"] == "2019-12-31"
    assert values("on Wednesday")["Wednesday"] == "2019-12-25"


def test_relative_expressions():
    v = values("last week, yesterday, two days ago, earlier this month, last year")
    assert v["last week"] == "2019-W52"
    assert v["yesterday"] == "2019-12-30"
    assert v["two days ago"] == "2019-12-29"
    assert v["earlier this month"] == "2019-12"
    assert v["last year"] == "2018"


def test_absolute_dates_and_year_inference():
    v = values("on 2 July 2016, on Dec. 27, in March 2020 and on 5 January", published="2020-01-08")
    assert v["2 July 2016"] == "2016-07-02"
    assert v["Dec. 27"] == "2019-12-27"  # the nearest past December 27
    assert v["March 2020"] == "2020-03"
    assert v["5 January"] == "2020-01-05"


def test_week_span_precision():
    t = find_times("last week's killing", PUB)[0]
    assert t.span.precision == "week" and t.span.start <= "2019-12-27" <= t.span.end


def test_modal_may_is_not_a_month():
    assert find_times("They may go home", PUB) == []


def test_offsets_index_the_text():
    text = "  Fighting resumed on Friday after a lull."
    for t in find_times(text, PUB):
        assert text[t.start:t.end] == t.text


def test_no_anchor():
    assert published_span(None).precision == "unknown"
    assert find_times("on 3 May 2001", None)[0].value == "2001-05-03"


@given(st.text(max_size=200), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_never_raises_and_offsets_are_valid(text, d):
    for t in find_times(text, d.isoformat()):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text


@given(st.dates(min_value=date(1990, 1, 8), max_value=date(2030, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_is_within_the_past_week(d, day):
    t = find_times(f"It happened on {day}.", d.isoformat())[0]
    resolved = date.fromisoformat(t.value)
    assert d - timedelta(days=6) <= resolved <= d
    assert resolved.strftime("%A") == day
