"""Person double-booking: callsheet's conflict engine against pandas and intervaltree.

One run, one data set. Times (median of ``--repeat`` runs, in ms):

1. callsheet: ``Production.load`` and ``Production.conflicts()`` (the full
   check, every rule). ``Production`` caches its conflict index after the
   first call, so the full check is timed *cold* (first call on a freshly
   loaded production: index build + every rule) and that is the number
   compared; the *warm* call (index reused) is shown for information.
2. pandas: the person double-booking question as a Python user would write it:
   a DataFrame of (person, event, parent, start, end) intervals built from the
   JSON (timed on its own), then a vectorised self-merge on person filtered to
   overlapping pairs (``a.start < b.end & b.start < a.end``, ``a.event <
   b.event``, not parent/child). The query is what is compared. Ids are
   integer codes, which is the fast way to do it in pandas.
3. intervaltree: one ``IntervalTree`` per person, then an overlap query per
   interval (tree build and queries timed separately and together).
4. The floor: just sorting the same intervals by (person, start, end, event),
   with ``numpy.lexsort`` and with Python's ``sorted`` on tuples.

A person's interval in an event is ``[report, release)``: the earlier of their
makeup call and call (else the event's start) to their dismissal (else the
event's end), in whole seconds, as callsheet computes it. Touching intervals do
not overlap; cancelled events and empty intervals are ignored; a scene and its
parent shoot day are not a double booking.

The pairs found by pandas and intervaltree must equal callsheet's
``person_double_booked`` conflicts (person, {event_a, event_b}); the script
exits non-zero if they do not. The intervals derived from the JSON are also
checked against callsheet's own ``Attendance.report``/``release``.

Usage (from the repository root)::

    cargo build --release -p callsheet-benches --bin gen-season
    target/release/gen-season /tmp/season.json
    .venv/bin/pip install pandas intervaltree    # benchmark-only dependencies
    .venv/bin/python benches/python/conflicts_vs_pandas.py /tmp/season.json --repeat 5

Build the extension with ``maturin develop --release`` first: a debug build of
callsheet is not what users run, and the script warns when it detects one.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib.metadata
import json
import os
import platform
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd
from intervaltree import Interval, IntervalTree

import callsheet

T = TypeVar("T")

#: (person id, {event id, event id}): one double booking.
Pair = tuple[str, frozenset[str]]

EPOCH = pd.Timestamp(0, tz="UTC")
ONE_SECOND = pd.Timedelta(seconds=1)
REPO = Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------------------
# timing


@dataclass
class Timing:
    """Wall-clock samples of one measurement, in milliseconds."""

    name: str
    samples: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    """Run ``fn`` once (after a garbage collection) and return (ms, result)."""
    gc.collect()
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000.0, result


def repeat(name: str, n: int, fn: Callable[[], T]) -> tuple[Timing, T]:
    """Time ``fn`` ``n`` times; return the timing and the last result."""
    samples: list[float] = []
    result: T | None = None
    for _ in range(n):
        ms, result = timed(fn)
        samples.append(ms)
    assert result is not None
    return Timing(name, samples), result


# ---------------------------------------------------------------------------
# callsheet


def callsheet_pairs(conflicts: Iterable[callsheet.Conflict]) -> set[Pair]:
    """The person double bookings among callsheet's conflicts."""
    pairs: set[Pair] = set()
    for c in conflicts:
        if c.kind != "person_double_booked":
            continue
        (subject,) = c.subjects
        if subject.kind != "person" or len(c.event_ids) != 2:
            raise AssertionError(f"unexpected double booking shape: {c.message!r}")
        pairs.add((subject.id, frozenset(c.event_ids)))
    return pairs


def bench_callsheet(path: Path, n: int) -> tuple[Timing, Timing, Timing, list[callsheet.Conflict]]:
    """Load, cold full check and warm full check, ``n`` times each."""
    load: list[float] = []
    cold: list[float] = []
    warm: list[float] = []
    conflicts: list[callsheet.Conflict] = []
    for _ in range(n):
        ms, production = timed(lambda: callsheet.Production.load(path))
        load.append(ms)
        ms, conflicts = timed(production.conflicts)
        cold.append(ms)
        ms, again = timed(production.conflicts)
        warm.append(ms)
        if len(again) != len(conflicts):
            raise AssertionError("a second conflicts() call returned a different list")
        del production, again
    return (
        Timing("callsheet: Production.load", load),
        Timing("callsheet: conflicts() full check, cold", cold),
        Timing("callsheet: conflicts() again, index cached", warm),
        conflicts,
    )


