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


class ScheduleTests(unittest.TestCase):
    def setUp(self):
        self.p = cs.Production.load(str(SAMPLE))

    def test_conflicts(self):
        found = self.p.conflicts()
        errors = sorted(c.kind.name for c in found if c.severity == cs.Severity.ERROR)
        self.assertEqual(errors, ["OUTSIDE_PERMIT", "PERSON_DOUBLE_BOOKED", "RESOURCE_OVERBOOKED", "TURNAROUND"])
        turnaround = next(c for c in found if c.kind == cs.ConflictKind.TURNAROUND)
        self.assertEqual(turnaround.rule.pack, "sag-aftra")
        self.assertEqual(turnaround.cost.amount, decimal.Decimal("900"))
        self.assertIn("rest between wrap", turnaround.message)

    def test_check_event_and_slots(self):
        day = next(e for e in self.p.events() if e.kind == cs.EventKind.SHOOT_DAY)
        found = self.p.check_event(day)
        self.assertTrue(all(day.id in c.events for c in found))
        person = day.attendees[0].person
        fitting = cs.Event(
            id="NEW-FITTING", kind=cs.EventKind.FITTING, title="", unit=None, location=None,
            start=day.start + dt.timedelta(hours=1), end=day.start + dt.timedelta(hours=2),
            status=cs.BookingStatus.CONFIRMED, parent=None, day_number=None, scene=None,
            attendees=[cs.Attendance(person=person, call=None, makeup_call=None, on_set=None, dismissal=None, note="")],
            resources=[], meals=[], notes="")
        double = [c for c in self.p.check_event(fitting) if c.kind == cs.ConflictKind.PERSON_DOUBLE_BOOKED]
        self.assertTrue(double)
        bad = cs.Event(**{**fitting.__dict__, "attendees": [cs.Attendance(person="NOBODY", call=None, makeup_call=None, on_set=None, dismissal=None, note="")]})
        with self.assertRaises(cs.CallsheetError.Invalid) as ctx:
            self.p.check_event(bad)
        self.assertEqual(ctx.exception.problems[0].path, "event.attendees[0].person")
        start = dt.datetime(2027, 2, 15, 16, tzinfo=dt.timezone.utc)
        request = cs.SlotRequest(
            people=[p.id for p in self.p.people() if p.head_of_department][:5], location=None, resources=[],
            duration_minutes=60, earliest=start, latest=start + dt.timedelta(days=14),
            day_start=dt.time(8), day_end=dt.time(19), working_days_only=True, step_minutes=15, count=2,
            kind=cs.EventKind.MEETING, allow_warnings=False)
        slots = self.p.find_slots(request)
        self.assertEqual(len(slots), 2)
        self.assertEqual(slots[0].end - slots[0].start, dt.timedelta(hours=1))


