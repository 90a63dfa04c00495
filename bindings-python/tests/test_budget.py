"""The budget engine from Python: topsheet, cost report, CSV import, XLSX
export, comparisons and schedule deltas, threads."""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import callsheet

#: The last day of the sample's ledger (a Friday).
AS_OF = dt.date(2027, 3, 12)
MONEY = (
    "budget",
    "approved_overages",
    "final_budget",
    "this_period",
    "actual_to_date",
    "commitments",
    "total_cost",
    "estimate_to_complete",
    "estimated_final_cost",
    "variance",
)


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> callsheet.Production:
    return callsheet.Production.load(sample_path)


@pytest.fixture(scope="module")
def report(sample: callsheet.Production) -> callsheet.CostReport:
    return sample.budget.cost_report(as_of=AS_OF)


def usd(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "USD"}


def night_diner() -> dict[str, Any]:
    """The hand-worked production of core/tests/cost_report.rs, as a production file.

    Ten shoot days (Mon 2027-02-01 to Fri 2027-02-12, 07:00-19:00 PST);
    SHOOT_DAYS follows the schedule, SHOOT_WEEKS = SHOOT_DAYS / 5; FICA 6.2 %
    capped at 10,000 per person and HEALTH 30.00 per day worked post to the
    category's xx99 account; contingency 10 %, overhead 5 %, bond 2 %.
    """
    days = [1, 2, 3, 4, 5, 8, 9, 10, 11, 12]
    events = [
        {
            "id": f"SD{i + 1}",
            "kind": "shoot_day",
            "start": f"2027-02-{day:02d}T15:00:00Z",
            "end": f"2027-02-{day + 1:02d}T03:00:00Z",
            "status": "confirmed",
            "day_number": i + 1,
            "attendees": [{"person": "P1"}],
        }
        for i, day in enumerate(days)
    ]

    def line(account: str, description: str, amount: str, unit: str, rate: str, person: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "account": account,
            "description": description,
            "amount": amount,
            "unit": unit,
            "rate": usd(rate),
        }
        if person is not None:
            out["fringes"] = ["FICA", "HEALTH"]
            out["person"] = person
        return out

    def tx(id: str, kind: str, account: str, date: str, amount: str, po: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"id": id, "kind": kind, "account": account, "date": date, "amount": usd(amount)}
        if po is not None:
            out["purchase_order"] = po
        return out

    def po(id: str, account: str, date: str, amount: dict[str, str]) -> dict[str, Any]:
        return {"id": id, "vendor": "Vendor", "account": account, "date": date, "amount": amount}

    return {
        "format_version": 1,
        "name": "Night Diner",
        "zone": "America/Los_Angeles",
        "currency": "USD",
        "people": [
            {"id": "P1", "name": "Ava Lead", "category": "cast"},
            {"id": "P2", "name": "Dan Photog", "category": "crew"},
        ],
        "events": events,
        "budget": {
            "categories": [
                {"code": "1400", "name": "Cast", "section": "above_the_line"},
                {"code": "3300", "name": "Camera", "section": "production"},
                {"code": "6700", "name": "Insurance", "section": "other"},
            ],
            "accounts": [
                {"code": code, "name": name, "category": code[:2] + "00"}
                for code, name in [
                    ("1401", "Principal cast"),
                    ("1499", "Cast fringe"),
                    ("3301", "Director of photography"),
                    ("3307", "Camera rentals"),
                    ("3399", "Camera fringe"),
                    ("6701", "Production package"),
                ]
            ],
            "lines": [
                line("1401", "Lead - shoot", "SHOOT_DAYS", "days", "1000.00", "P1"),
                line("1401", "Lead - rehearsal", "2", "days", "1000.00", "P1"),
                line("3301", "DP - prep", "PREP_WEEKS", "weeks", "4000.00", "P2"),
                line("3301", "DP - shoot", "SHOOT_WEEKS", "weeks", "4000.00", "P2"),
                line("3307", "Camera package", "SHOOT_WEEKS", "weeks", "10000.00"),
                line("6701", "Production package", "1", "allow", "25000.00"),
            ],
            "globals": [
                {"name": "SHOOT_WEEKS", "value": "SHOOT_DAYS / 5"},
                {"name": "SHOOT_DAYS", "link": "shoot_days"},
                {"name": "PREP_WEEKS", "value": "2"},
            ],
            "fringes": [
                {"id": "FICA", "name": "Social Security", "percent": "6.2", "wage_cap": usd("10000.00")},
                {"id": "HEALTH", "name": "Health, per day worked", "flat": {"amount": usd("30.00"), "per": "days"}},
            ],
            "fringe_posting": "category_xx99",
            "contingency_percent": "10",
            "overhead_percent": "5",
            "completion_bond_percent": "2",
            "rates": [
                {"currency": "GBP", "rate_to_base": "1.25", "as_of": "2027-01-01"},
                {"currency": "GBP", "rate_to_base": "1.30", "as_of": "2027-02-05"},
            ],
        },
        "ledger": {
            "purchase_orders": [
                po("PO-1", "3307", "2027-01-25", usd("20000.00")),
                po("PO-2", "6701", "2027-01-10", usd("25000.00")),
                po("PO-3", "3307", "2027-02-01", {"amount": "1000.00", "currency": "GBP"}),
            ],
            "transactions": [
                tx("INV-1", "invoice", "3307", "2027-02-01", "8000.00", "PO-1"),
                tx("INV-2", "invoice", "3307", "2027-02-10", "8000.00", "PO-1"),
                tx("INV-3", "invoice", "3307", "2027-02-20", "4000.00", "PO-1"),
                tx("PR-1", "payroll", "1401", "2027-02-05", "6000.00"),
                tx("PR-2", "payroll", "1401", "2027-02-12", "5000.00"),
                tx("PC-1", "petty_cash", "3301", "2027-02-09", "250.00"),
                tx("INV-4", "invoice", "6701", "2027-01-15", "25000.00", "PO-2"),
            ],
            "overages": [{"account": "3307", "date": "2027-02-03", "amount": usd("3000.00"), "note": "second lens set"}],
            "estimates": [{"account": "1401", "date": "2027-02-14", "amount": usd("3000.00"), "note": "two more payroll weeks"}],
        },
    }