# ---------------------------------------------------------------------------
# the intervals, as a pandas user builds them


@dataclass
class Frame:
    """The intervals and the ids their integer codes stand for."""

    df: pd.DataFrame  # person, event, parent (-1: none), start, end (UTC seconds)
    people: list[str]
    events: list[str]


def _seconds(values: pd.Series) -> pd.Series:
    """Timezone-aware datetimes to whole UTC seconds (floored, like callsheet)."""
    return (values - EPOCH) // ONE_SECOND


def build_frame(path: Path) -> Frame:
    """Read the production file and build the (person, event, parent, start, end) frame."""
    with open(path, "rb") as f:
        doc = json.load(f)
    events: list[dict[str, Any]] = doc["events"]
    event_ids = [e["id"] for e in events]
    index = {eid: i for i, eid in enumerate(event_ids)}
    people = [p["id"] for p in doc["people"]]
    person_code = {pid: i for i, pid in enumerate(people)}

    evs = pd.DataFrame(
        {
            "parent": [index.get(e.get("parent") or "", -1) for e in events],
            "status": [e["status"] for e in events],
            "ev_start": pd.to_datetime([e["start"] for e in events], utc=True, format="ISO8601"),
            "ev_end": pd.to_datetime([e["end"] for e in events], utc=True, format="ISO8601"),
        }
    )
    evs.loc[evs["parent"] == np.arange(len(evs)), "parent"] = -1  # a parent must be another event

    att = [(i, a) for i, e in enumerate(events) for a in e.get("attendees", ())]
    df = pd.DataFrame(
        {
            "person": [person_code.get(a["person"], -1) for _, a in att],
            "event": [i for i, _ in att],
            "call": pd.to_datetime([a.get("call") for _, a in att], utc=True, format="ISO8601"),
            "makeup_call": pd.to_datetime([a.get("makeup_call") for _, a in att], utc=True, format="ISO8601"),
            "dismissal": pd.to_datetime([a.get("dismissal") for _, a in att], utc=True, format="ISO8601"),
        }
    )
    df = df.join(evs, on="event")
    ev_start = df["ev_start"].dt.as_unit("ns")
    # report: the earlier of makeup call and call, else the event's start.
    report = df["call"].dt.as_unit("ns").fillna(ev_start)
    makeup = df["makeup_call"].dt.as_unit("ns")
    report = report.mask(makeup.notna(), np.minimum(makeup, report))
    release = df["dismissal"].dt.as_unit("ns").fillna(df["ev_end"].dt.as_unit("ns"))
    df["start"] = _seconds(report).astype("int64")
    df["end"] = _seconds(release).astype("int64")
    keep = (df["status"] != "cancelled") & (df["person"] >= 0) & (df["end"] > df["start"])
    out = df.loc[keep, ["person", "event", "parent", "start", "end"]].astype(
        {"person": "int32", "event": "int32", "parent": "int32"}
    )
    return Frame(out.reset_index(drop=True), people, event_ids)


# ---------------------------------------------------------------------------
# pandas


def pandas_double_bookings(df: pd.DataFrame) -> pd.DataFrame:
    """Self-merge on person, keep the overlapping pairs that are not parent/child."""
    m = df.merge(df, on="person", suffixes=("_a", "_b"))
    hit = (
        (m["event_a"] < m["event_b"])
        & (m["start_a"] < m["end_b"])
        & (m["start_b"] < m["end_a"])
        & (m["parent_a"] != m["event_b"])
        & (m["parent_b"] != m["event_a"])
    )
    return m.loc[hit, ["person", "event_a", "event_b"]]


def frame_pairs(found: pd.DataFrame, frame: Frame) -> set[Pair]:
    return {
        (frame.people[p], frozenset((frame.events[a], frame.events[b])))
        for p, a, b in found.itertuples(index=False, name=None)
    }


# ---------------------------------------------------------------------------
# intervaltree


@dataclass
class Columns:
    """The frame's columns as Python lists (what a pure-Python user would hold)."""

    person: list[int]
    event: list[int]
    parent: list[int]
    start: list[int]
    end: list[int]