class DoodTests(unittest.TestCase):
    WORK = {"SW", "W", "WF", "SWF", "PW", "PWF"}

    def setUp(self):
        self.p = cs.Production.load(str(SAMPLE))

    def options(self, people=None, range=None, **kwargs):
        return cs.DoodOptions(
            people=people or cs.DoodPeople.CAST(), range=range or cs.DoodRange.PEOPLE(), **kwargs)

    def test_day_out_of_days(self):
        report = self.p.day_out_of_days(self.options())
        self.assertEqual(report.production, self.p.name())
        self.assertEqual(report.zone, "America/Los_Angeles")
        self.assertEqual(report.warnings, [])
        cast = [x for x in self.p.people() if x.category == cs.PersonCategory.CAST]
        self.assertEqual(len(report.rows), len(cast))
        self.assertTrue(all(r.category == cs.PersonCategory.CAST for r in report.rows))
        dates = [c.date for c in report.columns]
        self.assertIsInstance(dates[0], dt.date)
        self.assertEqual(dates, [dates[0] + dt.timedelta(days=i) for i in range(len(dates))])
        self.assertEqual(report.columns[0].weekday.name.title(), dates[0].strftime("%a"))
        holiday = next(c for c in report.columns if c.day_type == cs.DayType.HOLIDAY)
        self.assertTrue(holiday.holiday)
        self.assertTrue(any(m.day_number == 1 for c in report.columns for m in c.shoot_days))
        dropped = 0
        for row in report.rows:
            codes = [cs.dood_code_text(c) for c in row.codes]
            self.assertEqual(len(codes), len(dates))
            worked = [i for i, c in enumerate(codes) if c in self.WORK]
            if len(worked) == 1:
                self.assertEqual(codes[worked[0]], "SWF")
            else:
                self.assertEqual(codes[worked[0]], "SW")
                self.assertIn(codes[worked[-1]], ("WF", "PWF"))
            t = row.totals
            self.assertEqual(t.work, len(worked))
            self.assertEqual(t.hold, codes.count("H"))
            self.assertEqual((t.first_work, t.last_work), (dates[worked[0]], dates[worked[-1]]))
            parts = t.work + t.hold + t.travel + t.rehearsal + t.fitting + t.holiday + t.move_days + t.dropped + t.idle
            self.assertEqual(parts, t.span + t.outside_span)
            if t.drop is not None:
                dropped += 1
                self.assertEqual(row.codes[dates.index(t.drop)], cs.DoodCode.DROP)
                self.assertIn(codes[dates.index(t.pickup)], ("PW", "PWF"))
        self.assertGreaterEqual(dropped, 1)
        self.assertEqual(cs.dood_code_text(cs.DoodCode.START_WORK_FINISH), "SWF")
        self.assertEqual(cs.dood_code_text(cs.DoodCode.DAY_OFF), "")

    def test_text_and_csv(self):
        options = self.options()
        report = self.p.day_out_of_days(options)
        text = self.p.dood_text(options)
        self.assertTrue(text.startswith(f"DAY OUT OF DAYS: {self.p.name()}\n"))
        for row in report.rows:
            self.assertIn(f"{row.cast_number}. {row.name} ", text)
        lines = self.p.dood_csv(options).split("\r\n")
        self.assertEqual(lines[-1], "")
        self.assertEqual(len(lines), len(report.rows) + 2)
        header = lines[0].split(",")
        self.assertEqual(header[4], report.columns[0].date.isoformat())
        self.assertEqual(lines[1].split(",")[1], report.rows[0].person)

    def test_options(self):
        report = self.p.day_out_of_days(self.options())
        wanted = [report.rows[2].person, report.rows[0].person, "NOBODY"]
        only = self.p.day_out_of_days(self.options(people=cs.DoodPeople.ONLY(wanted)))
        self.assertEqual([r.person for r in only.rows], wanted[:2])
        self.assertEqual(len(only.warnings), 1)
        self.assertIn("NOBODY", only.warnings[0])
        week = self.p.day_out_of_days(self.options(
            people=cs.DoodPeople.CAST_AND_CREW(),
            range=cs.DoodRange.DATES(dt.date(2027, 3, 1), dt.date(2027, 3, 7)),
            include_holds=False, include_tentative=True))
        self.assertEqual([c.date for c in week.columns], [dt.date(2027, 3, i) for i in range(1, 8)])
        self.assertTrue(any(r.category == cs.PersonCategory.CREW for r in week.rows))
        shoot = self.p.day_out_of_days(self.options(range=cs.DoodRange.SHOOT()))
        self.assertTrue(shoot.columns[0].shoot_days)
        self.assertEqual([r.totals for r in shoot.rows], [r.totals for r in report.rows])
        everyone = self.p.day_out_of_days(self.options(people=cs.DoodPeople.EVERYONE()))
        self.assertEqual(len(everyone.rows), len(self.p.people()))
        backwards = self.p.day_out_of_days(self.options(range=cs.DoodRange.DATES(dt.date(2027, 3, 7), dt.date(2027, 3, 1))))
        self.assertEqual(backwards.columns, [])
        self.assertEqual(len(backwards.warnings), 1)


class CommsTests(unittest.TestCase):
    def test_ical_and_notices(self):
        p = cs.Production.load(str(SAMPLE))
        stamp = dt.datetime(2027, 2, 20, 12, tzinfo=dt.timezone.utc)
        lead = next(x for x in p.people() if x.cast_number == 1)
        text = p.to_ical(cs.CalendarSubject.PERSON(lead.id), stamp)
        self.assertTrue(text.startswith("BEGIN:VCALENDAR\r\n"))
        self.assertIn("BEGIN:VTIMEZONE", text)
        with self.assertRaises(cs.CallsheetError.Invalid) as ctx:
            p.to_ical(cs.CalendarSubject.PERSON("NOBODY"), stamp)
        self.assertEqual(ctx.exception.problems[0].path, "subject")
        fb = p.free_busy(cs.CalendarSubject.PERSON(lead.id), stamp, stamp + dt.timedelta(days=30), stamp)
        self.assertIn("BEGIN:VFREEBUSY", fb)
        self.assertEqual(cs.change_notices(p, p, "Blue"), [])
        self.assertEqual(cs.revision_colour(11, []), "Double White")