@pytest.fixture()
def diner() -> callsheet.Production:
    return callsheet.Production.from_json(json.dumps(night_diner()))


def cancelled(doc: dict[str, Any], *event_ids: str) -> callsheet.Production:
    changed = copy.deepcopy(doc)
    for event in changed["events"]:
        if event["id"] in event_ids:
            event["status"] = "cancelled"
    return callsheet.Production.from_json(json.dumps(changed))


# ------------------------------------------------------------------ topsheet


def test_sample_topsheet_to_the_cent(sample: callsheet.Production) -> None:
    budget = sample.budget
    assert budget.currency == "USD"
    top = budget.topsheet()
    assert top.grand_total == Decimal("7256320.79")
    assert isinstance(top.grand_total, Decimal)
    sections = {s.code: s.total for s in top.sections}
    assert sections == {
        "above_the_line": Decimal("1692970.06"),
        "production": Decimal("3611965.40"),
        "post": Decimal("788710.20"),
        "other": Decimal("503009.60"),
    }
    assert top.total_before_markups == Decimal("6596655.26")
    assert top.contingency == Decimal("659665.53") and top.contingency_percent == 10
    assert [m.code for m in top.markups] == ["contingency"], "no overhead or bond in the sample"
    assert top.above_the_line + top.below_the_line == top.total_before_markups
    assert top.total_before_markups + sum(m.total for m in top.markups) == top.grand_total
    assert len(top.categories) == 37
    for section in top.sections:
        children = [c.total for c in top.categories if c.section == section.code]
        assert sum(children, Decimal(0)) == section.total
    for c in top.categories:
        assert c.lines is not None and c.fringes is not None and c.lines + c.fringes == c.total
    camera = top.category("3300")
    assert camera is not None and camera.name == "Camera" and camera.section == "production"
    assert top.category("0000") is None
    assert budget.globals["SHOOT_DAYS"] == Decimal("27") == top.globals["SHOOT_DAYS"]
    assert "grand total 7256320.79 USD" in repr(top)


