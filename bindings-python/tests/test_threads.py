"""One Production shared by reader threads while another thread replaces it (issue #9).

Each version k of the production writes its revision in three places and
adds k % 4 meetings ("MTG-{k}-{j}") that double-book Leo (P2) during shoot
day D1. Every call into the core works on one snapshot, so within one call
a reader must see one whole version: the three places agree, the events
and the conflicts belong to the same k, and k never goes backwards.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import threading
from pathlib import Path
from typing import Any

import pytest

import callsheet
from conftest import ROOT

FULL = ROOT / "core" / "tests" / "data" / "good-full.json"
VERSIONS = 400
READERS = 4


def version(base: dict[str, Any], k: int) -> dict[str, Any]:
    p = copy.deepcopy(base)
    rev = f"rev {k}"
    p["name"] = rev
    p["people"][0]["role"] = rev
    p["events"][0]["title"] = rev
    day_start = dt.datetime.fromisoformat(p["events"][0]["start"].replace("Z", "+00:00"))
    for j in range(k % 4):
        start = day_start + dt.timedelta(hours=1 + j)
        end = start + dt.timedelta(minutes=30)
        p["events"].append({
            "id": f"MTG-{k}-{j}", "kind": "meeting", "status": "confirmed",
            "start": start.strftime("%Y-%m-%dT%H:%M:%SZ"), "end": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "attendees": [{"person": "P2"}],
        })
    return p


def revision(data: dict[str, Any]) -> int:
    """The version of a production's JSON, checking that it is whole."""
    name = data["name"]
    assert data["people"][0]["role"] == name, "torn read: people[0].role"
    assert data["events"][0]["title"] == name, "torn read: events[0].title"
    k = int(name.removeprefix("rev "))
    meetings = [e["id"] for e in data["events"] if e["id"].startswith("MTG-")]
    assert meetings == [f"MTG-{k}-{j}" for j in range(k % 4)], (k, meetings)
    return k


def meeting_version(conflicts: list[callsheet.Conflict]) -> int | None:
    """The version whose meetings one conflicts() call reports, checking they agree."""
    ids = {e for c in conflicts if c.kind == "person_double_booked" for e in c.event_ids if e.startswith("MTG-")}
    versions = {int(e.split("-")[1]) for e in ids}
    assert len(versions) <= 1, f"conflicts from two versions at once: {sorted(ids)}"
    if not versions:
        return None
    (k,) = versions
    assert len(ids) == k % 4, (k, sorted(ids))
    return k


@pytest.fixture(scope="module")
def base() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FULL.read_text())
    return data


def test_versions_set_up(base: dict[str, Any]) -> None:
    for k in range(4):
        p = callsheet.Production.from_json(json.dumps(version(base, k)))
        assert revision(json.loads(p.to_json())) == k
        assert meeting_version(p.conflicts()) == (k if k % 4 else None)


def test_readers_see_whole_versions_while_a_writer_replaces(base: dict[str, Any]) -> None:
    versions = [callsheet.Production.from_json(json.dumps(version(base, k))) for k in range(VERSIONS + 1)]
    invalid = version(base, 1)
    invalid["people"][1]["id"] = invalid["people"][0]["id"]
    shared = callsheet.Production.from_json(json.dumps(version(base, 0)))
    fitting = {
        "id": "FIT", "kind": "fitting", "status": "confirmed",
        "start": dt.datetime(2027, 2, 22, 20, 0, tzinfo=dt.timezone.utc),
        "end": dt.datetime(2027, 2, 22, 21, 0, tzinfo=dt.timezone.utc),
        "attendees": [{"person": "P2"}],
    }
    writing = threading.Event()
    writing.set()
    start = threading.Barrier(READERS + 1)
    errors: list[BaseException] = []
    seen: list[tuple[int, int]] = []

    def read(r: int) -> None:
        try:
            start.wait()
            last = reads = changes = 0
            while writing.is_set() or reads < 20:
                k = revision(json.loads(shared.to_json()))
                assert k >= last, f"reader {r}: version {k} after {last}"
                changes += k != last
                last = k
                found = meeting_version(shared.conflicts())
                if found is not None:
                    assert found >= last, f"reader {r}: conflicts of {found} after {last}"
                    last = found
                checked = shared.check_event(fitting)
                assert all("FIT" in c.event_ids for c in checked)
                shared.validate()
                assert shared.name.startswith("rev ")
                reads += 1
            seen.append((reads, changes))
        except BaseException as e:  # reported below
            errors.append(e)

    readers = [threading.Thread(target=read, args=(r,)) for r in range(READERS)]
    for t in readers:
        t.start()
    try:
        start.wait()
        for k in range(1, VERSIONS + 1):
            shared.replace(versions[k])
            if k % 25 == 0:
                # A refused change in the middle of it all changes nothing. (A
                # Production object is always valid, so in Python the refusal
                # comes from from_json; the Rust test refuses it in replace.)
                with pytest.raises(callsheet.ValidationError, match=r"people\[1\]\.id: duplicate id"):
                    shared.replace(callsheet.Production.from_json(json.dumps(invalid)))
                assert shared.name == f"rev {k}"
    finally:
        writing.clear()
        for t in readers:
            t.join()
    assert not errors, errors[0]
    assert len(seen) == READERS
    print("reads, changes seen per reader:", seen)
    assert sum(changes for _, changes in seen) > 0, "the readers ran while the writer wrote"
    assert revision(json.loads(shared.to_json())) == VERSIONS
    assert versions[1].name == "rev 1", "replace leaves its argument unchanged"


def test_replace_makes_the_other_production_current(base: dict[str, Any], tmp_path: Path) -> None:
    shared = callsheet.Production.from_json(json.dumps(base))
    path = tmp_path / "show.json"
    shared.save(path)
    saved = path.read_text()
    other = callsheet.Production.from_json(json.dumps(version(base, 3)))
    shared.replace(other)
    assert shared == other and shared.name == "rev 3"
    assert [e.id for e in shared.events][-3:] == ["MTG-3-0", "MTG-3-1", "MTG-3-2"]
    assert other.name == "rev 3", "the argument is unchanged"
    assert path.read_text() == saved, "replace touches no file"
