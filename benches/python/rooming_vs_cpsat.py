"""Hotel rooming: callsheet's allocation against OR-Tools CP-SAT.

The problem is the one ``gen-rooming`` writes (by default 3,000 stays over
90 nights in 40 room blocks, seed 42). Both solvers get the same rules:

- a stay is housed whole, in one room of one block, or not at all;
- a block is eligible when it is at an acceptable hotel, holds at least one
  room on every night of the stay and, for a suite contract, is a suite block;
- sharers (standard tier, ``may_share``) with exactly the same nights may
  share a room of a block with occupancy >= 2, up to the occupancy; everyone
  else has a room to themselves;
- on every night, rooms in use in a block <= the rooms it holds that night;
- objective, lexicographic: most stays housed, then least cost (a room in
  use costs the block's nightly rate once, whoever is in it). callsheet
  also puts the most nights housed between the two (so its cost is not
  the least among allocations housing as many); the comparison that
  matters is housing, and cost at equal housing.

CP-SAT gets the model as a user would write it: a boolean per eligible
(stay, block), an integer room count per (share group, block), a capacity
constraint per (block, night) and one weighted objective (housed x W - cost,
with W larger than any total cost), ``--time`` seconds (default 120) and
``--workers`` workers (default 2). Moves (tertiary for callsheet) are not
part of its model. A second run (``--equal-housing``, on by default) gives
CP-SAT the same time to find the cheapest allocation housing at least as
many stays as callsheet did: the cost comparison at equal housing.

callsheet's numbers come from the ``rooming-solve`` binary (best of
``--repeat`` runs of ``allocate``); its assignment is checked here
independently (eligibility, sharing, capacity, cost) before it is compared.
A simple greedy (stays by first night, each in the cheapest block that fits)
is shown for scale. The script exits non-zero when callsheet's allocation is
infeasible, or houses fewer stays than CP-SAT, or costs more than an
allocation CP-SAT found housing at least as many.

Usage (from the repository root)::

    cargo build --release -p callsheet-benches --bin gen-rooming --bin rooming-solve
    target/release/gen-rooming > /tmp/rooming.json
    .venv/bin/pip install ortools               # benchmark-only dependency
    .venv/bin/python benches/python/rooming_vs_cpsat.py /tmp/rooming.json \\
        --callsheet target/release/rooming-solve
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any


@dataclass
class Block:
    id: str
    hotel: str
    suite: bool
    occupancy: int
    first: int
    last: int
    cap: dict[int, int]
    rate_cents: int

    def rooms_on(self, n: int) -> int:
        return self.cap.get(n, 0)


@dataclass
class Stay:
    index: int
    person: str
    first: int
    last: int
    tier: str
    sharer: bool
    hotels: list[str] | None  # None = any


def day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def cents(amount: str) -> int:
    value = Decimal(amount) * 100
    if value != value.to_integral_value():
        raise SystemExit(f"rate {amount} has fractions of a cent; the script compares in cents")
    return int(value)


def load(path: str) -> tuple[list[Stay], list[Block]]:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    blocks = []
    for b in doc["blocks"]:
        first, last = day(b["first_night"]), day(b["last_night"])
        cap = {n: b["rooms"] for n in range(first, last + 1)}
        for o in b.get("nightly_rooms", []):
            cap[day(o["night"])] = o["rooms"]
        blocks.append(
            Block(
                id=b["id"],
                hotel=b["hotel"],
                suite=b["room_type"] == "suite",
                occupancy=b["occupancy"],
                first=first,
                last=last,
                cap=cap,
                rate_cents=cents(b["rate"]["amount"]),
            )
        )
    blocks.sort(key=lambda b: b.id)
    stays = []
    for i, n in enumerate(doc["needs"]):
        hotels = n["hotels"]
        stays.append(
            Stay(
                index=i,
                person=n["person"],
                first=day(n["first_night"]),
                last=day(n["last_night"]),
                tier=n["tier"],
                sharer=n["may_share"] and n["tier"] == "standard",
                hotels=None if hotels == "any" else list(hotels["one_of"]),
            )
        )
    return stays, blocks


def eligible(stay: Stay, block: Block) -> bool:
    if stay.hotels is not None and block.hotel not in stay.hotels:
        return False
    if stay.first < block.first or stay.last > block.last:
        return False
    if any(block.rooms_on(n) == 0 for n in range(stay.first, stay.last + 1)):
        return False
    return stay.tier != "suite" or block.suite


def shares_in(stay: Stay, block: Block) -> bool:
    return stay.sharer and block.occupancy > 1


def evaluate(stays: list[Stay], blocks: list[Block], assign: dict[int, int]) -> tuple[int, int]:
    """Checks an assignment (stay index -> block index); returns (housed, cost in cents)."""
    rooms: dict[tuple[int, int], int] = defaultdict(int)
    groups: dict[tuple[int, int, int], int] = defaultdict(int)
    for s, b in assign.items():
        stay, block = stays[s], blocks[b]
        if not eligible(stay, block):
            raise SystemExit(f"stay {s} ({stay.person}) is not eligible for block {block.id}")
        if shares_in(stay, block):
            groups[(b, stay.first, stay.last)] += 1
        else:
            for n in range(stay.first, stay.last + 1):
                rooms[(b, n)] += 1
    cost = 0
    for s, b in assign.items():
        stay, block = stays[s], blocks[b]
        if not shares_in(stay, block):
            cost += block.rate_cents * (stay.last - stay.first + 1)
    for (b, first, last), count in groups.items():
        block = blocks[b]
        r = -(-count // block.occupancy)
        cost += block.rate_cents * (last - first + 1) * r
        for n in range(first, last + 1):
            rooms[(b, n)] += r
    for (b, n), used in rooms.items():
        if used > blocks[b].rooms_on(n):
            raise SystemExit(f"block {blocks[b].id} over capacity on {date.fromordinal(n)}: {used}")
    return len(assign), cost


def greedy(stays: list[Stay], blocks: list[Block]) -> tuple[int, int]:
    used: dict[tuple[int, int], int] = defaultdict(int)
    group_count: dict[tuple[int, int, int], int] = defaultdict(int)
    assign: dict[int, int] = {}
    for stay in sorted(stays, key=lambda s: (s.first, s.last, s.person)):
        options = sorted(
            (b for b, block in enumerate(blocks) if eligible(stay, block)),
            key=lambda b: (blocks[b].rate_cents, b),
        )
        for b in options:
            block = blocks[b]
            key = (b, stay.first, stay.last)
            if shares_in(stay, block) and group_count[key] % block.occupancy != 0:
                group_count[key] += 1
                assign[stay.index] = b
                break
            if all(used[(b, n)] < block.rooms_on(n) for n in range(stay.first, stay.last + 1)):
                for n in range(stay.first, stay.last + 1):
                    used[(b, n)] += 1
                if shares_in(stay, block):
                    group_count[key] += 1
                assign[stay.index] = b
                break
    return evaluate(stays, blocks, assign)


def cpsat(
    stays: list[Stay], blocks: list[Block], seconds: float, workers: int, min_housed: int | None = None
) -> dict[str, Any]:
    """Solves with CP-SAT: most housed then least cost, or with
    ``min_housed``, least cost housing at least that many."""
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    x: dict[tuple[int, int], Any] = {}
    cover: dict[tuple[int, int], list[Any]] = defaultdict(list)
    group_members: dict[tuple[int, int, int], list[Any]] = defaultdict(list)
    objective = []
    max_cost = 0
    for stay in stays:
        length = stay.last - stay.first + 1
        options = [b for b, block in enumerate(blocks) if eligible(stay, block)]
        if options:
            max_cost += max(blocks[b].rate_cents for b in options) * length
        for b in options:
            var = model.new_bool_var(f"x{stay.index}_{b}")
            x[(stay.index, b)] = var
            if shares_in(stay, blocks[b]):
                group_members[(b, stay.first, stay.last)].append(var)
            else:
                for n in range(stay.first, stay.last + 1):
                    cover[(b, n)].append(var)
                objective.append(-blocks[b].rate_cents * length * var)
        if options:
            model.add_at_most_one(x[(stay.index, b)] for b in options)
    for (b, first, last), members in group_members.items():
        block = blocks[b]
        rooms = model.new_int_var(0, -(-len(members) // block.occupancy), f"r{b}_{first}_{last}")
        model.add(block.occupancy * rooms >= sum(members))
        for n in range(first, last + 1):
            cover[(b, n)].append(rooms)
        objective.append(-block.rate_cents * (last - first + 1) * rooms)
    for (b, n), terms in cover.items():
        model.add(sum(terms) <= blocks[b].rooms_on(n))
    w = max_cost + 1
    if min_housed is None:
        model.maximize(w * sum(x.values()) + sum(objective))
    else:
        model.add(sum(x.values()) >= min_housed)
        model.maximize(sum(objective))

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = workers
    started = time.perf_counter()
    status = solver.solve(model)
    elapsed = time.perf_counter() - started
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {"status": solver.status_name(status), "seconds": elapsed}
    assign = {s: b for (s, b), var in x.items() if solver.value(var)}
    housed, cost = evaluate(stays, blocks, assign)
    return {
        "status": solver.status_name(status),
        "housed": housed,
        "cost_cents": cost,
        "bound": solver.best_objective_bound,
        "w": w,
        "seconds": elapsed,
        "variables": len(x),
    }


def callsheet(binary: str, path: str, repeat: int, stays: list[Stay], blocks: list[Block]) -> dict[str, Any]:
    out = subprocess.run(
        [binary, path, str(repeat), "--assignments"], check=True, capture_output=True, text=True
    ).stdout
    result = json.loads(out)
    by_key = {(s.person, s.first): s.index for s in stays}
    block_ix = {b.id: i for i, b in enumerate(blocks)}
    assign = {
        by_key[(person, day(first))]: block_ix[block] for person, first, block in result["assignments"]
    }
    housed, cost = evaluate(stays, blocks, assign)
    if housed != result["housed"]:
        raise SystemExit(f"callsheet reports {result['housed']} housed, its assignment houses {housed}")
    reported = sum(cents(c.split()[0]) for c in result["cost"])
    if reported != cost:
        raise SystemExit(f"callsheet reports cost {reported} cents, its assignment costs {cost}")
    result["cost_cents"] = cost
    return result


def money(c: int) -> str:
    return f"{c / 100:,.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("problem", help="JSON written by gen-rooming")
    parser.add_argument("--callsheet", default="target/release/rooming-solve", help="rooming-solve binary")
    parser.add_argument("--time", type=float, default=120.0, help="CP-SAT time limit in seconds")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT workers")
    parser.add_argument("--repeat", type=int, default=5, help="callsheet runs (best time is reported)")
    parser.add_argument(
        "--equal-housing",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also run CP-SAT for the least cost housing at least callsheet's count",
    )
    args = parser.parse_args()

    stays, blocks = load(args.problem)
    print(f"{len(stays)} stays, {len(blocks)} blocks")
    cs = callsheet(args.callsheet, args.problem, args.repeat, stays, blocks)
    g_housed, g_cost = greedy(stays, blocks)
    cp = cpsat(stays, blocks, args.time, args.workers)
    eq = cpsat(stays, blocks, args.time, args.workers, cs["housed"]) if args.equal_housing else None
    label = f"({args.workers} workers, {args.time:.0f} s)"
    print()
    print(f"{'solver':<58} {'housed':>7} {'cost (USD)':>16} {'time':>10}")
    print(f"{'callsheet allocate':<58} {cs['housed']:>7} {money(cs['cost_cents']):>16} {cs['seconds'] * 1000:>8.0f} ms")
    for name, run in (("CP-SAT, most housed then least cost", cp), ("CP-SAT, least cost housing >= callsheet", eq)):
        if run is None:
            continue
        if "housed" in run:
            print(f"{name + ' ' + label:<58} {run['housed']:>7} {money(run['cost_cents']):>16} {run['seconds']:>8.1f} s")
        else:
            print(f"{name + ' ' + label:<58} {'-':>7} {run['status']:>16} {run['seconds']:>8.1f} s")
    print(f"{'greedy (first night, cheapest)':<58} {g_housed:>7} {money(g_cost):>16}")
    print()
    print(
        f"callsheet: at most {cs['max_housed']} stays can be housed; "
        f"cost bound {cs['cost_bound'] or '-'}; proven optimal: {cs['proven']}; moves: {cs['moves']}"
    )
    ok = True
    if "housed" in cp:
        w = cp["w"]
        bound = cp["bound"]
        max_housed = int(bound // w) + 1 if bound % w else int(bound // w)
        print(f"CP-SAT: status {cp['status']}, {cp['variables']} booleans, objective bound -> at most {max_housed} housed")
        more = cs["housed"] >= cp["housed"]
        print("callsheet houses at least as many as CP-SAT:", "yes" if more else "NO")
        ok &= more
        if cs["housed"] == cp["housed"]:
            cheaper = cs["cost_cents"] <= cp["cost_cents"]
            print("  and at no higher cost:", "yes" if cheaper else "NO")
            ok &= cheaper
    if eq is not None:
        if "housed" in eq:
            cheaper = cs["cost_cents"] <= eq["cost_cents"]
            print(
                f"CP-SAT housing >= {cs['housed']}: status {eq['status']}; "
                f"callsheet at no higher cost: {'yes' if cheaper else 'NO'}"
            )
            ok &= cheaper
        else:
            print(f"CP-SAT found no allocation housing >= {cs['housed']} in {args.time:.0f} s ({eq['status']})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