def test_topsheet_rows_text_csv_and_iteration(sample: callsheet.Production) -> None:
    top = sample.budget.topsheet()
    rows = top.rows()
    assert rows[-1] == {
        "level": "total",
        "code": "grand_total",
        "name": "Grand total",
        "section": None,
        "lines": None,
        "fringes": None,
        "total": Decimal("7256320.79"),
    }
    assert [r.to_dict() for r in top] == rows
    assert len(top) == len(rows) == 37 + 4 + 3 + 1 + 1
    # The rows are the CSV's, line for line.
    csv_lines = top.to_csv().splitlines()
    assert csv_lines[0] == "Level,Code,Name,Lines,Fringes,Total"
    assert [line.split(",")[1] for line in csv_lines[1:]] == [r["code"] for r in rows]
    assert csv_lines[-1] == "total,grand_total,Grand total,,,7256320.79"
    assert "GRAND TOTAL" in top.to_text() and "7,256,320.79" in top.to_text()
    assert top == sample.budget.topsheet(), "equal totals compare equal"
    assert top.to_xlsx()[:2] == b"PK"


def test_topsheet_export(sample: callsheet.Production, tmp_path: Path) -> None:
    sample.budget.export_topsheet(tmp_path / "top.csv")
    assert (tmp_path / "top.csv").read_bytes().decode("utf-8") == sample.budget.topsheet().to_csv()
    sample.budget.topsheet().export(tmp_path / "top.txt")
    assert "GRAND TOTAL" in (tmp_path / "top.txt").read_text(encoding="utf-8")
    with pytest.raises(callsheet.ValidationError, match=r"unknown format \"pdf\"") as err:
        sample.budget.export_topsheet(tmp_path / "top.pdf")
    assert err.value.problems[0].path == "path"
    with pytest.raises(callsheet.FileError):
        sample.budget.export_topsheet(tmp_path / "missing" / "dir" / "top.csv")


def test_budget_is_a_snapshot(diner: callsheet.Production, tmp_path: Path) -> None:
    budget = diner.budget
    before = budget.topsheet().grand_total
    csv = tmp_path / "lines.csv"
    csv.write_text("account,description,amount,unit,rate\n6701,Package,1,allow,1000.00\n", encoding="utf-8")
    assert diner.import_budget_csv(csv) == 1
    assert budget.topsheet().grand_total == before, "an old Budget keeps its version"
    assert diner.budget.topsheet().grand_total < before


def test_budget_problems_are_validation_errors_with_paths() -> None:
    doc = night_diner()
    doc["budget"]["lines"][0]["rate"]["currency"] = "EUR"  # no EUR rate
    doc["budget"]["lines"][2]["amount"] = "PREP_WEEKS / 0"
    broken = callsheet.Production.from_json(json.dumps(doc))
    budget = broken.budget  # reading the property never raises
    assert "Night Diner" in repr(budget)
    expected = [
        ("budget.lines[0].rate.currency", "no exchange rate from EUR to USD in budget.rates"),
        ("budget.lines[2].amount", "division by zero at column 12"),
    ]
    for ask in (budget.topsheet, lambda: budget.globals, lambda: budget.cost_report(AS_OF)):
        with pytest.raises(callsheet.ValidationError) as err:
            ask()
        assert [(p.path, p.message) for p in err.value.problems] == expected
        assert str(err.value).startswith("2 problems:")
    with pytest.raises(callsheet.ValidationError, match="no exchange rate"):
        callsheet.compare_budgets(budget, budget)
    # Ledger problems show in the cost report only.
    doc = night_diner()
    doc["ledger"]["transactions"][3]["amount"]["currency"] = "EUR"
    ledger = callsheet.Production.from_json(json.dumps(doc)).budget
    assert ledger.topsheet().grand_total == Decimal("88134.40")
    with pytest.raises(callsheet.ValidationError) as err:
        ledger.cost_report(dt.date(2027, 2, 14))
    assert err.value.problems[0].path == "ledger.transactions[3].amount.currency"


