"""Tests of the uniffi-generated Python bindings (run by `cargo test -p callsheet-ffi`)."""

import datetime as dt
import decimal
import json
import os
import pathlib
import tempfile
import unittest

import callsheet_ffi as cs

REPO = pathlib.Path(os.environ["CALLSHEET_REPO"])
SAMPLE = REPO / "examples" / "data" / "sample-production.json"
BAD = REPO / "core" / "tests" / "data" / "bad"


class ProductionTests(unittest.TestCase):
    def test_load_and_read(self):
        p = cs.Production.load(str(SAMPLE))
        self.assertEqual(p.zone(), "America/Los_Angeles")
        self.assertEqual(p.currency(), "USD")
        people = p.people()
        self.assertGreaterEqual(len(people), 90)
        self.assertTrue(any(x.category == cs.PersonCategory.CAST for x in people))
        days = [e for e in p.events() if e.kind == cs.EventKind.SHOOT_DAY]
        self.assertGreaterEqual(len(days), 25)
        self.assertIsInstance(days[0].start, dt.datetime)
        self.assertLess(days[0].start, days[0].end)
        rates = [r.day_rate for r in p.resources() if r.day_rate is not None]
        self.assertTrue(rates)
        self.assertIsInstance(rates[0].amount, decimal.Decimal)
        self.assertIsInstance(p.shoot_dates()[0], dt.date)
        self.assertEqual(p.validate(), [])
        self.assertEqual(cs.format_version(), 1)

    def test_bad_files(self):
        expected = json.loads((BAD / "expected.json").read_text())
        self.assertGreaterEqual(len(expected), 20)
        for name, want in sorted(expected.items()):
            with self.subTest(name=name):
                with self.assertRaises(cs.CallsheetError.Invalid) as ctx:
                    cs.Production.from_json((BAD / f"{name}.json").read_text())
                got = [f"{x.path}: {x.detail}" for x in ctx.exception.problems]
                self.assertEqual(got, want)

    def test_missing_file(self):
        with self.assertRaises(cs.CallsheetError.File):
            cs.Production.load("/no/such/file.json")

    def test_round_trip_and_save(self):
        p = cs.Production.load(str(SAMPLE))
        text = p.to_json()
        self.assertEqual(text, SAMPLE.read_text())
        with tempfile.TemporaryDirectory() as d:
            out = pathlib.Path(d) / "copy.json"
            p.save(str(out))
            self.assertEqual(out.read_text(), text)
            self.assertEqual(cs.Production.from_json(text).to_json(), text)


if __name__ == "__main__":
    unittest.main()
