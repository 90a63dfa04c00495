"""Writes the committed seed corpora of the fuzz targets (run from this directory).

load_production: the test fixtures (good and bad files) and a cut-down copy of
the sample production that still validates, so the fuzzer starts from files
that reach the validator, the conflict engine and the budget engine.
formula: the formulas of the sample budget and a few hand-written edge cases.
csv_import: transactions and budget-line CSVs over the same cut-down sample.
ics_roundtrip: byte strings for the structured generator, plus the small
production files (the target also accepts a production file: see its source).
"""
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "core", "tests", "data")
SAMPLE = os.path.join(ROOT, "examples", "data", "sample-production.json")


def reset(target):
    path = os.path.join(HERE, "seeds", target)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def mini_sample():
    with open(SAMPLE) as f:
        d = json.load(f)
    days = [e for e in d["events"] if e["kind"] == "shoot_day"][:3]
    keep = {e["id"] for e in days}
    events = [e for e in d["events"] if e["id"] in keep or e.get("parent") in keep]
    others = [e for e in d["events"] if e["kind"] != "shoot_day" and "parent" not in e][:8]
    d["events"] = events + others
    b = d["budget"]
    b["lines"] = b["lines"][:20]
    used = {l["account"] for l in b["lines"]}
    b["accounts"] = [a for a in b["accounts"] if a["code"] in used]
    cats = {a["category"] for a in b["accounts"]}
    b["categories"] = [c for c in b["categories"] if c["code"] in cats]
    led = d["ledger"]
    led["transactions"] = [t for t in led["transactions"] if t["account"] in used][:15]
    pos = {t.get("purchase_order") for t in led["transactions"]}
    led["purchase_orders"] = [p for p in led["purchase_orders"] if p["account"] in used or p["id"] in pos]
    for p in led["purchase_orders"]:
        if p["account"] not in used:
            p["account"] = b["accounts"][0]["code"]
    # Only the people something refers to, and compact: libFuzzer's -max_len
    # (64 KiB for load_production) must hold the whole file.
    rest = json.dumps({k: v for k, v in d.items() if k != "people"})
    departments = {dep for g in d.get("distribution", []) for dep in g.get("departments", [])}
    departments |= {o["department"] for o in d.get("rule_overrides", []) if "department" in o}
    people = []
    for p in d["people"]:
        dep = p.get("department")
        if json.dumps(p["id"]) in rest or dep in departments:
            people.append(p)
            departments.discard(dep)
    d["people"] = people
    d["name"] = "The Long Way Home (seed)"
    return json.dumps(d, separators=(",", ":")) + "\n"


def main():
    out = reset("load_production")
    for name in sorted(os.listdir(DATA)):
        if name.endswith(".json"):
            shutil.copy(os.path.join(DATA, name), out)
    for name in sorted(os.listdir(os.path.join(DATA, "bad"))):
        if name != "expected.json":
            shutil.copy(os.path.join(DATA, "bad", name), os.path.join(out, "bad-" + name))
    with open(os.path.join(out, "mini-sample.json"), "w") as f:
        f.write(mini_sample())

    out = reset("formula")
    with open(SAMPLE) as f:
        lines = json.load(f)["budget"]["lines"]
    formulas = sorted({l["amount"] for l in lines})
    formulas += ["(21 + 6) / 5", "-(-3) * 2 − 1", "4 × 2 ÷ 8", ".5", "1.2.3", "6 * (2 + ",
                 "79228162514264337593543950335 * 2", "1 / (3 - 3)", "A_1 + _b", "((((1))))"]
    for i, text in enumerate(formulas):
        with open(os.path.join(out, f"f{i:03}.txt"), "w") as f:
            f.write(text)

    out = reset("ics_roundtrip")
    for i, seed in enumerate([b"\x00" * 64, bytes(range(256)), b"\x01Maya;Ortiz,\\\n" * 8]):
        with open(os.path.join(out, f"gen{i}.bin"), "wb") as f:
            f.write(seed)
    for name in ("good-minimal.json",):
        with open(os.path.join(DATA, name), "rb") as src, open(os.path.join(out, "json-" + name), "wb") as dst:
            dst.write(b"J" + src.read())
    with open(os.path.join(out, "json-mini-sample.json"), "w") as f:
        f.write("J" + mini_sample())

    out = reset("csv_import")
    for name, text in csv_seeds().items():
        with open(os.path.join(out, name), "w", newline="") as f:
            f.write(text)


def csv_seeds():
    """Transactions and budget-line CSVs over the cut-down sample."""
    d = json.loads(mini_sample())
    txs = d["ledger"]["transactions"]
    rows = ["id,kind,account,date,amount,currency,purchase order,description"]
    for t in txs:
        rows.append(",".join([t["id"], t["kind"].replace("_", " "), t["account"], t["date"],
                              t["amount"]["amount"], t["amount"]["currency"],
                              t.get("purchase_order", ""), '"' + t.get("description", "").replace('"', '""') + '"']))
    out = {"transactions.csv": "\r\n".join(r + "" for r in rows) + "\r\n"}
    out["transactions-new.csv"] = "Ref,Type,Account Code,Posting Date,Amount,PO #,Memo\r\n" + "\r\n".join(
        f"NEW-{i},Invoice,{t['account']},2027-02-1{i % 10},\"1,{i}00.50\",,memo {i}" for i, t in enumerate(txs[:6])) + "\r\n"
    lines = d["budget"]["lines"]
    rows = ["Account,Description,Amount,Unit,X,Rate,Currency,Fringes,Person"]
    for l in lines:
        rows.append(",".join([l["account"], '"' + l["description"].replace('"', '""') + '"', l["amount"], l["unit"],
                              l.get("multiplier", ""), l["rate"]["amount"], l["rate"]["currency"],
                              "; ".join(l.get("fringes", [])), l.get("person", "")]))
    out["budget.csv"] = "\n".join(rows) + "\n"
    out["ragged.csv"] = "id,account,date,amount\nA,3307,2027-01-01\n"
    out["bad-cells.csv"] = ("id,kind,account,date,amount,currency,purchase order\n"
                            "INV-10,invoice,9999,2027-02-11,10.00,,\nINV-11,invoice,3307,11/02/2027,1.234,,\n"
                            "INV-12,bribe,3307,2027-02-11,(12),EUR,PO-77\n")
    return out


if __name__ == "__main__":
    main()