# --------------------------------------------------------------- cost report


def test_cost_report_rows_roll_up_exactly(report: callsheet.CostReport) -> None:
    assert report.as_of == AS_OF
    assert report.period_start == AS_OF - dt.timedelta(days=6)
    assert report.currency == "USD"
    assert len(report.accounts) == 175 and len(report.categories) == 37 and len(report.sections) == 4
    assert report.total.budget == Decimal("6596655.26"), "the budget before markups"
    for row in report.rows:
        for field in MONEY:
            assert isinstance(getattr(row, field), Decimal), field
        assert row.final_budget == row.budget + row.approved_overages
        assert row.total_cost == row.actual_to_date + row.commitments
        assert row.estimated_final_cost == row.total_cost + row.estimate_to_complete
        assert row.variance == row.final_budget - row.estimated_final_cost
    parents = {(r.level, r.code): r for r in report.rows if r.level != "account"}
    levels = {"account": "category", "category": "section", "section": "total"}
    for parent in parents.values():
        children = [r for r in report.rows if levels.get(r.level) == parent.level and r.parent == parent.code]
        assert children, parent
        for field in MONEY:
            total = sum((getattr(c, field) for c in children), Decimal(0))
            assert total == getattr(parent, field), (parent.code, field)
    assert report.total.actual_to_date > 0 and report.total.commitments > 0
    assert report.rows[-1] == report.total and list(report) == report.rows and len(report) == len(report.rows)
    account = report.account(report.accounts[0].code)
    assert account == report.accounts[0]
    assert report.account("0000") is None


def test_cost_report_alerts_and_text(report: callsheet.CostReport) -> None:
    kinds = {a.kind for a in report.alerts}
    assert kinds <= {"over_budget", "near_budget"} and "over_budget" in kinds
    over = [a for a in report.alerts if a.kind == "over_budget"]
    for alert in over:
        row = report.account(alert.account)
        assert row is not None and row.variance < 0
        assert alert.message.startswith(f"{row.code} {row.name}: estimated final cost")
    text = report.to_text()
    assert text.startswith(f"COST REPORT as of {AS_OF}")
    assert "ALERTS" in text and over[0].message in text
    assert str(over[0]) == over[0].message


def test_cost_report_options(sample: callsheet.Production) -> None:
    budget = sample.budget
    month = budget.cost_report(AS_OF, period_start=dt.date(2027, 3, 1), alert_percent=Decimal("50"))
    week = budget.cost_report(as_of=AS_OF)
    assert month.period_start == dt.date(2027, 3, 1)
    assert month.total.this_period >= week.total.this_period
    assert month.total.actual_to_date == week.total.actual_to_date
    assert len(month.alerts) >= len(week.alerts)
    early = budget.cost_report(dt.date(2027, 1, 31))
    assert early.total.actual_to_date < week.total.actual_to_date
    with pytest.raises(callsheet.ValidationError, match="period_start") as err:
        budget.cost_report(AS_OF, period_start=dt.date(2027, 3, 13))
    assert err.value.problems[0].path == "period_start"
    with pytest.raises(callsheet.ValidationError, match="as_of"):
        budget.cost_report(dt.datetime(2027, 3, 12, 12, 0, tzinfo=dt.timezone.utc))
    with pytest.raises(callsheet.ValidationError, match="alert_percent"):
        budget.cost_report(AS_OF, alert_percent=Decimal("-1"))


