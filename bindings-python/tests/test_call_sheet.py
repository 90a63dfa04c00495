"""The call sheet from Python."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import callsheet

DAY_ONE = dt.date(2027, 2, 22)


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> callsheet.Production:
    return callsheet.Production.load(sample_path)


@pytest.fixture(scope="module")
def sheet(sample: callsheet.Production) -> callsheet.CallSheet:
    return sample.call_sheet(DAY_ONE)


def test_first_shoot_day_is_day_one_of_the_shoot(sheet: callsheet.CallSheet) -> None:
    assert sheet.date == DAY_ONE
    assert sheet.weekday == "Mon"
    assert (sheet.day_number, sheet.day_count) == (1, 27)
    assert sheet.unit is not None
    assert sheet.revision == 0 and sheet.revision_colour == "White"
    assert sheet.schedule_version == ""
    assert sheet.general_call == sheet.to_dict()["general_call"]["local"]
    assert len(sheet.general_call) == 5 and sheet.general_call[2] == ":"
    assert "Day 1 of 27" in repr(sheet)


def test_text_and_html(sheet: callsheet.CallSheet) -> None:
    text = sheet.to_text()
    assert "GENERAL CREW CALL" in text
    assert sheet.general_call in text
    assert text == sheet.to_text(), "deterministic"
    html = sheet.to_html()
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "http" not in html, "self-contained: no external links or assets"
    assert "<script" not in html.lower()
    assert sheet.production.split()[-1] in html


def test_rows_are_plain_data(sheet: callsheet.CallSheet) -> None:
    assert sheet.scenes, "the day has scenes"
    starts = [s["start"]["minutes_after_midnight"] for s in sheet.scenes]
    assert starts == sorted(starts)
    assert sheet.locations and all(loc["nearest_hospital"] for loc in sheet.locations)
    assert sheet.crew and all(d["rows"] for d in sheet.crew)
    assert sheet.advance is not None and sheet.advance["day_number"] == 2
    whole = sheet.to_dict()
    assert whole["scenes"] == sheet.scenes
    assert whole["cast"] == sheet.cast
    assert whole["crew"] == sheet.crew
    assert json.loads(json.dumps(whole)) == whole


def test_cast_ordered_by_cast_number(sheet: callsheet.CallSheet) -> None:
    numbers = [row["cast_number"] for row in sheet.cast]
    assert numbers, "cast works on day one"
    known = [n for n in numbers if n is not None]
    assert known == sorted(known)
    assert numbers[: len(known)] == known, "cast without a number come last"
    records = sheet.to_records()
    assert [r["person"] for r in records] == [row["person"] for row in sheet.cast]
    first = records[0]
    assert first["status"] in {"SW", "SWF", "W", "WF", "H"}
    call = sheet.cast[0]["call"]
    assert first["call"] == (call["local"] if call is not None else None)


def test_pandas(sheet: callsheet.CallSheet) -> None:
    pd = pytest.importorskip("pandas")
    frame: Any = sheet.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["person"]) == [row["person"] for row in sheet.cast]
    assert list(frame.columns)[:3] == ["person", "cast_number", "name"]


def test_pandas_missing_is_a_clear_import_error(sheet: callsheet.CallSheet, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        sheet.to_pandas()


def test_options_are_printed(sample: callsheet.Production, sheet: callsheet.CallSheet) -> None:
    revised = sample.call_sheet(
        DAY_ONE, sheet.unit, revision=1, schedule_version="Shooting schedule v3", notes=["Closed set."]
    )
    assert revised.revision == 1 and revised.revision_colour == "Blue"
    assert revised.schedule_version == "Shooting schedule v3"
    assert revised.notes[0] == "Closed set."
    assert "Closed set." in revised.to_text()
    custom = sample.call_sheet(DAY_ONE, revision=1, colours=["White", "Lilac"])
    assert custom.revision_colour == "Lilac"
    assert revised != sheet and sample.call_sheet(DAY_ONE) == sheet


def test_no_shoot_day_is_a_validation_error(sample: callsheet.Production) -> None:
    with pytest.raises(callsheet.ValidationError) as info:
        sample.call_sheet(dt.date(2027, 2, 21))
    assert isinstance(info.value, ValueError)
    assert [p.path for p in info.value.problems] == ["date"]
    assert "no shoot day on 2027-02-21" in str(info.value)


def test_unknown_unit_is_a_validation_error(sample: callsheet.Production) -> None:
    with pytest.raises(callsheet.ValidationError) as info:
        sample.call_sheet(DAY_ONE, "NO-SUCH-UNIT")
    assert [p.path for p in info.value.problems] == ["unit"]


def test_a_datetime_is_not_a_date(sample: callsheet.Production) -> None:
    with pytest.raises(callsheet.ValidationError) as info:
        sample.call_sheet(dt.datetime(2027, 2, 22, 7, tzinfo=dt.timezone.utc))
    assert [p.path for p in info.value.problems] == ["date"]


def test_distribution_and_filtered_call_sheets(sample_path: Path) -> None:
    production = callsheet.Production.load(sample_path)
    recipients = production.distribution_list()
    assert [r.person for r in recipients] == sorted(r.person for r in recipients)
    lead = next(r for r in recipients if r.person == "C01")
    assert lead.scope == "personal" and lead.groups == ["CAST"]
    assert all(r.groups == ["PRODUCTION"] for r in production.distribution_list("day_out_of_days"))
    sheets = production.call_sheets_for_recipients(dt.date(2027, 2, 22))
    assert len(sheets) == len(recipients)
    mine = next(sheet for who, sheet in sheets if who.person == "C01")
    assert [row["person"] for row in mine.cast] == ["C01"]
    with pytest.raises(callsheet.ValidationError):
        production.distribution_list("memo")
