"""Per-person calendar files for the cast: one .ics per cast member.

Usage: python examples/python/cast_calendars.py [PRODUCTION.json] [OUT_DIR]

Calendar apps update events in place on re-import (stable UIDs), so send the
files again after every schedule change.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import callsheet

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample-production.json"


def main(path: Path, out: Path) -> None:
    production = callsheet.Production.load(path)
    out.mkdir(parents=True, exist_ok=True)
    cast = sorted((p for p in production.people if p.category == "cast"), key=lambda p: p.cast_number or 0)
    for person in cast:
        feed = production.to_ical(person=person.id)
        target = out / f"{person.cast_number:02d}-{person.id}.ics"
        target.write_text(feed, encoding="utf-8", newline="")
        events = feed.count("BEGIN:VEVENT")
        print(f"{target.name:24} {person.name:24} {events:3} events")


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    if len(sys.argv) > 2:
        main(source, Path(sys.argv[2]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            main(source, Path(tmp))
