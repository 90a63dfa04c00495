"""The Production handle: load, save, validate, read the model."""

from __future__ import annotations

import datetime as dt
import decimal
import threading
from pathlib import Path

import pytest

import callsheet
from conftest import BAD_DIR, bad_cases


def test_version_metadata() -> None:
    from importlib.metadata import version

    assert callsheet.__version__ == version("callsheet")
    assert callsheet.FORMAT_VERSION == 1


def test_load_sample_and_read_the_model(sample_path: Path) -> None:
    p = callsheet.Production.load(sample_path)
    assert p.zone == "America/Los_Angeles"
    assert p.currency == "USD"
    assert len(p.people) >= 90
    cast = [x for x in p.people if x.category == "cast"]
    assert len(cast) >= 20
    assert all(isinstance(x.cast_number, int) for x in cast)
    days = [e for e in p.events if e.kind == "shoot_day"]
    assert len(days) >= 25
    day = days[0]
    assert day.start.tzinfo is not None and day.start.utcoffset() == dt.timedelta(0)
    assert day.end > day.start
    assert all(a.release > a.report for a in day.attendees)
    assert p.event(day.id) == day
    assert p.person("nobody") is None
    rates = [r.day_rate for r in p.resources if r.day_rate is not None]
    assert rates and all(isinstance(m.amount, decimal.Decimal) for m in rates)
    zones = {loc.zone for loc in p.locations}
    assert len(zones) >= 2, "the sample shoots in two time zones"


def test_minimal_file_values(minimal_path: Path) -> None:
    p = callsheet.Production.load(str(minimal_path))
    assert p.name == "Catalogue"
    assert p.work_week == ["Mon", "Tue", "Wed", "Thu", "Fri"]
    assert [(u.id, u.name) for u in p.units] == [("MAIN", "Main Unit")]
    d1 = p.event("D1")
    assert d1 is not None
    assert d1.start == dt.datetime(2027, 2, 22, 15, 0, tzinfo=dt.timezone.utc)
    assert d1.resources[0].resource == "CAM" and d1.resources[0].quantity == 1
    s1 = p.event("S1")
    assert s1 is not None and s1.scene is not None and s1.scene.eighths == 12
    assert s1.parent == "D1"
    assert "Maya Ortiz" in repr(p.people) and "Production" in repr(p)


@pytest.mark.parametrize(("name", "expected"), bad_cases())
def test_every_bad_file_raises_with_paths(name: str, expected: list[str]) -> None:
    with pytest.raises(callsheet.ValidationError) as info:
        callsheet.Production.load(BAD_DIR / f"{name}.json")
    err = info.value
    assert isinstance(err, ValueError) and isinstance(err, callsheet.CallsheetError)
    assert [str(problem) for problem in err.problems] == expected
    assert [f"{x.path}: {x.message}" for x in err.problems] == expected


def test_catalogue_is_large_enough() -> None:
    assert len(bad_cases()) >= 20


def test_from_json_reports_every_problem(minimal_path: Path) -> None:
    text = minimal_path.read_text().replace('"person": "P1"', '"person": "P7"').replace('"L1"', '"L1", "colour": 1', 0)
    with pytest.raises(callsheet.ValidationError) as info:
        callsheet.Production.from_json(text)
    assert [x.path for x in info.value.problems] == ["events[0].attendees[0].person"]


def test_missing_file_is_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(callsheet.FileError) as info:
        callsheet.Production.load(tmp_path / "missing.json")
    assert isinstance(info.value, OSError)
    assert info.value.filename.endswith("missing.json")
    assert info.value.errno == 2


def test_round_trip_and_atomic_save(tmp_path: Path, sample_path: Path) -> None:
    p = callsheet.Production.load(sample_path)
    text = p.to_json()
    assert text == sample_path.read_text()
    again = callsheet.Production.from_json(text)
    assert again == p
    out = tmp_path / "copy.json"
    p.save(out)
    p.save(out)
    assert out.read_text() == text
    assert sorted(x.name for x in tmp_path.iterdir()) == ["copy.json"]
    with pytest.raises(callsheet.FileError):
        p.save(tmp_path / "no" / "such" / "dir.json")
    p.validate()  # raises on problems


def test_shared_between_threads(sample_path: Path) -> None:
    p = callsheet.Production.load(sample_path)
    expected = p.to_json()
    results: list[bool] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                results.append(p.to_json() == expected and len(p.events) > 0)
                p.validate()
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert results == [True] * 20
