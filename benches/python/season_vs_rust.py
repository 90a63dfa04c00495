"""The season pipeline from Python against the same pipeline in Rust alone.

One data set (``gen-season-budget``: a generated season of 120 shoot days for
two units, 1,500 people and 49,920 events, with a budget of 10,000 detail
lines, 2,000 purchase orders and 100,000 transactions). Each run, the same on
both sides:

1. ``load``: read, parse and validate the file (``Production.load(path)``;
   ``callsheet::Production::load`` in Rust);
2. ``conflicts``: the full conflict check on the freshly loaded production
   (``Production.conflicts()``: index built, every rule), as a ``list`` of
   ``Conflict`` objects;
3. ``dood``: the day out of days of everyone (``day_out_of_days(people=
   "everyone")``), its ``rows`` as ``DoodRow`` objects and every row's
   ``codes`` as a list of ``str`` (the grid, as a user reads it);
4. ``cost_report``: ``production.budget.cost_report(as_of=...)`` on a fresh
   ``Budget`` (so the budget engine runs too), its ``rows`` as
   ``CostReportRow`` objects.

What Python pays on top of Rust is the call overhead and converting the
results into Python objects; the work itself runs in the same Rust code with
the GIL released. The Rust side is ``season-pipeline`` (run as a subprocess
and read from its JSON), which times the same four calls of the core crate.

Timed: best of ``--repeat`` runs per step and for the whole pipeline (the best
run's total), wall clock; CPU time of the process (all threads) is shown too,
as the steadier measure when the 2 cores are shared. To even out load from
other processes, ``--rounds`` alternates a Rust block and a Python block of
``--repeat`` runs each, and the best over all rounds counts.

Checks: both sides must agree on the number of conflicts, DOOD rows and
columns, cost report rows and the report's estimated final cost (exit status
1 otherwise). Exit status 2 if Python's best total exceeds ``--limit`` (1.5)
times Rust's.

Usage (from the repository root)::

    cargo build --release -p callsheet-benches --bin gen-season-budget --bin season-pipeline
    target/release/gen-season-budget /tmp/season-budget.json
    python3 -m venv target/bench-venv     # its own venv: .venv keeps its debug build
    target/bench-venv/bin/pip install maturin==1.16.0
    VIRTUAL_ENV=$PWD/target/bench-venv target/bench-venv/bin/maturin develop --release --locked \\
        -m bindings-python/Cargo.toml
    target/bench-venv/bin/python benches/python/season_vs_rust.py /tmp/season-budget.json --rounds 3

Build the extension with ``maturin develop --release``: a debug build is not
what users run, and the script warns when it detects one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import callsheet

REPO = Path(__file__).resolve().parents[2]
STEPS = ("load", "conflicts", "dood", "cost_report")
#: The generator's report date: 120 days into the ledger (as season-pipeline).
AS_OF = dt.date(2027, 5, 4)


# ---------------------------------------------------------------- timing


class Samples:
    """Wall-clock and CPU ms of every run, per step and in total."""

    def __init__(self) -> None:
        self.wall: dict[str, list[float]] = {s: [] for s in (*STEPS, "total")}
        self.cpu: dict[str, list[float]] = {s: [] for s in (*STEPS, "total")}

    def add_run(self, wall: dict[str, float], cpu: dict[str, float]) -> None:
        for s in STEPS:
            self.wall[s].append(wall[s])
            self.cpu[s].append(cpu[s])
        self.wall["total"].append(sum(wall[s] for s in STEPS))
        self.cpu["total"].append(sum(cpu[s] for s in STEPS))

    def best(self, step: str) -> float:
        return min(self.wall[step])

    def best_cpu(self, step: str) -> float:
        return min(self.cpu[step])


# ------------------------------------------------------------------ Rust


def rust_binary() -> Path:
    return target_dir() / "release" / "season-pipeline"


def run_rust(binary: Path, path: Path, repeat: int, samples: Samples) -> dict[str, Any]:
    """One block of ``repeat`` runs of season-pipeline; returns its results' sizes."""
    out = subprocess.run(
        [str(binary), str(path), "--repeat", str(repeat), "--as-of", AS_OF.isoformat()],
        check=True,
        capture_output=True,
        text=True,
    )
    doc = json.loads(out.stdout)
    for i in range(repeat):
        samples.add_run(
            {s: doc["runs_ms"][s][i] for s in STEPS},
            {s: doc["cpu_ms"][s][i] for s in STEPS},
        )
    results: dict[str, Any] = doc["results"]
    return results


# ---------------------------------------------------------------- Python


def run_python(path: Path, repeat: int, samples: Samples) -> dict[str, Any]:
    """One block of ``repeat`` runs of the pipeline through the Python package."""
    results: dict[str, Any] = {}
    for _ in range(repeat):
        gc.collect()
        wall: dict[str, float] = {}
        cpu: dict[str, float] = {}

        def step(name: str, fn: Callable[[], Any]) -> Any:
            c = time.process_time()
            t = time.perf_counter()
            value = fn()
            wall[name] = (time.perf_counter() - t) * 1000.0
            cpu[name] = (time.process_time() - c) * 1000.0
            return value

        production = step("load", lambda: callsheet.Production.load(path))
        conflicts = step("conflicts", production.conflicts)

        def dood() -> tuple[callsheet.DoodReport, list[callsheet.DoodRow], list[list[str]]]:
            report = production.day_out_of_days(people="everyone")
            rows = report.rows
            return report, rows, [r.codes for r in rows]

        report, rows, grid = step("dood", dood)

        def cost() -> tuple[callsheet.CostReport, list[callsheet.CostReportRow]]:
            cost_report = production.budget.cost_report(as_of=AS_OF)
            return cost_report, cost_report.rows

        cost_report, cost_rows = step("cost_report", cost)
        samples.add_run(wall, cpu)
        results = {
            "events": len(production.events),
            "people": len(production.people),
            "conflicts": len(conflicts),
            "dood_rows": len(rows),
            "dood_columns": len(report.columns),
            "cost_report_rows": len(cost_rows),
            "estimated_final_cost": str(cost_report.total.estimated_final_cost),
        }
        if any(len(codes) != len(report.columns) for codes in grid):
            raise AssertionError("a DOOD row's codes do not match its columns")
        # Dropping the results is not timed (nor is it in Rust).
        del production, conflicts, report, rows, grid, cost_report, cost_rows
    return results