class CallSheetAndAgendaTests(unittest.TestCase):
    NOW = dt.datetime(2027, 2, 15, 16, tzinfo=dt.timezone.utc)

    def setUp(self):
        self.p = cs.Production.load(str(SAMPLE))

    def test_call_sheet(self):
        options = cs.CallSheetOptions(date=dt.date(2027, 2, 22))
        sheet = self.p.call_sheet(options)
        self.assertEqual((sheet.day_number, sheet.total_days), (1, 27))
        self.assertEqual(sheet.date, dt.date(2027, 2, 22))
        self.assertEqual(sheet.weekday, cs.Weekday.MON)
        self.assertEqual(sheet.revision_colour, "White")
        numbers = [r.cast_number for r in sheet.cast if r.cast_number is not None]
        self.assertTrue(numbers)
        self.assertEqual(numbers, sorted(numbers))
        self.assertTrue(sheet.scenes and sheet.crew and sheet.locations)
        self.assertIsNotNone(sheet.advance)
        self.assertEqual(sheet.advance.day_number, 2)
        text = self.p.call_sheet_text(options)
        self.assertIn("GENERAL CREW CALL", text)
        self.assertIn(sheet.general_call.local, text)
        html = self.p.call_sheet_html(options)
        self.assertNotIn("http", html)
        self.assertNotIn("<script", html.lower())
        blue = self.p.call_sheet(cs.CallSheetOptions(
            date=dt.date(2027, 2, 22), unit=sheet.unit, revision=1, colours=["White", "Lilac"],
            schedule_version="v3", notes=["Closed set."]))
        self.assertEqual(blue.revision_colour, "Lilac")
        self.assertEqual(blue.notes[0], "Closed set.")
        with self.assertRaises(cs.CallsheetError.Invalid) as ctx:
            self.p.call_sheet(cs.CallSheetOptions(date=dt.date(2027, 2, 21)))
        self.assertEqual(ctx.exception.problems[0].path, "date")
        self.assertEqual(ctx.exception.problems[0].detail, "no shoot day on 2027-02-21")

    def test_agenda(self):
        items = self.p.agenda(cs.AgendaRequest(now=self.NOW))
        self.assertTrue(items)
        dues = [i.due for i in items]
        self.assertEqual(dues, sorted(dues))
        for item in items:
            self.assertEqual(item.overdue, item.due < self.NOW)
        due = next(i for i in items if i.kind == cs.AgendaKind.CALL_SHEET_DUE)
        fingerprint = cs.schedule_fingerprint(self.p)
        self.assertEqual(fingerprint, cs.schedule_fingerprint(cs.Production.from_json(self.p.to_json())))
        sent = [cs.SentDocument(kind=cs.DocumentKind.CALL_SHEET, date=dt.date(2027, 2, 22),
                                schedule_fingerprint=fingerprint, sent_at=self.NOW)]
        after = self.p.agenda(cs.AgendaRequest(now=self.NOW, sent=sent))
        self.assertEqual(after, [i for i in items if i != due])
        self.assertEqual(self.p.agenda(cs.AgendaRequest(
            now=self.NOW, call_sheet_lead_hours=12, horizon_days=14, sent=[], previous=self.p)), items)
        self.assertLess(len(self.p.agenda(cs.AgendaRequest(now=self.NOW, horizon_days=7))), len(items))


class DistributionTests(unittest.TestCase):
    def test_recipients_and_filtered_sheets(self):
        p = cs.Production.load(str(SAMPLE))
        recipients = p.distribution_list(cs.DocumentKind.CALL_SHEET)
        lead = next(r for r in recipients if r.person == "C01")
        self.assertEqual(lead.scope, cs.CallSheetScope.PERSONAL)
        sheets = p.call_sheets_for_recipients(cs.CallSheetOptions(date=dt.date(2027, 2, 22)))
        self.assertEqual(len(sheets), len(recipients))
        mine = next(s for s in sheets if s.recipient.person == "C01")
        self.assertEqual([row.person for row in mine.sheet.cast], ["C01"])