def test_cost_report_hand_worked_to_the_cent(diner: callsheet.Production) -> None:
    r = diner.budget.cost_report(dt.date(2027, 2, 14))
    assert r.period_start == dt.date(2027, 2, 8)

    def row(code: str) -> list[str]:
        (found,) = [x for x in r.rows if x.code == code]
        return [str(getattr(found, f)) for f in MONEY]

    # PO-1 open 20,000 - 16,000 invoiced; PO-3 1,000 GBP at 1.25 (its date's rate).
    assert row("3307") == [
        "20000.00", "3000.00", "23000.00", "8000.00", "16000.00", "5250.00", "21250.00", "1750.00", "23000.00", "0.00",
    ]  # fmt: skip
    assert row("TOTAL") == [
        "75200.00", "3000.00", "78200.00", "13250.00", "52250.00", "5250.00", "57500.00", "22700.00", "80200.00", "-2000.00",
    ]  # fmt: skip
    assert [(a.account, a.kind) for a in r.alerts] == [
        ("1401", "over_budget"),
        ("3307", "near_budget"),
        ("6701", "near_budget"),
    ]
    assert r.alerts[1].message == "3307 Camera rentals: total cost 21,250.00 is 92.4% of the final budget 23,000.00"
    top = diner.budget.topsheet()
    assert [(m.code, m.name, m.total) for m in top.markups] == [
        ("contingency", "Contingency 10%", Decimal("7520.00")),
        ("overhead", "Overhead 5%", Decimal("3760.00")),
        ("completion_bond", "Completion bond 2%", Decimal("1654.40")),
    ]
    assert top.grand_total == Decimal("88134.40")


def test_cost_report_records_and_csv(report: callsheet.CostReport) -> None:
    records = report.to_records()
    assert len(records) == len(report.rows)
    assert records[-1] == report.total.to_dict()
    assert [r.to_dict() for r in report.rows] == records
    assert list(records[0]) == ["level", "code", "name", "parent", *MONEY]
    csv = report.to_csv().splitlines()
    assert csv[0].startswith("Level,Code,Name,Budget,Approved overages")
    assert len(csv) == len(records) + 1
    assert csv[-1].split(",")[3] == str(report.total.budget)