# ---------------------------------------------------------------- report


def target_dir() -> Path:
    return Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))


def extension_build() -> str:
    """``release`` or ``debug``: the cargo profile the imported extension was built with.

    Identical bytes to ``<target>/<profile>/lib_callsheet.so`` settle it;
    otherwise an overflow-check panic message compiled in (dev profile) says debug.
    """
    data = Path(callsheet._callsheet.__file__).resolve().read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    for profile in ("release", "debug"):
        built = target_dir() / profile / "lib_callsheet.so"
        if built.is_file() and built.stat().st_size == len(data):
            if hashlib.sha256(built.read_bytes()).hexdigest() == digest:
                return profile
    return "debug" if b"attempt to add with overflow" in data else "release"


def load_average() -> str:
    if not hasattr(os, "getloadavg"):
        return "unknown"
    return "{:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("path", type=Path, help="production file from gen-season-budget")
    parser.add_argument("--repeat", type=int, default=5, help="runs per block (default: 5)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating Rust/Python blocks (default: 2)")
    parser.add_argument("--limit", type=float, default=1.5, help="largest Python/Rust total ratio (default: 1.5)")
    parser.add_argument("--rust-bin", type=Path, default=None, help="season-pipeline binary")
    args = parser.parse_args(argv)
    path: Path = args.path
    n = max(1, args.repeat)
    binary: Path = args.rust_bin or rust_binary()
    if not binary.is_file():
        raise SystemExit(f"{binary} not found: cargo build --release -p callsheet-benches --bin season-pipeline")

    load_before = load_average()
    rust, python = Samples(), Samples()
    rust_results: dict[str, Any] = {}
    python_results: dict[str, Any] = {}
    for _ in range(max(1, args.rounds)):
        rust_results = run_rust(binary, path, n, rust)
        python_results = run_python(path, n, python)
    load_after = load_average()

    build = extension_build()
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    print("machine")
    print(f"  python     {platform.python_implementation()} {platform.python_version()}")
    print(f"  callsheet  {callsheet.__version__}, extension build: {build}")
    print(f"  cpu        {os.cpu_count()} logical CPUs ({usable} usable), {platform.machine()}, "
          f"{platform.system()} {platform.release()}")  # fmt: skip
    print(f"  load       {load_before} before, {load_after} after")
    if build == "debug":
        print("  WARNING: a debug build; rebuild with `maturin develop --release` for numbers users get")
    r = rust_results
    print("data")
    print(f"  {path} ({path.stat().st_size / 1e6:.1f} MB): {r['events']:,} events, {r['people']:,} people, "
          f"{r['detail_lines']:,} detail lines, {r['transactions']:,} transactions")  # fmt: skip
    print(f"  {r['conflicts']:,} conflicts; DOOD {r['dood_rows']:,} rows x {r['dood_columns']} days; "
          f"cost report as of {AS_OF}: {r['cost_report_rows']} rows")  # fmt: skip
    print(f"  best of {n} runs x {max(1, args.rounds)} rounds per side")
    print()
    header = f"{'step':<13}{'Rust ms':>10}{'Python ms':>11}{'ratio':>8}   {'Rust CPU':>9}{'Py CPU':>9}{'ratio':>8}"
    print(header)
    print("-" * len(header))
    for s in (*STEPS, "total"):
        rw, pw = rust.best(s), python.best(s)
        rc, pc = rust.best_cpu(s), python.best_cpu(s)
        if s == "total":
            print()
        print(f"{s:<13}{rw:>10.1f}{pw:>11.1f}{pw / rw:>7.2f}x   {rc:>9.1f}{pc:>9.1f}{pc / rc:>7.2f}x")
    print("  (best wall clock per step, and the best run's total; CPU: the process's CPU time, all threads)")

    mismatches = [
        f"{k}: Rust {rust_results.get(k)!r}, Python {python_results.get(k)!r}"
        for k in python_results
        if python_results[k] != rust_results.get(k)
    ]
    print()
    if mismatches:
        print("VERIFICATION FAILED", file=sys.stderr)
        for m in mismatches:
            print(f"  {m}", file=sys.stderr)
        return 1
    print("verification: Python and Rust agree on conflicts, DOOD rows and columns, cost report rows and")
    print(f"  the estimated final cost ({python_results['estimated_final_cost']})")
    ratio = python.best("total") / rust.best("total")
    if ratio > args.limit:
        print(f"FAILED: Python takes {ratio:.2f}x the Rust-only time (limit {args.limit}x)", file=sys.stderr)
        return 2
    print(f"OK: Python takes {ratio:.2f}x the Rust-only time (limit {args.limit}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