class BudgetTests(unittest.TestCase):
    AS_OF = dt.date(2027, 3, 31)
    GOOD = ("id,account,date,amount,description\r\n"
            "INV-9001,3903,2027-03-20,\"1,250.00\",Stage rent top-up\r\n"
            "PC-9002,1102,2027-03-21,(12.50),Refund\r\n")

    def setUp(self):
        self.p = cs.Production.load(str(SAMPLE))

    def options(self, **kwargs):
        return cs.CostReportOptions(as_of=self.AS_OF, **kwargs)

    def test_topsheet(self):
        t = self.p.budget_topsheet()
        self.assertEqual(t.currency, "USD")
        self.assertIsInstance(t.grand_total, decimal.Decimal)
        self.assertEqual(t.grand_total, decimal.Decimal("7256320.79"))
        self.assertEqual(str(t.grand_total), "7256320.79")
        self.assertEqual(sum(s.total for s in t.sections), t.total_before_contingency)
        self.assertEqual([m.code for m in t.markups], ["contingency", "overhead", "completion_bond"])
        self.assertEqual(t.total_before_contingency + sum(m.amount for m in t.markups), t.grand_total)
        self.assertEqual(t.sections[0].section, cs.BudgetSection.ABOVE_THE_LINE)
        screenplay = next(a for a in t.accounts if a.code == "1102")
        self.assertEqual(sum(f.amount for f in screenplay.fringes), screenplay.fringe_total)
        self.assertTrue(t.globals)
        self.assertIn("GRAND TOTAL", self.p.topsheet_text())
        self.assertTrue(self.p.topsheet_csv().startswith("Level,Code,Name,Lines,Fringes,Total\r\n"))
        xlsx = self.p.topsheet_xlsx()
        self.assertIsInstance(xlsx, bytes)
        self.assertTrue(xlsx.startswith(b"PK"))
        self.assertEqual(len(cs.standard_feature_chart().accounts), 175)

    def test_cost_report(self):
        report = self.p.cost_report(self.options())
        self.assertEqual(report.period_start, dt.date(2027, 3, 25))
        total = report.rows[-1]
        self.assertEqual((total.level, total.code), (cs.BudgetLevel.TOTAL, "TOTAL"))
        self.assertEqual(total, report.total)
        sections = [r for r in report.rows if r.level == cs.BudgetLevel.SECTION]
        self.assertEqual(len(sections), 4)
        for column in ("budget", "final_budget", "this_period", "actual_to_date", "commitments", "total_cost",
                       "estimate_to_complete", "estimated_final_cost", "variance"):
            self.assertEqual(sum(getattr(s, column) for s in sections), getattr(total, column), column)
        self.assertTrue(report.alerts)
        wider = self.p.cost_report(self.options(period_start=dt.date(2027, 3, 1), alert_percent=decimal.Decimal("1")))
        self.assertGreater(wider.total.this_period, 0)
        self.assertGreater(len(wider.alerts), len(report.alerts))
        csv = self.p.cost_report_csv(self.options())
        self.assertEqual(len(csv.split("\r\n")), len(report.rows) + 2)
        self.assertTrue(self.p.cost_report_text(self.options()).startswith("COST REPORT as of 2027-03-31"))
        self.assertTrue(self.p.cost_report_xlsx(self.options()).startswith(b"PK"))
        with tempfile.TemporaryDirectory() as d:
            out = pathlib.Path(d) / "report.xlsx"
            self.p.export_cost_report(str(out), self.options())
            self.assertTrue(out.read_bytes().startswith(b"PK"))
            with self.assertRaises(cs.CallsheetError.Invalid) as ctx:
                self.p.export_cost_report(str(pathlib.Path(d) / "report.pdf"), self.options())
            self.assertEqual(ctx.exception.problems[0].path, "path")

    def test_csv_import(self):
        before = self.p.to_json()
        bad = "id,account,date,amount\nINV-9001,9999,2027-03-40,abc\nINV-2001,3903,2027-03-20,5\n"
        with self.assertRaises(cs.CallsheetError.CsvImport) as ctx:
            self.p.import_transactions_csv(bad)
        got = [(x.row, x.column) for x in ctx.exception.problems]
        self.assertEqual(got, [(2, "account"), (2, "date"), (2, "amount"), (3, "id")])
        self.assertTrue(ctx.exception.summary.startswith("4 problems:"))
        self.assertIsInstance(ctx.exception, cs.CallsheetError)
        self.assertEqual(self.p.to_json(), before)
        actual = self.p.cost_report(self.options()).total.actual_to_date
        self.assertEqual(self.p.import_transactions_csv(self.GOOD), 2)
        self.assertNotEqual(self.p.to_json(), before)
        self.assertEqual(self.p.cost_report(self.options()).total.actual_to_date - actual, decimal.Decimal("1237.50"))

    def test_budget_import_and_comparison(self):
        original = cs.Production.load(str(SAMPLE))
        before = self.p.to_json()
        with self.assertRaises(cs.CallsheetError.CsvImport) as ctx:
            self.p.import_budget_csv("account,description,amount,unit,rate\n3301,DP,6,fortnights,abc\n")
        self.assertEqual([(x.row, x.column) for x in ctx.exception.problems], [(2, "unit"), (2, "rate")])
        self.assertEqual(self.p.to_json(), before)
        same = cs.compare_budgets(original, self.p)
        self.assertEqual(same.grand_total.delta, 0)
        self.assertEqual(same.globals, [])
        lines = "account,description,amount,unit,rate\n1102,Screenplay,1,flat,120000.00\n"
        self.assertEqual(self.p.import_budget_csv(lines), 1)
        cmp = cs.compare_budgets(original, self.p)
        self.assertEqual(cmp.grand_total.before, decimal.Decimal("7256320.79"))
        self.assertEqual(cmp.grand_total.after, self.p.budget_topsheet().grand_total)
        self.assertEqual(cmp.grand_total.delta, cmp.grand_total.after - cmp.grand_total.before)
        self.assertEqual(next(a for a in cmp.accounts if a.code == "1102").after, decimal.Decimal("120000"))