def build_trees(cols: Columns) -> dict[int, IntervalTree]:
    """One IntervalTree per person; each interval carries its row number."""
    rows: defaultdict[int, list[Interval]] = defaultdict(list)
    for i, (p, s, e) in enumerate(zip(cols.person, cols.start, cols.end)):
        rows[p].append(Interval(s, e, i))
    return {p: IntervalTree(ivs) for p, ivs in rows.items()}


def query_trees(trees: dict[int, IntervalTree], cols: Columns) -> set[tuple[int, int, int]]:
    """Every overlapping pair (person, event_a, event_b), event_a < event_b, not parent/child."""
    event, parent = cols.event, cols.parent
    found: set[tuple[int, int, int]] = set()
    for p, tree in trees.items():
        for iv in tree:
            i = iv.data
            ei = event[i]
            for other in tree.overlap(iv.begin, iv.end):
                j = other.data
                ej = event[j]
                if ei < ej and parent[i] != ej and parent[j] != ei:
                    found.add((p, ei, ej))
    return found


# ---------------------------------------------------------------------------
# checks and report


def check_intervals(frame: Frame, path: Path) -> int:
    """The frame's intervals equal callsheet's own report/release, attendance for attendance."""
    production = callsheet.Production.load(path)
    known = set(frame.people)
    ours = Counter(
        (frame.people[p], frame.events[e], s, t)
        for p, e, s, t in frame.df[["person", "event", "start", "end"]].itertuples(index=False, name=None)
    )
    theirs: Counter[tuple[str, str, int, int]] = Counter()
    for ev in production.events:
        if ev.status == "cancelled":
            continue
        for a in ev.attendees:
            s, t = _secs(a.report), _secs(a.release)
            if t > s and a.person in known:
                theirs[(a.person, ev.id, s, t)] += 1
    if ours != theirs:
        fail("intervals", ours.keys(), theirs.keys(), "JSON-derived", "callsheet Attendance")
    return sum(ours.values())


