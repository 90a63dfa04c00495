"""The weekly cost report: import the week's transactions, export the report
to XLSX for the accountant, and list the accounts that need attention.

Usage: python examples/python/weekly_cost_report.py [OUT_DIR] [--production P.json]
       [--transactions WEEK.csv] [--as-of YYYY-MM-DD]

Without OUT_DIR the workbook goes to a temporary directory (and is deleted).
The import is all or nothing: a bad row leaves the production unchanged and
the error lists every problem by row and column.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import callsheet

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = DATA / "sample-production.json"
WEEK = DATA / "transactions-week-06.csv"
#: The Friday that ends the week in transactions-week-06.csv.
WEEK_ENDING = dt.date(2027, 3, 19)


def money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def main(production_path: Path, transactions: Path, as_of: dt.date, out: Path) -> int:
    production = callsheet.Production.load(production_path)
    try:
        added = production.import_transactions_csv(transactions)
    except callsheet.CsvImportError as err:
        print(f"nothing imported from {transactions.name}:", file=sys.stderr)
        for problem in err.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"{production.name}: imported {added} transactions from {transactions.name}")

    report = production.budget.cost_report(as_of=as_of)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"cost-report-{as_of}.xlsx"
    report.export(target)
    print(f"wrote {target} ({target.stat().st_size:,} bytes)")

    total = report.total
    print(f"\nCost report as of {report.as_of} (period {report.period_start} to {report.as_of}), {report.currency}")
    print(f"  final budget           {money(total.final_budget):>16}")
    print(f"  this period            {money(total.this_period):>16}")
    print(f"  actual to date         {money(total.actual_to_date):>16}")
    print(f"  commitments            {money(total.commitments):>16}")
    print(f"  estimated final cost   {money(total.estimated_final_cost):>16}")
    print(f"  variance               {money(total.variance):>16}  ({'over' if total.variance < 0 else 'under'} budget)")

    print(f"\n{len(report.alerts)} alerts")
    for alert in sorted(report.alerts, key=lambda a: (a.kind != "over_budget", a.account)):
        flag = "OVER" if alert.kind == "over_budget" else "near"
        print(f"  [{flag}] {alert.message}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("out", nargs="?", type=Path, help="directory for the workbook (default: a temporary one)")
    parser.add_argument("--production", type=Path, default=SAMPLE)
    parser.add_argument("--transactions", type=Path, default=WEEK)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=WEEK_ENDING)
    args = parser.parse_args()
    if args.out is not None:
        sys.exit(main(args.production, args.transactions, args.as_of, args.out))
    with tempfile.TemporaryDirectory() as tmp:
        sys.exit(main(args.production, args.transactions, args.as_of, Path(tmp)))