class LogisticsTests(unittest.TestCase):
    DAY = dt.date(2027, 2, 22)

    def setUp(self):
        self.p = cs.Production.load(str(SAMPLE))

    def test_transport(self):
        plan = self.p.plan_transport(self.DAY, cs.TransportOptions())
        self.assertEqual(plan.date, self.DAY)
        self.assertEqual(plan.buffer_minutes, 15)
        self.assertTrue(plan.runs)
        for run in plan.runs:
            self.assertEqual(run.arrive, min(r.call for r in run.riders) - dt.timedelta(minutes=15))
            self.assertEqual(run.stops[-1].kind, cs.StopKind.DROP_OFF)
            for stop in run.stops:
                self.assertIsInstance(stop.local, dt.datetime)
                self.assertIsNone(stop.local.tzinfo)
                self.assertEqual(stop.clock, stop.local.strftime("%H:%M"))
                self.assertEqual(stop.zone, "America/Los_Angeles")
            for rider in run.riders:
                self.assertLessEqual(rider.pickup, rider.latest_pickup)
        self.assertTrue(self.p.transport_text(self.DAY, cs.TransportOptions()).startswith("== Transport 2027-02-22"))
        with self.assertRaises(cs.CallsheetError.Invalid) as ctx:
            self.p.plan_transport(self.DAY, cs.TransportOptions(max_stops=0))
        self.assertEqual(ctx.exception.problems[0].path, "options.max_stops")
        lodging = [cs.Lodging(person="NOBODY", night=dt.date(2027, 2, 21), location="LOC-OFFICE")]
        with self.assertRaises(cs.CallsheetError.Invalid) as ctx:
            self.p.plan_transport(self.DAY, cs.TransportOptions(lodging=lodging))
        self.assertEqual(ctx.exception.problems[0].path, "options.lodging[0].person")
        travel = self.p.plan_transport(dt.date(2027, 3, 10), cs.TransportOptions(max_driving_minutes=None))
        self.assertTrue(travel.movements)
        self.assertIsInstance(travel.movements[0].depart_local, dt.datetime)

    def test_timeline_and_units(self):
        timeline = self.p.resource_timeline("RES-ALEXA35")
        self.assertEqual(timeline.owned, 2)
        for a, b in zip(timeline.segments, timeline.segments[1:]):
            self.assertLessEqual(a.end, b.start)
        for s in timeline.segments:
            self.assertEqual(s.booked, sum(b.quantity for b in s.bookings))
        units = self.p.assign_units("RES-ALEXA35")
        self.assertEqual(units.units_used, ["A35-10472", "A35-10519"])
        self.assertEqual(bool(units.shortfalls), any(s.over_allocated for s in timeline.segments))
        with self.assertRaises(cs.CallsheetError.Invalid) as ctx:
            self.p.assign_units("NOPE")
        self.assertEqual(ctx.exception.problems[0].path, "resource")


