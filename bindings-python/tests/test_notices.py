"""Change notices between two versions of a production."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import callsheet


def moved_copy(sample_path: Path, event_id: str, hours: int) -> callsheet.Production:
    data = json.loads(sample_path.read_text())
    for event in data["events"]:
        if event["id"] == event_id:
            for key in ("start", "end"):
                t = dt.datetime.fromisoformat(event[key].replace("Z", "+00:00")) + dt.timedelta(hours=hours)
                event[key] = t.isoformat()
            for attendee in event.get("attendees", []):
                for key in ("call", "makeup_call", "on_set", "dismissal"):
                    if key in attendee:
                        t = dt.datetime.fromisoformat(attendee[key].replace("Z", "+00:00")) + dt.timedelta(hours=hours)
                        attendee[key] = t.isoformat()
    return callsheet.Production.from_json(json.dumps(data))


def test_only_affected_people_get_notices(sample_path: Path) -> None:
    old = callsheet.Production.load(sample_path)
    fitting = next(e for e in old.events if e.kind == "fitting" and e.id != "FIT-C20-2")
    new = moved_copy(sample_path, fitting.id, 1)
    notices = callsheet.diff(old, new, "Blue")
    assert sorted(n.person for n in notices) == sorted(a.person for a in fitting.attendees)
    for notice in notices:
        assert notice.revision == "Blue"
        kinds = {c.kind for c in notice.changes}
        assert "call_moved" in kinds and "dismissal_moved" in kinds
        assert all(c.event_id == fitting.id for c in notice.changes)
        assert notice.to_text().startswith(notice.name)
    assert callsheet.diff(old, old) == []


def test_revision_colours() -> None:
    assert callsheet.revision_colour(0) == "White"
    assert callsheet.revision_colour(1) == "Blue"
    assert callsheet.revision_colour(11) == "Double White"
    assert callsheet.revision_colour(3, ["White", "Blue"]) == "Double Blue"
