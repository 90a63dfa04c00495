"""What cancelling two shoot days does to the budget, account by account.

Usage: python examples/python/budget_delta.py [PRODUCTION.json] [EVENT_ID EVENT_ID ...]

The sample's globals are plain numbers, so first ``SHOOT_DAYS`` is linked to
the schedule (``{"name": "SHOOT_DAYS", "link": "shoot_days"}``): it then
counts the distinct dates with a confirmed or held shoot day, and every line
priced in shoot days follows the schedule. Then the shoot days are cancelled
(default: the stage days MU-D22 and MU-D25) and the two versions compared.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import callsheet

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample-production.json"
CANCEL = ["MU-D22", "MU-D25"]


def linked(doc: dict[str, Any]) -> dict[str, Any]:
    """The production with SHOOT_DAYS following the schedule."""
    for g in doc["budget"]["globals"]:
        if g["name"] == "SHOOT_DAYS":
            g.pop("value", None)
            g["link"] = "shoot_days"
    return doc


def signed(amount: Decimal) -> str:
    return f"{amount:+,.2f}" if amount else "0.00"


def main(path: Path, cancel: list[str]) -> None:
    doc = linked(json.loads(callsheet.Production.load(path).to_json()))
    before = callsheet.Production.from_json(json.dumps(doc))
    for event in doc["events"]:
        if event["id"] in cancel:
            event["status"] = "cancelled"
    after = callsheet.Production.from_json(json.dumps(doc))

    delta = callsheet.budget_delta(before, after)
    print(f"{before.name}: cancelling {', '.join(cancel)}")
    for g in delta.globals:
        print(f"  {g.name}: {g.before} -> {g.after}")
    print()
    print(f"{'account':<8}{'name':<34}{'before':>15}{'after':>15}{'delta':>13}")
    for row in delta.accounts:
        if row.delta:
            print(f"{row.code:<8}{row.name[:33]:<34}{row.before:>15,.2f}{row.after:>15,.2f}{signed(row.delta):>13}")
    print()
    for row in [*delta.sections, *delta.markups]:
        if row.delta:
            print(f"{'':<8}{row.name[:33]:<34}{row.before:>15,.2f}{row.after:>15,.2f}{signed(row.delta):>13}")
    total = delta.grand_total
    print(f"{'':<8}{'GRAND TOTAL':<34}{total.before:>15,.2f}{total.after:>15,.2f}{signed(total.delta):>13}")


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    main(source, sys.argv[2:] or CANCEL)
