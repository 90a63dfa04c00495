"""Cost report on 100,000 detail lines and 1,000,000 transactions: callsheet
from Python against a pandas float groupby and an exact Python ``Decimal`` loop.

One run, one data set (``gen-ledger``: the standard feature chart, 100,000
detail lines, 70 % paying one of 5,000 people, six fringes, 20,000 purchase
orders, 1,000,000 transactions over 26 weeks). The job, the same in all three:

1. every line's subtotal ``amount x multiplier x rate`` (amounts are globals,
   some of them formulas), rounded half-even to the cent;
2. fringes per line: percentages with wage caps consumed per person across
   their lines in (account code, description, file order), i.e. a running
   total clipped to the cap (``cumsum``/``clip`` in pandas); a capped line
   without a person is capped at ``cap x multiplier``; a flat health fringe per
   day worked (weeks count five days); every fringe rounded per line;
3. account budgets (lines + fringes, posted to the line's account);
4. the cost report as of a date for the week ending then: actual to date,
   this period, commitments (open value of purchase orders issued by then:
   amount less what is invoiced against them, never below zero), total cost,
   estimate to complete (the rest of the budget, never below zero),
   estimated final cost and variance, per account, category and in total.

Timed (best of ``--repeat``, in ms):

* callsheet: ``production.budget.cost_report(as_of=...)`` on an
  already-loaded production (a fresh ``Budget`` each time, so the budget
  engine runs too); also shown: the same with ``to_records()`` (the report as
  Python dicts), and the report alone with the totals already computed.
* pandas: the job above on float64 columns, from DataFrames already built
  from the CSV files (reading and parsing is timed separately and not
  compared).
* Python ``Decimal``: the job above with plain loops and dicts over lists of
  ``Decimal``s (built beforehand, not timed); once unless ``--decimal-repeat``.

Checks: the ``Decimal`` loop must equal callsheet to the cent on every
account, category and total column (exit status 1 otherwise); the float
version's largest error against callsheet's exact figures is reported in
cents, with how many figures are wrong once rounded to the cent.

Usage (from the repository root)::

    cargo build --release -p callsheet-benches --bin gen-ledger
    target/release/gen-ledger /tmp/ledger            # ledger.json, meta.json, *.csv
    .venv/bin/maturin develop --release -m bindings-python/Cargo.toml
    .venv/bin/python benches/python/budget_vs_pandas.py /tmp/ledger --repeat 5
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import gc
import json
import os
import platform
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

import callsheet

T = TypeVar("T")
CENT = Decimal("0.01")
COLUMNS = (
    "budget",
    "final_budget",
    "this_period",
    "actual_to_date",
    "commitments",
    "total_cost",
    "estimate_to_complete",
    "estimated_final_cost",
    "variance",
)
#: The generator's report date: 120 days into the ledger (as profile-budget uses).
AS_OF = dt.date(2027, 1, 4) + dt.timedelta(days=120)


# ---------------------------------------------------------------- timing


#: CPU seconds of the process (all threads) per measurement, by name.
CPU: dict[str, list[float]] = defaultdict(list)


def timed(fn: Callable[[], T], name: str = "") -> tuple[float, T]:
    """Run ``fn`` once; return wall-clock ms (CPU ms of the whole process go to ``CPU[name]``)."""
    gc.collect()
    cpu = time.process_time()
    start = time.perf_counter()
    result = fn()
    wall = (time.perf_counter() - start) * 1000.0
    CPU[name].append((time.process_time() - cpu) * 1000.0)
    return wall, result


def best(n: int, fn: Callable[[], T], name: str = "") -> tuple[float, list[float], T]:
    samples: list[float] = []
    result: Any = None
    for _ in range(n):
        ms, result = timed(fn, name)
        samples.append(ms)
    return min(samples), samples, result


# ------------------------------------------------------------- the budget


@dataclass
class Meta:
    """The budget without its lines: chart, globals, fringes, units."""

    accounts: list[str]  # chart order
    category: dict[str, str]  # account -> category
    categories: list[str]
    globals: dict[str, Decimal]
    fringes: list[dict[str, Any]]
    hours_per_day: Decimal
    days_per_week: Decimal


def evaluate(text: str, names: dict[str, Decimal]) -> Decimal:
    """A number or a formula over globals (+ - * / and parentheses), exactly."""

    def walk(node: ast.AST) -> Decimal:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return Decimal(str(node.value))
        if isinstance(node, ast.Name):
            return names[node.id]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -walk(node.operand)
        if isinstance(node, ast.BinOp):
            a, b = walk(node.left), walk(node.right)
            ops: dict[type, Callable[[Decimal, Decimal], Decimal]] = {
                ast.Add: lambda x, y: x + y,
                ast.Sub: lambda x, y: x - y,
                ast.Mult: lambda x, y: x * y,
                ast.Div: lambda x, y: x / y,
            }
            return ops[type(node.op)](a, b)
        raise ValueError(f"unsupported formula {text!r}")

    return walk(ast.parse(text, mode="eval"))


def load_meta(path: Path) -> Meta:
    doc = json.loads(path.read_text(encoding="utf-8"))
    budget = doc["budget"]
    if budget.get("fringe_posting", "account") != "account" or budget.get("rates"):
        raise SystemExit("the benchmark expects fringes posted to their line's account, all in one currency")
    raw = {g["name"]: g["value"] for g in budget["globals"]}
    values: dict[str, Decimal] = {}
    while len(values) < len(raw):  # dependency order, by repetition
        for name, text in raw.items():
            if name not in values:
                try:
                    values[name] = evaluate(text, values)
                except KeyError:
                    pass
    units = budget.get("units", {})
    return Meta(
        accounts=[a["code"] for a in budget["accounts"]],
        category={a["code"]: a["category"] for a in budget["accounts"]},
        categories=[c["code"] for c in budget["categories"]],
        globals=values,
        fringes=budget["fringes"],
        hours_per_day=Decimal(units.get("hours_per_day", "10")),
        days_per_week=Decimal(units.get("days_per_week", "5")),
    )


def days_per(unit: str, meta: Meta) -> Decimal:
    """How many days one `unit` counts for a flat fringe per day."""
    per_day = {"hours": 1 / meta.hours_per_day, "days": Decimal(1), "weeks": meta.days_per_week}
    if unit not in per_day:
        raise SystemExit(f"the benchmark does not convert {unit!r} to days")
    return per_day[unit]


# ------------------------------------------------------------- callsheet


def exact_figures(report: callsheet.CostReport) -> dict[tuple[str, str], Decimal]:
    """(row code, column) -> exact figure, for accounts, categories and the total."""
    out: dict[tuple[str, str], Decimal] = {}
    for row in [*report.accounts, *report.categories, report.total]:
        for c in COLUMNS:
            out[(row.code, c)] = getattr(row, c)
    return out


# ---------------------------------------------------------------- pandas


@dataclass
class Frames:
    lines: pd.DataFrame
    orders: pd.DataFrame
    transactions: pd.DataFrame


def build_frames(data: Path, meta: Meta) -> Frames:
    """The CSV files as typed DataFrames (floats, datetime64, one bool column per fringe)."""
    lines = pd.read_csv(
        data / "lines.csv",
        dtype={"account": str, "description": str, "amount": str, "unit": str, "fringes": str, "person": str},
        keep_default_na=False,
    )
    amounts = {text: float(evaluate(text, meta.globals)) for text in lines["amount"].unique()}
    lines["quantity"] = lines["amount"].map(amounts).astype("float64")
    for f in meta.fringes:
        lines["f_" + f["id"]] = lines["fringes"].str.split(";").apply(lambda ids, fid=f["id"]: fid in ids)
    lines["days"] = lines["unit"].map({u: float(days_per(u, meta)) for u in lines["unit"].unique()})
    orders = pd.read_csv(data / "purchase_orders.csv", dtype={"id": str, "account": str}, keep_default_na=False)
    orders["date"] = pd.to_datetime(orders["date"])
    orders["closed"] = pd.to_datetime(orders["closed"].replace("", None))
    transactions = pd.read_csv(
        data / "transactions.csv", dtype={"id": str, "account": str, "purchase_order": str}, keep_default_na=False
    )
    transactions["date"] = pd.to_datetime(transactions["date"])
    return Frames(lines, orders, transactions)


def pandas_cost_report(fr: Frames, meta: Meta, as_of: dt.date) -> pd.DataFrame:
    """The cost report per account, category and total, in float64."""
    lines = fr.lines.sort_values(["account", "description", "index"], kind="stable")
    base = (lines["quantity"] * lines["multiplier"] * lines["rate"]).round(2)
    has_person = lines["person"] != ""
    heads = lines["multiplier"].clip(lower=1.0)
    fringe_total = pd.Series(0.0, index=lines.index)
    for f in meta.fringes:
        on = lines["f_" + f["id"]]
        if f.get("flat"):
            per_day = float(Decimal(f["flat"]["amount"]["amount"]))
            if f["flat"]["per"] != "days":
                raise SystemExit("the benchmark expects flat fringes per day")
            amount = (lines["quantity"] * lines["multiplier"] * lines["days"] * per_day).round(2)
        else:
            rate = float(Decimal(f["percent"]) / 100)
            cap = f.get("wage_cap")
            if cap is None:
                amount = (base * rate).round(2)
            else:
                cap_value = float(Decimal(cap["amount"]))
                pay = base.where(on & has_person, 0.0)
                running = pay.groupby(lines["person"]).cumsum()
                after = running.clip(0.0, cap_value)
                before = (running - pay).clip(0.0, cap_value)
                capped = (after * rate).round(2) - (before * rate).round(2)
                personless = (np.minimum(base, cap_value * heads) * rate).round(2)
                amount = capped.where(has_person, personless)
        fringe_total += amount.where(on, 0.0)
    budget = (base + fringe_total).groupby(lines["account"]).sum()

    tx = fr.transactions
    as_of64 = np.datetime64(as_of)
    start64 = np.datetime64(as_of - dt.timedelta(days=6))
    tx = tx[tx["date"] <= as_of64]
    actual = tx.groupby("account")["amount"].sum()
    period = tx[tx["date"] >= start64].groupby("account")["amount"].sum()
    invoiced = tx[tx["purchase_order"] != ""].groupby("purchase_order")["amount"].sum()
    po = fr.orders
    open_value = po["amount"] - po["id"].map(invoiced).fillna(0.0)
    live = (po["date"] <= as_of64) & ~(po["closed"] <= as_of64) & (open_value > 0)
    commitments = open_value[live].groupby(po["account"][live]).sum()

    r = pd.DataFrame(index=pd.Index(meta.accounts, name="code"))
    r["budget"] = budget.reindex(r.index, fill_value=0.0)
    r["final_budget"] = r["budget"]  # no approved overages in the generated ledger
    r["this_period"] = period.reindex(r.index, fill_value=0.0)
    r["actual_to_date"] = actual.reindex(r.index, fill_value=0.0)
    r["commitments"] = commitments.reindex(r.index, fill_value=0.0)
    r["total_cost"] = r["actual_to_date"] + r["commitments"]
    r["estimate_to_complete"] = (r["final_budget"] - r["total_cost"]).clip(lower=0.0)
    r["estimated_final_cost"] = r["total_cost"] + r["estimate_to_complete"]
    r["variance"] = r["final_budget"] - r["estimated_final_cost"]
    categories = r.groupby(r.index.map(meta.category)).sum().reindex(meta.categories, fill_value=0.0)
    total = r.sum().to_frame("TOTAL").T
    return pd.concat([r, categories, total])


# ------------------------------------------------------------ Decimal loop


@dataclass
class Rows:
    """The CSV rows as Python lists of Decimals and dates."""

    lines: list[tuple[int, str, str, Decimal, Decimal, Decimal, Decimal, frozenset[str], str]]
    orders: list[tuple[str, str, dt.date, Decimal, dt.date | None]]
    transactions: list[tuple[str, dt.date, Decimal, str]]


def build_rows(data: Path, meta: Meta) -> Rows:
    """The CSV files as lists of tuples; exact decimals come from the text, never from floats."""
    raw = pd.read_csv(data / "lines.csv", dtype=str, keep_default_na=False)
    amounts = {text: evaluate(text, meta.globals) for text in raw["amount"].unique()}
    days = {u: days_per(u, meta) for u in raw["unit"].unique()}
    line_rows = [
        (int(i), a, d, amounts[q], days[u], Decimal(m), Decimal(rate), frozenset(f.split(";")) - {""}, p)
        for i, a, d, q, u, m, rate, f, p in zip(
            raw["index"], raw["account"], raw["description"], raw["amount"], raw["unit"],
            raw["multiplier"], raw["rate"], raw["fringes"], raw["person"],
        )
    ]  # fmt: skip
    po = pd.read_csv(data / "purchase_orders.csv", dtype=str, keep_default_na=False)
    order_rows = [
        (i, a, dt.date.fromisoformat(d), Decimal(x), dt.date.fromisoformat(c) if c else None)
        for i, a, d, x, c in zip(po["id"], po["account"], po["date"], po["amount"], po["closed"])
    ]
    tx = pd.read_csv(data / "transactions.csv", dtype=str, keep_default_na=False)
    dates = {d: dt.date.fromisoformat(d) for d in tx["date"].unique()}
    tx_rows = [
        (a, dates[d], Decimal(x), p)
        for a, d, x, p in zip(tx["account"], tx["date"], tx["amount"], tx["purchase_order"])
    ]
    return Rows(line_rows, order_rows, tx_rows)


def cents(x: Decimal) -> Decimal:
    return x.quantize(CENT, rounding=ROUND_HALF_EVEN)


def decimal_cost_report(rows: Rows, meta: Meta, as_of: dt.date) -> dict[tuple[str, str], Decimal]:
    """The cost report with Decimal arithmetic and plain loops."""
    zero = Decimal("0.00")
    # (id, kind, percent as a fraction or flat amount per day, cap)
    fringes: list[tuple[str, str, Decimal, Decimal]] = []
    for f in meta.fringes:
        if f.get("flat"):
            fringes.append((f["id"], "flat", Decimal(f["flat"]["amount"]["amount"]), Decimal(0)))
        elif f.get("wage_cap"):
            fringes.append((f["id"], "capped", Decimal(f["percent"]) / 100, Decimal(f["wage_cap"]["amount"])))
        else:
            fringes.append((f["id"], "percent", Decimal(f["percent"]) / 100, Decimal(0)))
    budget: dict[str, Decimal] = defaultdict(lambda: zero)
    paid: dict[tuple[str, str], list[Decimal]] = {}
    for _i, account, _d, quantity, days, multiplier, rate, ids, person in sorted(
        rows.lines, key=lambda r: (r[1], r[2], r[0])
    ):
        base = cents(quantity * multiplier * rate)
        total = base
        for fid, kind, value, cap in fringes:
            if fid not in ids:
                continue
            if kind == "flat":
                total += cents(quantity * multiplier * days * value)
            elif kind == "capped" and person:
                state = paid.setdefault((person, fid), [Decimal(0), zero])
                before = min(max(state[0], Decimal(0)), cap)
                state[0] += base
                after = min(max(state[0], Decimal(0)), cap)
                if after != before:
                    charged = cents(after * value)
                    total += charged - state[1]
                    state[1] = charged
            elif kind == "capped":
                total += cents(min(base, cap * max(multiplier, Decimal(1))) * value)
            else:
                total += cents(base * value)
        budget[account] += total

    start = as_of - dt.timedelta(days=6)
    actual: dict[str, Decimal] = defaultdict(lambda: zero)
    period: dict[str, Decimal] = defaultdict(lambda: zero)
    invoiced: dict[str, Decimal] = defaultdict(Decimal)
    for account, date, amount, po in rows.transactions:
        if date > as_of:
            continue
        actual[account] += amount
        if date >= start:
            period[account] += amount
        if po:
            invoiced[po] += amount
    commitments: dict[str, Decimal] = defaultdict(lambda: zero)
    for po_id, account, date, amount, closed in rows.orders:
        open_value = amount - invoiced.get(po_id, Decimal(0))
        if date <= as_of and (closed is None or closed > as_of) and open_value > 0:
            commitments[account] += open_value

    out: dict[tuple[str, str], Decimal] = {}
    totals: dict[tuple[str, str], Decimal] = defaultdict(lambda: zero)
    for code in meta.accounts:
        b = budget[code]
        total_cost = actual[code] + commitments[code]
        etc = max(b - total_cost, zero)
        row = {
            "budget": b,
            "final_budget": b,
            "this_period": period[code],
            "actual_to_date": actual[code],
            "commitments": commitments[code],
            "total_cost": total_cost,
            "estimate_to_complete": etc,
            "estimated_final_cost": total_cost + etc,
            "variance": b - (total_cost + etc),
        }
        for c, v in row.items():
            out[(code, c)] = v
            totals[(meta.category[code], c)] += v
            totals[("TOTAL", c)] += v
    for category in meta.categories:
        for c in COLUMNS:
            out[(category, c)] = totals[(category, c)]
    for c in COLUMNS:
        out[("TOTAL", c)] = totals[("TOTAL", c)]
    return out


# ------------------------------------------------------------------ report


def float_errors(frame: pd.DataFrame, exact: dict[tuple[str, str], Decimal]) -> tuple[Decimal, int, str]:
    """Largest |float - exact| in cents, how many figures differ at the cent, and where the worst is."""
    worst, wrong, where = Decimal(0), 0, ""
    values = {(code, c): frame.at[code, c] for code in frame.index for c in COLUMNS}
    for key, value in exact.items():
        approx = Decimal(float(values[key]))  # the float's exact binary value
        err = abs(approx - value) * 100
        if cents(approx) != value:
            wrong += 1
        if err > worst:
            worst, where = err, f"{key[0]} {key[1]}"
    return worst, wrong, where


def extension_build() -> str:
    """Which cargo profile built the imported extension: the one whose library has the same bytes."""
    ext = Path(callsheet._callsheet.__file__).resolve()
    data = ext.read_bytes()
    roots = [Path(os.environ["CARGO_TARGET_DIR"])] if os.environ.get("CARGO_TARGET_DIR") else []
    roots.append(Path(__file__).resolve().parents[2] / "target")
    for root in roots:
        for profile in ("release", "debug"):
            built = root / profile / "lib_callsheet.so"
            if built.is_file() and built.stat().st_size == len(data) and built.read_bytes() == data:
                return "DEBUG (unoptimised)" if profile == "debug" else "release"
    return "unknown (not identical to target/{release,debug}/lib_callsheet.so)"


def load_production(data: Path) -> callsheet.Production:
    """The ledger production. With 1,000,000 transactions the file is over
    the 128 MiB limit on production files, so the transactions come in the
    way an accountant brings them: the production without them, then the
    transactions CSV imported (validated, all or nothing)."""
    path = data / "ledger.json"
    if path.stat().st_size <= 128 * 1024 * 1024:
        return callsheet.Production.load(path)
    document = json.loads(path.read_text())
    document.get("ledger", {}).pop("transactions", None)
    production = callsheet.Production.from_json(json.dumps(document))
    production.import_transactions_csv(data / "transactions.csv")
    return production


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("data", type=Path, help="gen-ledger's output directory")
    parser.add_argument("--repeat", type=int, default=5, help="runs of callsheet and pandas (default 5, best shown)")
    parser.add_argument("--decimal-repeat", type=int, default=1, help="runs of the Decimal loop (default 1)")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=AS_OF)
    args = parser.parse_args(argv)
    data: Path = args.data
    n = max(1, args.repeat)
    as_of: dt.date = args.as_of

    meta = load_meta(data / "meta.json")
    load_ms, production = timed(lambda: load_production(data))

    # callsheet
    cs_ms, cs_samples, report = best(n, lambda: production.budget.cost_report(as_of=as_of), "callsheet")
    rec_ms, _, _ = best(n, lambda: production.budget.cost_report(as_of=as_of).to_records())
    budget = production.budget
    budget.topsheet()  # totals computed and kept
    warm_ms, _, _ = best(n, lambda: budget.cost_report(as_of=as_of))
    exact = exact_figures(report)

    # pandas
    build_ms, frames = timed(lambda: build_frames(data, meta))
    pd_ms, pd_samples, frame = best(n, lambda: pandas_cost_report(frames, meta, as_of), "pandas")

    # Decimal loop
    rows_ms, rows = timed(lambda: build_rows(data, meta))
    dec_ms, dec_samples, by_decimal = best(
        max(1, args.decimal_repeat), lambda: decimal_cost_report(rows, meta, as_of), "decimal"
    )

    mismatches = [k for k, v in exact.items() if by_decimal.get(k) != v]
    worst, wrong, where = float_errors(frame, exact)

    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    print("machine")
    print(f"  python     {platform.python_implementation()} {platform.python_version()}, pandas {pd.__version__}, numpy {np.__version__}")
    build = extension_build()
    print(f"  callsheet  {callsheet.__version__}, extension build: {build}")
    print(f"  cpu        {os.cpu_count()} logical CPUs ({usable} usable), {platform.machine()}, {platform.system()} {platform.release()}")
    if hasattr(os, "getloadavg"):
        print("  load       {:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*os.getloadavg()))
    if build.startswith("DEBUG"):
        print("  WARNING: a debug build; rebuild with `maturin develop --release` for numbers users get")
    print("data")
    print(f"  {len(frames.lines):,} detail lines, {len(frames.orders):,} purchase orders, {len(frames.transactions):,} transactions")
    print(f"  {len(meta.accounts)} accounts, {len(meta.fringes)} fringes; report as of {as_of} (period from {as_of - dt.timedelta(days=6)})")
    print()
    print(f"{'measurement':<58}{'best ms':>10}{'CPU ms':>10}   all runs (wall ms)")
    rows_out = [
        ("callsheet: budget.cost_report(as_of) (totals + report)", cs_ms, cs_samples, "callsheet"),
        ("pandas float64: the same job from built DataFrames", pd_ms, pd_samples, "pandas"),
        ("Python Decimal loop: the same job from built lists", dec_ms, dec_samples, "decimal"),
    ]
    for name, ms, samples, key in rows_out:
        cpu = min(CPU[key])
        print(f"{name:<58}{ms:>10.1f}{cpu:>10.1f}   {', '.join(f'{s:.0f}' for s in samples)}")
    print("  (CPU ms: the best run's process CPU time, all threads; callsheet runs on every core)")
    print()
    print("for information (not compared)")
    print(f"  callsheet: cost_report(...).to_records() (rows as dicts)   {rec_ms:>10.1f}")
    print(f"  callsheet: cost_report on a Budget with totals kept        {warm_ms:>10.1f}")
    print(f"  callsheet: Production.load(ledger.json), once              {load_ms:>10.1f}")
    print(f"  pandas: read the CSVs and build the DataFrames, once       {build_ms:>10.1f}")
    print(f"  Python: build the Decimal row lists, once                  {rows_ms:>10.1f}")
    print()
    cs_cpu, pd_cpu, dec_cpu = min(CPU["callsheet"]), min(CPU["pandas"]), min(CPU["decimal"])
    print("ratios (best wall clock; CPU time in brackets)")
    print(f"  pandas / callsheet           {pd_ms / cs_ms:8.1f}x   ({pd_cpu / cs_cpu:.1f}x)")
    print(f"  Decimal loop / callsheet     {dec_ms / cs_ms:8.1f}x   ({dec_cpu / cs_cpu:.1f}x)")
    print()
    print("accuracy against callsheet's exact figures "
          f"({len(exact):,} figures: {len(COLUMNS)} columns x accounts, categories, total)")
    print(f"  Decimal loop: {'identical to the cent' if not mismatches else f'{len(mismatches)} MISMATCHES'}")
    print(f"  pandas float64: max error {worst:.4f} cents ({where}); {wrong:,} figures differ once rounded to the cent")
    print(f"  grand total of the report: callsheet {report.total.estimated_final_cost}, "
          f"pandas {frame.at['TOTAL', 'estimated_final_cost']:.6f}")
    if mismatches:
        for figure in mismatches[:10]:
            print(f"    {figure}: callsheet {exact[figure]}, Decimal loop {by_decimal.get(figure)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
