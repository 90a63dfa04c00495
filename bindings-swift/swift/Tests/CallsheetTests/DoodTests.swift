// The day out of days: the report, its text and CSV forms, and its options.

import Callsheet
import Foundation
import XCTest

final class DoodTests: XCTestCase {
    private let workCodes: Set<String> = ["SW", "W", "WF", "SWF", "PW", "PWF"]

    func testDayOutOfDays() throws {
        let p = try sample()
        // The record's defaults are the Rust ones.
        let options = DoodOptions(people: .cast, range: .people)
        XCTAssertEqual(options, DoodOptions(people: .cast, range: .people, includeHolds: true, includeTentative: false))

        let report = try p.dayOutOfDays(options: options)
        XCTAssertEqual(report.production, try p.name())
        XCTAssertEqual(report.zone, "America/Los_Angeles")
        XCTAssertEqual(report.warnings, [])
        XCTAssertEqual(report.rows.count, 25)
        XCTAssertTrue(report.rows.allSatisfy { $0.category == .cast })

        // One column per consecutive civil date, with its weekday.
        let dates = report.columns.map(\.date)
        XCTAssertFalse(dates.isEmpty)
        for (i, date) in dates.enumerated() {
            XCTAssertEqual(date, Civil.adding(days: i, to: dates[0]), "column \(i)")
        }
        XCTAssertEqual(report.columns[0].weekday, Civil.weekday(dates[0]))
        let goodFriday = try XCTUnwrap(report.columns.first { $0.date == "2027-03-26" })
        XCTAssertEqual(goodFriday.dayType, .holiday)
        XCTAssertFalse(goodFriday.holiday?.isEmpty ?? true)
        let day1 = try XCTUnwrap(report.columns.first { $0.date == "2027-02-22" })
        XCTAssertEqual(day1.shootDays.map(\.event), ["MU-D01"])
        XCTAssertEqual(day1.shootDays.first?.dayNumber, 1)

        var dropped = 0
        for row in report.rows {
            let codes = try row.codes.map { try doodCodeText(code: $0) }
            XCTAssertEqual(codes.count, dates.count, row.person)
            let worked = codes.indices.filter { workCodes.contains(codes[$0]) }
            let first = try XCTUnwrap(worked.first, row.person)
            let last = try XCTUnwrap(worked.last, row.person)
            if worked.count == 1 {
                XCTAssertEqual(codes[first], "SWF", row.person)
            } else {
                XCTAssertEqual(codes[first], "SW", row.person)
                XCTAssertTrue(["WF", "PWF"].contains(codes[last]), row.person)
            }
            let t = row.totals
            XCTAssertEqual(Int(t.work), worked.count, row.person)
            XCTAssertEqual(Int(t.hold), codes.filter { $0 == "H" }.count, row.person)
            XCTAssertEqual(t.firstWork, dates[first], row.person)
            XCTAssertEqual(t.lastWork, dates[last], row.person)
            let parts = t.work + t.hold + t.travel + t.rehearsal + t.fitting + t.holiday + t.moveDays + t.dropped + t.idle
            XCTAssertEqual(parts, t.span + t.outsideSpan, row.person)
            if let drop = t.drop {
                dropped += 1
                let dropAt = try XCTUnwrap(dates.firstIndex(of: drop), row.person)
                XCTAssertEqual(row.codes[dropAt], .drop, row.person)
                let pickup = try XCTUnwrap(t.pickup, row.person)
                let pickupAt = try XCTUnwrap(dates.firstIndex(of: pickup), row.person)
                XCTAssertTrue(["PW", "PWF"].contains(codes[pickupAt]), row.person)
            }
        }
        XCTAssertGreaterThanOrEqual(dropped, 1)

        XCTAssertEqual(try doodCodeText(code: .startWorkFinish), "SWF")
        XCTAssertEqual(try doodCodeText(code: .hold), "H")
        XCTAssertEqual(try doodCodeText(code: .dayOff), "")
    }

    func testTextAndCsv() throws {
        let p = try sample()
        let options = DoodOptions(people: .cast, range: .people)
        let report = try p.dayOutOfDays(options: options)

        let text = try p.doodText(options: options)
        XCTAssertTrue(text.hasPrefix("DAY OUT OF DAYS: \(try p.name())\n"))
        for row in report.rows {
            let number = try XCTUnwrap(row.castNumber, row.person)
            XCTAssertTrue(text.contains("\(number). \(row.name) "), row.person)
        }

        // RFC 4180 with CRLF line ends: a header, a row per person, an empty tail.
        let lines = try p.doodCsv(options: options).components(separatedBy: "\r\n")
        XCTAssertEqual(lines.last, "")
        XCTAssertEqual(lines.count, report.rows.count + 2)
        let header = lines[0].components(separatedBy: ",")
        XCTAssertEqual(header[4], report.columns[0].date)
        XCTAssertEqual(lines[1].components(separatedBy: ",")[1], report.rows[0].person)
    }

    func testOptionsChooseRowsAndColumns() throws {
        let p = try sample()
        let report = try p.dayOutOfDays(options: DoodOptions(people: .cast, range: .people))

        let wanted = [report.rows[2].person, report.rows[0].person, "NOBODY"]
        let only = try p.dayOutOfDays(options: DoodOptions(people: .only(wanted), range: .people))
        XCTAssertEqual(only.rows.map(\.person), Array(wanted.prefix(2)))
        XCTAssertEqual(only.warnings.count, 1)
        XCTAssertTrue(only.warnings.first?.contains("NOBODY") ?? false)

        let week = try p.dayOutOfDays(options: DoodOptions(
            people: .castAndCrew,
            range: .dates(from: "2027-03-01", to: "2027-03-07"),
            includeHolds: false,
            includeTentative: true
        ))
        XCTAssertEqual(week.columns.map(\.date), (1...7).map { "2027-03-0\($0)" })
        XCTAssertTrue(week.rows.contains { $0.category == .crew })

        let shoot = try p.dayOutOfDays(options: DoodOptions(people: .cast, range: .shoot))
        XCTAssertFalse(shoot.columns[0].shootDays.isEmpty)
        XCTAssertEqual(shoot.rows.map(\.totals), report.rows.map(\.totals))

        let everyone = try p.dayOutOfDays(options: DoodOptions(people: .everyone, range: .people))
        XCTAssertEqual(everyone.rows.count, try p.people().count)

        // A range that ends before it starts: no columns and a warning, not an error.
        let backwards = try p.dayOutOfDays(options: DoodOptions(
            people: .cast, range: .dates(from: "2027-03-07", to: "2027-03-01")))
        XCTAssertEqual(backwards.columns, [])
        XCTAssertEqual(backwards.warnings.count, 1)
    }
}
