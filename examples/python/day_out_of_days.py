"""Day-out-of-days for the cast, as a grid and as CSV for the spreadsheet.

Usage: python examples/python/day_out_of_days.py [PRODUCTION.json] [OUT.csv]
"""

from __future__ import annotations

import sys
from pathlib import Path

import callsheet

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample-production.json"


def main(path: Path, csv_path: Path | None) -> None:
    production = callsheet.Production.load(path)
    report = production.day_out_of_days()
    print(report.to_text())
    for row in report:
        if row.warnings:
            print(f"{row.name}: {'; '.join(row.warnings)}")
    if csv_path is not None:
        csv_path.write_text(report.to_csv(), encoding="utf-8", newline="")
        print(f"wrote {csv_path}")


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    main(source, Path(sys.argv[2]) if len(sys.argv) > 2 else None)
