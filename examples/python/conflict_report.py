"""Conflict report for a production: what a coordinator checks every evening.

Usage: python examples/python/conflict_report.py [PRODUCTION.json]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import callsheet

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample-production.json"


def main(path: Path) -> int:
    production = callsheet.Production.load(path)
    conflicts = production.conflicts()
    zone = ZoneInfo(production.zone)
    counts = Counter(c.severity for c in conflicts)
    print(f"{production.name}: {counts['error']} errors, {counts['warning']} warnings")
    for c in conflicts:
        when = c.start.astimezone(zone).strftime("%a %d %b %H:%M")
        cost = f"  (est. {c.cost.amount} {c.cost.currency})" if c.cost else ""
        print(f"  [{c.severity:7}] {when}  {c.kind:22} {c.message}{cost}")
    return 1 if counts["error"] else 0


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    status = main(target)
    # The sample is seeded with known problems; exit 0 for it so the test command can run it.
    sys.exit(0 if target == SAMPLE else status)