def _secs(t: datetime) -> int:
    return int(t.timestamp() // 1)


def fail(what: str, a: Iterable[Any], b: Iterable[Any], a_name: str, b_name: str) -> None:
    sa, sb = set(a), set(b)
    print(f"\nVERIFICATION FAILED ({what}): {a_name} has {len(sa)}, {b_name} has {len(sb)}", file=sys.stderr)
    for label, diff in ((f"only in {a_name}", sa - sb), (f"only in {b_name}", sb - sa)):
        print(f"  {label}: {len(diff)}", file=sys.stderr)
        for item in sorted(diff, key=repr)[:10]:
            print(f"    {item!r}", file=sys.stderr)
    sys.exit(1)


def extension_profile() -> str:
    """Which cargo profile the imported extension was built with, as far as can be told.

    Identical bytes to ``target/<profile>/lib_callsheet.so`` settle it; otherwise
    overflow checks compiled in (on in the dev profile, off in release) say debug.
    """
    ext = Path(callsheet._callsheet.__file__).resolve()
    data = ext.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    for profile in ("release", "debug"):
        built = REPO / "target" / profile / "lib_callsheet.so"
        if built.is_file() and built.stat().st_size == len(data) and _sha256(built) == digest:
            return f"{profile} (identical to target/{profile}/lib_callsheet.so)"
    if b"panic_const_add_overflow" in data or b"attempt to add with overflow" in data:
        return "debug (overflow checks compiled in)"
    return "release (no overflow checks compiled in)"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def print_facts(path: Path, frame: Frame, repeat_n: int) -> None:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    profile = extension_profile()
    print("machine")
    print(f"  python        {platform.python_implementation()} {platform.python_version()}")
    print(f"  pandas        {pd.__version__}")
    print(f"  numpy         {np.__version__}")
    print(f"  intervaltree  {importlib.metadata.version('intervaltree')}")
    print(f"  callsheet     {callsheet.__version__}, extension build: {profile}")
    print(f"  cpu           {os.cpu_count()} logical CPUs ({usable} usable), {cpu_model()}, {platform.machine()}")
    print(f"  os            {platform.system()} {platform.release()}")
    if hasattr(os, "getloadavg"):
        print("  load average  {:.2f} {:.2f} {:.2f} (1, 5, 15 min, at the end of the run)".format(*os.getloadavg()))
    print("data")
    print(f"  file          {path} ({path.stat().st_size / 1e6:.1f} MB)")
    print(
        f"  intervals     {len(frame.df):,} person-event intervals, "
        f"{frame.df['person'].nunique():,} people, {len(frame.events):,} events"
    )
    print(f"  repeats       {repeat_n} (median shown)")
    if profile.startswith("debug"):
        print(
            "\n  WARNING: callsheet is a DEBUG build (unoptimised); its times are not what users get.\n"
            "           Rebuild with `.venv/bin/maturin develop --release -m bindings-python/Cargo.toml`."
        )


def print_table(rows: list[Timing | None]) -> None:
    width = max(len(r.name) for r in rows if r is not None)
    header = f"{'measurement':<{width}}  {'median ms':>10}  {'min ms':>10}  {'max ms':>10}"
    print(header)
    print("-" * len(header))
    for r in rows:
        if r is None:
            print()
            continue
        print(f"{r.name:<{width}}  {r.median:>10.1f}  {min(r.samples):>10.1f}  {max(r.samples):>10.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("path", type=Path, help="production file (JSON), e.g. from gen-season")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (default: 5)")
    args = parser.parse_args(argv)
    path: Path = args.path
    n: int = max(1, args.repeat)

    # 1. callsheet
    load, cold, warm, conflicts = bench_callsheet(path, n)
    expected = callsheet_pairs(conflicts)

    # 2. pandas
    build, frame = repeat("pandas: build frame (JSON -> DataFrame)", n, lambda: build_frame(path))
    query, found = repeat("pandas: double-booking query (self-merge)", n, lambda: pandas_double_bookings(frame.df))
    pandas_pairs = frame_pairs(found, frame)
    del found

    # 3. intervaltree
    df = frame.df
    cols = Columns(*(df[c].tolist() for c in ("person", "event", "parent", "start", "end")))
    trees_t = Timing("intervaltree: build trees", [])
    overlap_t = Timing("intervaltree: overlap queries", [])
    raw: set[tuple[int, int, int]] = set()
    for _ in range(n):
        ms, trees = timed(lambda: build_trees(cols))
        trees_t.samples.append(ms)
        ms, raw = timed(lambda: query_trees(trees, cols))
        overlap_t.samples.append(ms)
        del trees
    total_t = Timing("intervaltree: trees + queries", [a + b for a, b in zip(trees_t.samples, overlap_t.samples)])
    tree_pairs = {(frame.people[p], frozenset((frame.events[a], frame.events[b]))) for p, a, b in raw}

    # 4. the floor: sorting the same intervals by (person, start, end, event)
    arrays = [df[c].to_numpy() for c in ("event", "end", "start", "person")]  # lexsort: last key first
    npsort, _ = repeat("floor: numpy lexsort (person, start, end, event)", n, lambda: np.lexsort(arrays))
    tuples = list(zip(cols.person, cols.start, cols.end, cols.event))
    pysort, _ = repeat("floor: Python sorted() on tuples", n, lambda: sorted(tuples))
    del tuples

    # verification
    intervals = check_intervals(frame, path)
    if pandas_pairs != expected:
        fail("pandas vs callsheet", pandas_pairs, expected, "pandas", "callsheet")
    if tree_pairs != expected:
        fail("intervaltree vs callsheet", tree_pairs, expected, "intervaltree", "callsheet")

    print_facts(path, frame, n)
    print()
    print_table([load, cold, warm, None, build, query, None, trees_t, overlap_t, total_t, None, npsort, pysort])
    print()
    print("ratios (medians)")
    print(f"  pandas query / callsheet full check (cold)            {query.median / cold.median:8.1f}x   (target >= 20x)")
    print(f"  callsheet full check (cold) / numpy lexsort floor     {cold.median / npsort.median:8.1f}x   (target <= 3x)")
    print(f"  callsheet full check (cold) / Python sorted() floor   {cold.median / pysort.median:8.1f}x")
    print(f"  intervaltree trees+queries / callsheet full check     {total_t.median / cold.median:8.1f}x")
    print(f"  pandas query / callsheet conflicts() with index cached {query.median / warm.median:7.1f}x")
    print()
    kinds = Counter(c.kind for c in conflicts)
    print("verification")
    print(f"  callsheet conflicts: {len(conflicts):,} ({', '.join(f'{k} {v}' for k, v in kinds.most_common())})")
    print(f"  intervals from JSON == callsheet Attendance.report/release: OK ({intervals:,} intervals)")
    print(f"  pandas pairs == callsheet person_double_booked: OK ({len(pandas_pairs):,} pairs)")
    print(f"  intervaltree pairs == callsheet person_double_booked: OK ({len(tree_pairs):,} pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