class ScenarioTest(unittest.TestCase):
    """The shared scenario (tests/scenario/expected.json): the same answers as
    the Rust suite, Kotlin and the Swift package."""

    def setUp(self):
        self.p = cs.Production.load(str(SAMPLE))
        self.expected = json.loads((REPO / "tests" / "scenario" / "expected.json").read_text())

    def test_conflicts(self):
        want = self.expected["conflicts"]
        got = self.p.conflicts()
        self.assertEqual(len(want), len(got))
        utc = lambda t: t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        for w, g in zip(want, got):
            self.assertEqual(w["kind"], g.kind.name.lower())
            self.assertEqual(w["severity"], g.severity.name.lower())
            self.assertEqual(w["subjects"], [{"kind": s.kind.name.lower(), "id": s.id} for s in g.subjects])
            self.assertEqual(w["events"], list(g.events))
            self.assertEqual((w["start"], w["end"]), (utc(g.start), utc(g.end)))
            self.assertEqual(w["message"], g.message)
            want_cost = None if w["cost"] is None else (decimal.Decimal(w["cost"]["amount"]), w["cost"]["currency"])
            self.assertEqual(want_cost, None if g.cost is None else (g.cost.amount, str(g.cost.currency)))

    def test_topsheet_and_cost_report(self):
        top = self.expected["topsheet"]
        t = self.p.budget_topsheet()
        self.assertEqual(decimal.Decimal(top["grand_total"]), t.grand_total)
        self.assertEqual(decimal.Decimal(top["above_the_line"]), t.above_the_line)
        cost = self.expected["cost_report"]
        r = self.p.cost_report(cs.CostReportOptions(
            as_of=dt.date.fromisoformat(cost["as_of"]), period_start=None, alert_percent=None))
        for name, value in cost["total"].items():
            self.assertEqual(decimal.Decimal(value), getattr(r.total, name), name)
        self.assertEqual(
            cost["alerts"],
            [{"account": a.account, "kind": a.kind.name.lower(), "message": a.message} for a in r.alerts])

    def test_rooms(self):
        want = self.expected["rooms"]
        rooms = self.p.allocate_rooms(None)
        self.assertEqual(want["housed"], rooms.housed)
        self.assertEqual(want["unhoused"], len(rooms.unhoused))
        self.assertEqual(want["room_nights"], rooms.room_nights)
        self.assertEqual(
            [(decimal.Decimal(c["amount"]), c["currency"]) for c in want["cost"]],
            [(c.amount, str(c.currency)) for c in rooms.cost])
        self.assertEqual(
            [(c["account"], decimal.Decimal(c["cost"]["amount"])) for c in want["cost_by_account"]],
            [(c.account, c.cost.amount) for c in rooms.cost_by_account])
        self.assertEqual(
            want["assignments"],
            [{"person": a.person, "block": a.block, "room": a.room,
              "first_night": str(a.first_night), "last_night": str(a.last_night)}
             for a in rooms.assignments])
        # The lodging feeds the transport plan: nobody left without a ride.
        plan = self.p.plan_transport(dt.date(2027, 3, 16), cs.TransportOptions(lodging=rooms.lodging))
        self.assertEqual([], plan.unassigned)

    def test_bulk_records_all_or_nothing(self):
        before = self.p.to_json()
        applied = self.p.apply_records(json.dumps(
            {"people": [{"id": "NEW-1", "name": "New Grip", "category": "crew"}]}))
        self.assertEqual((applied.added, applied.replaced), (1, 0))
        after = self.p.to_json()
        with self.assertRaises(cs.CallsheetError.Invalid) as ctx:
            self.p.apply_records(json.dumps({"people": [{"id": "X", "name": "X", "category": "grip"}]}))
        self.assertEqual(ctx.exception.problems[0].path, "people[0].category")
        self.assertEqual(self.p.to_json(), after)
        self.assertNotEqual(before, after)


if __name__ == "__main__":
    unittest.main()
