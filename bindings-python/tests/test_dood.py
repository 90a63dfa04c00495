"""The day out of days from Python."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import callsheet

WORK = {"SW", "W", "WF", "SWF", "PW", "PWF"}
TOTALS = [
    "work",
    "hold",
    "travel",
    "rehearsal",
    "fitting",
    "holiday",
    "move_days",
    "dropped",
    "idle",
    "outside_span",
    "span",
    "first_work",
    "last_work",
    "drop",
    "pickup",
]
# Which grid codes each count of the totals is made of (blank days are idle).
COUNTED = {
    "work": WORK,
    "hold": {"H"},
    "travel": {"T"},
    "rehearsal": {"R"},
    "fitting": {"FT"},
    "holiday": {"/"},
    "move_days": {"M"},
}


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> callsheet.Production:
    return callsheet.Production.load(sample_path)


@pytest.fixture(scope="module")
def report(sample: callsheet.Production) -> callsheet.DoodReport:
    return sample.day_out_of_days()


def cast_with_work(production: callsheet.Production) -> set[str]:
    working = {
        a.person
        for e in production.events
        if e.kind in ("shoot_day", "scene") and e.status in ("confirmed", "hold")
        for a in e.attendees
    }
    return {p.id for p in production.people if p.category == "cast" and p.id in working}


def test_one_row_per_cast_member_with_work(sample: callsheet.Production, report: callsheet.DoodReport) -> None:
    assert report.production == sample.name
    assert report.zone == sample.zone == "America/Los_Angeles"
    assert report.warnings == []
    expected = cast_with_work(sample)
    assert len(expected) >= 20
    assert len(report) == len(report.rows) == len(expected)
    assert {r.person for r in report} == expected
    assert all(r.category == "cast" for r in report.rows)
    numbers = [r.cast_number for r in report.rows]
    assert None not in numbers
    assert numbers == sorted(n for n in numbers if n is not None)
    assert [r.person for r in iter(report)] == [r.person for r in report.rows]
    assert repr(report).startswith(f'<DoodReport "{sample.name}": {len(expected)} rows, ')


def test_columns_are_consecutive_civil_dates(sample: callsheet.Production, report: callsheet.DoodReport) -> None:
    columns = report.columns
    assert len(columns) >= 30
    for a, b in zip(columns, columns[1:]):
        assert b.date - a.date == dt.timedelta(days=1)
    holidays = sample.holidays
    work_week = set(sample.work_week)
    for c in columns:
        assert isinstance(c.date, dt.date) and not isinstance(c.date, dt.datetime)
        assert c.weekday == c.date.strftime("%a")
        assert c.day_numbers == sorted(set(c.day_numbers))
        assert c.day_numbers == sorted({s.day_number for s in c.shoot_days if s.day_number is not None})
        if c.date in holidays:
            assert c.day_type == "holiday"
            assert c.holiday == holidays[c.date]
        else:
            assert c.holiday is None
            assert c.day_type in ("working", "day_off", "move_day", "non_working")
        if c.day_type == "working":
            assert c.weekday in work_week
    assert any(c.day_type == "holiday" for c in columns)
    assert any(c.day_type == "non_working" for c in columns)
    assert any(c.day_numbers == [1] for c in columns)
    # The default range spans exactly the dates of the people's events.
    firsts = [i for r in report.rows for i, code in enumerate(r.codes) if code]
    assert min(firsts) == 0 and max(firsts) == len(columns) - 1


def test_every_row_starts_and_finishes(report: callsheet.DoodReport) -> None:
    dates = [c.date for c in report.columns]
    for row in report:
        assert len(row.codes) == len(dates)
        worked = [i for i, code in enumerate(row.codes) if code in WORK]
        assert worked, row.person
        first, last = worked[0], worked[-1]
        if first == last:
            assert row.codes[first] == "SWF"
        else:
            assert row.codes[first] == "SW", row.person
            assert row.codes[last] in ("WF", "PWF"), row.person
        assert sum(code in ("SW", "SWF") for code in row.codes) == 1
        assert sum(code in ("WF", "SWF", "PWF") for code in row.codes) == 1
        t = row.totals
        assert (t.first_work, t.last_work) == (dates[first], dates[last])
        assert t.span == (dates[last] - dates[first]).days + 1
        # Outside the span only travel, rehearsal and fitting show.
        outside = row.codes[:first] + row.codes[last + 1 :]
        assert set(outside) <= {"", "T", "R", "FT"}


def test_totals_agree_with_the_codes(report: callsheet.DoodReport) -> None:
    dropped = 0
    for row in report:
        t = row.totals
        counts = Counter[str](row.codes)
        for total, codes in COUNTED.items():
            assert getattr(t, total) == sum(counts[c] for c in codes), (row.person, total)
        parts = t.work + t.hold + t.travel + t.rehearsal + t.fitting + t.holiday + t.move_days + t.dropped + t.idle
        assert parts == t.span + t.outside_span, row.person
        outside = [
            code
            for date, code in zip((c.date for c in report.columns), row.codes)
            if code and t.first_work is not None and t.last_work is not None
            if not t.first_work <= date <= t.last_work
        ]
        assert t.outside_span == len(outside)
        if t.drop is None:
            assert t.pickup is None and t.dropped == 0
            assert "D" not in row.codes
        else:
            dropped += 1
            assert t.pickup is not None and t.drop < t.pickup
            assert report.code(row.person, t.drop) == "D"
            assert report.code(row.person, t.pickup) in ("PW", "PWF")
            assert t.dropped == (t.pickup - t.drop).days
        for name in TOTALS[:11]:
            assert isinstance(getattr(t, name), int)
    assert dropped >= 1, "the sample drops and picks up some day players"


def test_row_and_code_lookups(report: callsheet.DoodReport) -> None:
    row = report.rows[0]
    assert report.row(row.person) == row
    assert report.row("NOBODY") is None
    for i, column in enumerate(report.columns):
        assert report.code(row.person, column.date) == row.codes[i]
    assert report.code("NOBODY", report.columns[0].date) is None
    assert report.code(row.person, report.columns[0].date - dt.timedelta(days=1)) is None
    with pytest.raises(callsheet.ValidationError, match="date: must be a datetime.date"):
        report.code(row.person, dt.datetime(2027, 3, 1, 9))
    with pytest.raises(callsheet.ValidationError, match="date: must be a datetime.date, got str"):
        report.code(row.person, "2027-03-01")  # type: ignore[arg-type]


def test_text_agrees_with_rows(sample: callsheet.Production, report: callsheet.DoodReport) -> None:
    text = report.to_text()
    lines = text.splitlines()
    assert lines[0] == f"DAY OUT OF DAYS: {sample.name}"
    first, last = report.columns[0].date, report.columns[-1].date
    assert lines[1] == f"{first} to {last} ({len(report.columns)} days, {report.zone})"
    for row in report:
        label = f"{row.cast_number}. {row.name}"
        line = next(x for x in lines if x.startswith(label + " "))
        assert f"| work {row.totals.work:>3} hold {row.totals.hold:>3}" in line
        assert f"| span {row.totals.span:>3}" in line
        cells = line[: line.index(" | work")].split()
        assert [c for c in cells if c in WORK | {"H", "D", "T", "R", "FT", "/", "M"}] == [c for c in row.codes if c]
    assert "SW start work" in lines[-1]
    assert all(x == x.rstrip() for x in lines)


def test_csv_agrees_with_rows(report: callsheet.DoodReport) -> None:
    text = report.to_csv()
    assert text.endswith("\r\n")
    records = list(csv.reader(io.StringIO(text, newline="")))
    dates = [c.date.isoformat() for c in report.columns]
    header = records[0]
    assert header == ["cast_number", "person", "name", "category", *dates, *TOTALS, "warnings"]
    assert len(records) == len(report) + 1
    for row, record in zip(report, records[1:]):
        fields = dict(zip(header, record))
        assert fields["person"] == row.person
        assert fields["name"] == row.name
        assert fields["cast_number"] == str(row.cast_number)
        assert record[4 : 4 + len(dates)] == row.codes
        assert fields["work"] == str(row.totals.work)
        assert fields["span"] == str(row.totals.span)
        drop = row.totals.drop
        assert fields["drop"] == ("" if drop is None else drop.isoformat())


def test_records(report: callsheet.DoodReport) -> None:
    records = report.to_records()
    dates = [c.date.isoformat() for c in report.columns]
    assert len(records) == len(report)
    for row, record in zip(report, records):
        assert list(record) == ["person", "name", "cast_number", *dates, *TOTALS]
        assert (record["person"], record["name"], record["cast_number"]) == (row.person, row.name, row.cast_number)
        assert [record[d] for d in dates] == row.codes
        for name in TOTALS:
            assert record[name] == getattr(row.totals, name)


def test_pandas(report: callsheet.DoodReport) -> None:
    pd = pytest.importorskip("pandas")
    frame: Any = report.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    dates = [c.date.isoformat() for c in report.columns]
    assert list(frame.columns) == ["person", "name", "cast_number", *dates, *TOTALS]
    assert len(frame) == len(report)
    assert list(frame["person"]) == [r.person for r in report]
    assert list(frame["work"]) == [r.totals.work for r in report]
    first = report.rows[0]
    assert list(frame.iloc[0][dates]) == first.codes


def test_pandas_missing_is_a_clear_import_error(report: callsheet.DoodReport, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pandas is not installed; pip install pandas"):
        report.to_pandas()


def test_pandas_is_not_imported_with_callsheet() -> None:
    code = "import sys, callsheet; assert 'pandas' not in sys.modules, 'pandas imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_people_options(sample: callsheet.Production) -> None:
    cast = sample.day_out_of_days()
    both = sample.day_out_of_days(people="cast_and_crew")
    everyone = sample.day_out_of_days(people="everyone")
    categories = [r.category for r in both]
    assert categories == sorted(categories, key=["cast", "crew"].index)
    assert "crew" in categories
    assert [r.person for r in both][: len(cast)] == [r.person for r in cast]
    assert len(everyone) == len(sample.people)
    assert [r.person for r in everyone][: len(both)] == [r.person for r in both]

    wanted = [cast.rows[3].person, cast.rows[0].person]
    only = sample.day_out_of_days(people=wanted)
    assert [r.person for r in only] == wanted
    assert only.warnings == []
    assert only.row(wanted[0]) is not None
    assert sample.day_out_of_days(people=tuple(wanted)) == only
    unknown = sample.day_out_of_days(people=[wanted[0], "NOBODY"])
    assert [r.person for r in unknown] == [wanted[0]]
    assert len(unknown.warnings) == 1 and "NOBODY" in unknown.warnings[0]
    assert len(sample.day_out_of_days(people=[])) == 0


def test_range_options(sample: callsheet.Production, report: callsheet.DoodReport) -> None:
    shoot = sample.day_out_of_days(range="shoot")
    shoot_dates = [c.date for c in shoot.columns if c.day_numbers]
    assert shoot.columns[0].date == shoot_dates[0] and shoot.columns[-1].date == shoot_dates[-1]
    assert shoot.columns[0].day_numbers == [1]
    # Totals are the whole engagement, whatever the range shown.
    assert [r.totals for r in shoot] == [r.totals for r in report]

    start, end = dt.date(2027, 3, 1), dt.date(2027, 3, 7)
    week = sample.day_out_of_days(start=start, end=end)
    assert [c.date for c in week.columns] == [start + dt.timedelta(days=i) for i in range(7)]
    for row in week:
        full = report.row(row.person)
        assert full is not None
        assert row.codes == [report.code(row.person, c.date) for c in week.columns]
        assert row.totals == full.totals
    one = sample.day_out_of_days(start=start, end=start)
    assert len(one.columns) == 1


def test_status_options(sample: callsheet.Production, report: callsheet.DoodReport) -> None:
    # The sample's events are all confirmed: holds and tentative events change nothing.
    assert sample.day_out_of_days(include_holds=False, include_tentative=True) == report
    assert sample.day_out_of_days() == report, "deterministic"


def test_holds_and_tentative_events_count_on_request(sample: callsheet.Production) -> None:
    person = sorted(cast_with_work(sample))[0]
    day = next(e for e in sample.events if e.kind == "shoot_day")
    later = dt.timedelta(days=400)
    data = json.loads(sample.to_json())
    last_work = sample.day_out_of_days(people=[person]).rows[0].totals.last_work
    assert last_work is not None
    for status, include_holds, include_tentative, counted in [
        ("hold", True, False, True),
        ("hold", False, False, False),
        ("tentative", True, False, False),
        ("tentative", True, True, True),
        ("cancelled", True, True, False),
    ]:
        extra = {
            "id": "EXTRA",
            "kind": "shoot_day",
            "status": status,
            "start": (day.start + later).isoformat(),
            "end": (day.end + later).isoformat(),
            "attendees": [{"person": person}],
        }
        production = callsheet.Production.from_json(json.dumps({**data, "events": [*data["events"], extra]}))
        options: dict[str, Any] = {"include_holds": include_holds, "include_tentative": include_tentative}
        row = production.day_out_of_days(people=[person], **options).rows[0]
        assert (row.totals.last_work != last_work) is counted, (status, options)


@pytest.mark.parametrize(
    ("kwargs", "path", "message"),
    [
        ({"people": "extras"}, "people", 'must be "cast", "cast_and_crew", "everyone" or a list of person ids, got "extras"'),
        ({"people": 5}, "people", "or a list of person ids, got int"),
        ({"people": ["C01", 7]}, "people[1]", "must be a person id (str), got int"),
        ({"range": "week"}, "range", 'must be "people" or "shoot", got "week"'),
        ({"start": dt.date(2027, 3, 1)}, "end", "is required when start is given"),
        ({"end": dt.date(2027, 3, 1)}, "start", "is required when end is given"),
        ({"start": dt.date(2027, 3, 8), "end": dt.date(2027, 3, 1)}, "start", "2027-03-08 is after end (2027-03-01)"),
        (
            {"start": dt.date(2027, 3, 1), "end": dt.date(2027, 3, 8), "range": "shoot"},
            "range",
            'cannot be "shoot" when start and end are given',
        ),
        ({"start": dt.datetime(2027, 3, 1, 9), "end": dt.date(2027, 3, 8)}, "start", "not a datetime"),
        ({"start": dt.date(2027, 3, 1), "end": "2027-03-08"}, "end", "must be a datetime.date, got str"),
    ],
)
def test_argument_errors_name_the_argument(
    sample: callsheet.Production, kwargs: dict[str, Any], path: str, message: str
) -> None:
    with pytest.raises(callsheet.ValidationError) as info:
        sample.day_out_of_days(**kwargs)
    assert isinstance(info.value, ValueError)
    assert [p.path for p in info.value.problems] == [path]
    assert message in info.value.problems[0].message
    assert str(info.value).startswith(f"{path}: ")


def test_arguments_are_keyword_only(sample: callsheet.Production) -> None:
    with pytest.raises(TypeError):
        sample.day_out_of_days("cast")  # type: ignore[call-arg]


def test_reports_from_several_threads(sample: callsheet.Production, report: callsheet.DoodReport) -> None:
    expected = report.to_csv()
    results: list[bool] = []

    def work() -> None:
        for _ in range(3):
            results.append(sample.day_out_of_days().to_csv() == expected)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 12
