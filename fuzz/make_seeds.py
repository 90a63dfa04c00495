"""Writes the committed seed corpora of the fuzz targets (run from this directory).

load_production: the test fixtures (good and bad files) and a cut-down copy of
the sample production that still validates, so the fuzzer starts from files
that reach the validator, the conflict engine and the budget engine.
formula: the formulas of the sample budget and a few hand-written edge cases.
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
    b["lines"] = b["lines"][:30]
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
    d["name"] = "The Long Way Home (seed)"
    return json.dumps(d, indent=1) + "\n"


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


if __name__ == "__main__":
    main()