def test_xlsx_reads_back_with_numbers_as_numbers(sample: callsheet.Production, report: callsheet.CostReport, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "report.xlsx"
    sample.export_cost_report(path, as_of=AS_OF)
    assert path.read_bytes()[:2] == b"PK"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Cost report", "Alerts"]
    sheet = book["Cost report"]
    header = [c.value for c in sheet[3]]
    assert header[:4] == ["Level", "Code", "Name", "Budget"]
    data = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(data) == len(report.rows)
    for values in data:
        assert all(isinstance(v, (int, float)) for v in values[3:]), values
    (total,) = [v for v in data if v[1] == "TOTAL"]
    for i, field in enumerate(MONEY):
        cell = Decimal(repr(total[3 + i])).quantize(Decimal("0.01"))
        assert cell == getattr(report.total, field), field
    alerts = list(book["Alerts"].iter_rows(min_row=2, values_only=True))
    assert [a[0] for a in alerts] == [a.account for a in report.alerts]
    # The same bytes in memory.
    assert report.to_xlsx()[:2] == b"PK"
    report.export(tmp_path / "report.csv")
    assert (tmp_path / "report.csv").read_bytes().decode("utf-8") == report.to_csv()


def test_pandas(report: callsheet.CostReport, sample: callsheet.Production) -> None:
    pd = pytest.importorskip("pandas")
    frame: Any = report.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["level", "code", "name", "parent", *MONEY]
    assert len(frame) == len(report.rows)
    accounts = frame[frame["level"] == "account"]
    assert sum(accounts["budget"], Decimal(0)) == report.total.budget, "exact Decimals, not floats"
    top: Any = sample.budget.topsheet().to_pandas()
    assert top.iloc[-1]["total"] == Decimal("7256320.79")


def test_pandas_missing_is_a_clear_import_error(report: callsheet.CostReport, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pandas is not installed; pip install pandas"):
        report.to_pandas()


def test_pandas_is_not_imported_with_callsheet() -> None:
    code = "import sys, callsheet; assert 'pandas' not in sys.modules and 'openpyxl' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


# ---------------------------------------------------------------- CSV import

GOOD_TRANSACTIONS = (
    "Ref,Type,Account Code,Posting Date,Amount,PO #,Memo\r\n"
    'INV-9001,Invoice,3307,2027-03-11,"1,500.00",PO-1001,lens repair\r\n'
    "PC-9001,petty cash,3301,2027-03-12,(25.00),,refund\r\n"
    "JE-9001,,6701,2027-03-12,100,,\r\n"
)


def test_transactions_csv_import(sample_path: Path, tmp_path: Path) -> None:
    production = callsheet.Production.load(sample_path)
    before = production.budget.cost_report(AS_OF)
    path = tmp_path / "week.csv"
    path.write_text(GOOD_TRANSACTIONS, encoding="utf-8")
    assert production.import_transactions_csv(path) == 3
    after = production.budget.cost_report(AS_OF)
    assert after.total.actual_to_date - before.total.actual_to_date == Decimal("1575.00")
    assert after.total.this_period - before.total.this_period == Decimal("1575.00")
    # The invoice draws on PO-1001: 1,500 less committed.
    assert before.total.commitments - after.total.commitments == Decimal("1500.00")
    saved = json.loads(production.to_json())["ledger"]["transactions"]
    assert [t["id"] for t in saved[-3:]] == ["INV-9001", "PC-9001", "JE-9001"]
    assert saved[-2]["kind"] == "petty_cash" and saved[-2]["amount"]["amount"] == "-25.00"
    # Importing the same file again repeats ids: refused, nothing changes.
    text = production.to_json()
    with pytest.raises(callsheet.CsvImportError, match="already in the ledger"):
        production.import_transactions_csv(str(path))
    assert production.to_json() == text


def test_bad_csv_names_rows_and_columns_and_changes_nothing(sample: callsheet.Production, tmp_path: Path) -> None:
    before = sample.to_json()
    path = tmp_path / "bad.csv"
    path.write_text(
        "id,kind,account,date,amount,purchase order\n"
        "INV-9100,invoice,9999,2027-03-11,10.00,\n"
        "INV-9101,invoice,3307,11/03/2027,1.234,\n"
        "INV-9102,invoice,3307,2027-03-11,12,PO-77\n",
        encoding="utf-8",
    )
    with pytest.raises(callsheet.CsvImportError) as err:
        sample.import_transactions_csv(path)
    e = err.value
    assert isinstance(e, callsheet.ValidationError) and isinstance(e, ValueError)
    assert [tuple(p) for p in e.problems] == [
        (2, "account", 'unknown account "9999"'),
        (3, "date", '"11/03/2027" is not a date (expected YYYY-MM-DD)'),
        (3, "amount", '"1.234" has more decimals than USD allows (2)'),
        (4, "purchase order", 'unknown purchase order "PO-77"'),
    ]
    assert e.problems[0].row == 2 and e.problems[0].column == "account"
    assert e.problems[0].path == 'row 2, column "account"'
    message = str(e)
    assert message.startswith(f"{path}: 4 problems:")
    assert 'row 3, column "date": "11/03/2027" is not a date' in message
    assert e.filename == str(path)
    assert sample.to_json() == before, "nothing imported"


def test_csv_file_errors(sample: callsheet.Production, tmp_path: Path) -> None:
    before = sample.to_json()
    with pytest.raises(callsheet.FileError) as err:
        sample.import_transactions_csv(tmp_path / "missing.csv")
    assert isinstance(err.value, OSError) and err.value.filename == str(tmp_path / "missing.csv")
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("id,account,date,amount,description\nX1,3307,2027-03-11,1.00,Caf\xe9\n".encode("latin-1"))
    with pytest.raises(callsheet.CsvImportError, match="not UTF-8") as csv_err:
        sample.import_transactions_csv(latin)
    assert csv_err.value.problems[0].row == 2
    bom = tmp_path / "bom.csv"
    bom.write_text("id,account,date,amount\n", encoding="utf-8-sig")
    assert sample.import_transactions_csv(bom) == 0, "a byte-order mark is fine; no rows is no change"
    assert sample.to_json() == before


def test_budget_csv_import(diner: callsheet.Production, tmp_path: Path) -> None:
    good = tmp_path / "lines.csv"
    good.write_text(
        "Account,Description,Amount,Unit,Rate,Currency,Fringes,Person\n"
        "1401,Lead - shoot,SHOOT_DAYS,days,1000.00,,FICA; HEALTH,P1\n"
        '3307,Camera package,SHOOT_WEEKS,wks,"10,000.00",,,\n'
        "3307,London lens,1,flat,800.00,gbp,,\n",
        encoding="utf-8",
    )
    assert diner.import_budget_csv(good) == 3
    top = diner.budget.topsheet()
    camera = top.category("3300")
    # 800 GBP at the newest rate (1.30): 1,040.00.
    assert camera is not None and camera.lines == Decimal("21040.00")
    before = diner.to_json()
    bad = tmp_path / "bad-lines.csv"
    bad.write_text(
        "account,description,amount,unit,rate,fringes,person\n"
        "1401,Lead,SHOT_DAYS,days,1000,,P1\n"
        "3307,Lens,1,flat,800,FOO,\n"
        "3307,Lens,1,flat,800,,P99\n",
        encoding="utf-8",
    )
    with pytest.raises(callsheet.CsvImportError) as err:
        diner.import_budget_csv(bad)
    assert [str(p) for p in err.value.problems] == [
        'row 2, column "amount": unknown global "SHOT_DAYS"',
        'row 3, column "fringes": unknown fringe "FOO"',
        'row 4, column "person": unknown person "P99"',
    ]
    assert diner.to_json() == before


# ---------------------------------------------------- comparisons and deltas


def test_budget_delta_after_cancelling_two_shoot_days() -> None:
    doc = night_diner()
    before = callsheet.Production.from_json(json.dumps(doc))
    after = cancelled(doc, "SD9", "SD10")
    delta = callsheet.budget_delta(before, after)
    # SHOOT_DAYS 10 -> 8, SHOOT_WEEKS 2 -> 1.6. Lead: 2 days x 1,000; HEALTH
    # 2 days x 30 each for P1 and P2 (P2's weeks count 5 days); FICA is
    # capped at 10,000 for both before and after. DP 0.4 weeks x 4,000;
    # camera package 0.4 weeks x 10,000.
    changed = [(d.code, d.delta) for d in delta.accounts if d.delta]
    assert changed == [
        ("1401", Decimal("-2000.00")),
        ("1499", Decimal("-60.00")),
        ("3301", Decimal("-1600.00")),
        ("3307", Decimal("-4000.00")),
        ("3399", Decimal("-60.00")),
    ]
    assert [(g.name, g.before, g.after) for g in delta.globals] == [
        ("SHOOT_WEEKS", Decimal("2"), Decimal("1.6")),
        ("SHOOT_DAYS", Decimal("10"), Decimal("8")),
    ]
    # -7,720 before markups: contingency -772, overhead -386, bond 2 % of -8,492.
    assert [m.delta for m in delta.markups] == [Decimal("-772.00"), Decimal("-386.00"), Decimal("-169.84")]
    assert delta.grand_total.before == Decimal("88134.40")
    assert delta.grand_total.delta == Decimal("-9047.84")
    assert delta.grand_total.after == Decimal("79086.56")
    account = delta.account("3307")
    assert account is not None and (account.before, account.after) == (Decimal("20000.00"), Decimal("16000.00"))
    text = delta.to_text()
    assert "SHOOT_DAYS 10 → 8" in text and "-9,047.84" in text
    assert delta.changed()[-1] == delta.grand_total
    assert all(d.delta for d in delta.changed())
    assert len(delta) == len(delta.to_records()) == 6 + 3 + 4 + 3 + 1
    assert [r.code for r in delta][-1] == "TOTAL"
    # The same comparison from the two Budgets.
    assert callsheet.compare_budgets(before.budget, after.budget) == delta


def test_compare_budgets(diner: callsheet.Production) -> None:
    budget = diner.budget
    same = callsheet.compare_budgets(budget, budget)
    assert same.changed() == [] and same.to_text() == "no change\n" and same.globals == []
    assert same.currency == "USD"
    euros = callsheet.Production.from_json(
        json.dumps({"format_version": 1, "name": "Euro", "zone": "Europe/Paris", "currency": "EUR"})
    )
    with pytest.raises(callsheet.ValidationError, match="cannot compare a budget in USD with one in EUR") as err:
        callsheet.compare_budgets(budget, euros.budget)
    assert err.value.problems[0].path == "currency"
    records = same.to_records()
    assert records[0] == {
        "level": "account",
        "code": "1401",
        "name": "Principal cast",
        "before": Decimal("12000.00"),
        "after": Decimal("12000.00"),
        "delta": Decimal("0.00"),
    }
    pd = pytest.importorskip("pandas")
    frame: Any = same.to_pandas()
    assert isinstance(frame, pd.DataFrame) and list(frame.columns) == list(records[0])


def test_standard_feature_chart() -> None:
    chart = callsheet.standard_feature_chart()
    assert len(chart["categories"]) == 37 and len(chart["accounts"]) == 175
    assert chart["categories"][0]["code"] == "1100"
    assert {c["section"] for c in chart["categories"]} == {"above_the_line", "production", "post", "other"}


# ------------------------------------------------------------------ threads


def test_cost_reports_from_many_threads(sample: callsheet.Production) -> None:
    expected = sample.budget.cost_report(AS_OF)
    shared = sample.budget
    results: list[callsheet.CostReport] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(i: int) -> None:
        try:
            # Half share one Budget (its totals computed once), half read a fresh one.
            budget = shared if i % 2 else sample.budget
            for _ in range(3):
                r = budget.cost_report(as_of=AS_OF)
                with lock:
                    results.append(r)
        except BaseException as e:  # noqa: BLE001 - re-raised below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert len(results) == 24
    assert all(r == expected for r in results)


def test_readers_never_see_a_half_import(sample_path: Path, tmp_path: Path) -> None:
    production = callsheet.Production.load(sample_path)
    before = production.budget.cost_report(AS_OF).total
    path = tmp_path / "week.csv"
    path.write_text(GOOD_TRANSACTIONS, encoding="utf-8")
    seen: list[callsheet.CostReportRow] = []
    stop = threading.Event()

    def read() -> None:
        while True:
            seen.append(production.budget.cost_report(AS_OF).total)
            if stop.is_set():
                break

    readers = [threading.Thread(target=read) for _ in range(3)]
    for t in readers:
        t.start()
    try:
        assert production.import_transactions_csv(path) == 3
    finally:
        stop.set()
        for t in readers:
            t.join()
    after = production.budget.cost_report(AS_OF).total
    assert after != before
    assert seen and all(row in (before, after) for row in seen)
