// The communication hub: call sheets (record, text, HTML, per recipient),
// change notices, iCalendar feeds and free/busy, and the coordinator's agenda.

import Callsheet
import Foundation
import XCTest

final class CallSheetTests: XCTestCase {
    func testCallSheetOfDayOne() throws {
        let p = try sample()
        let options = CallSheetOptions(date: "2027-02-22")
        // The record's defaults are the Rust ones.
        XCTAssertEqual(options, CallSheetOptions(
            date: "2027-02-22", unit: nil, revision: 0, colours: [], scheduleVersion: "", notes: []))

        let sheet = try p.callSheet(options: options)
        XCTAssertEqual(sheet.production, "The Long Way Home")
        XCTAssertEqual(sheet.shootDay, "MU-D01")
        XCTAssertEqual(sheet.date, "2027-02-22")
        XCTAssertEqual(sheet.weekday, .mon)
        XCTAssertEqual(sheet.dayNumber, 1)
        XCTAssertEqual(sheet.totalDays, 27)
        XCTAssertEqual(sheet.unit, "U-MAIN")
        XCTAssertEqual(sheet.generalCall.local, "07:00")
        XCTAssertEqual(sheet.generalCall.minutesAfterMidnight, 420)
        XCTAssertEqual(sheet.estimatedWrap.local, "18:00")
        XCTAssertEqual(sheet.revisionColour, "White")
        let numbers = sheet.cast.compactMap(\.castNumber)
        XCTAssertEqual(numbers, [1, 2, 3, 6])
        XCTAssertFalse(sheet.scenes.isEmpty)
        XCTAssertFalse(sheet.crew.isEmpty)
        XCTAssertEqual(sheet.locations.map(\.id), ["LOC-STAGE7"])
        XCTAssertEqual(sheet.advance?.dayNumber, 2)
        XCTAssertEqual(sheet.advance?.date, "2027-02-23")

        let text = try p.callSheetText(options: options)
        XCTAssertTrue(text.contains("GENERAL CREW CALL: 07:00"), text)
        XCTAssertTrue(text.contains("Day 1 of 27"))

        // One self-contained printable page: no scripts, nothing fetched.
        let html = try p.callSheetHtml(options: options)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("</html>"))
        XCTAssertFalse(html.contains("http"))
        XCTAssertFalse(html.lowercased().contains("<script"))

        // Revision 1 in a custom colour sequence, with notes.
        let revised = try p.callSheet(options: CallSheetOptions(
            date: "2027-02-22", unit: "U-MAIN", revision: 1, colours: ["White", "Lilac"],
            scheduleVersion: "v3", notes: ["Closed set."]))
        XCTAssertEqual(revised.revision, 1)
        XCTAssertEqual(revised.revisionColour, "Lilac")
        XCTAssertEqual(revised.scheduleVersion, "v3")
        XCTAssertEqual(revised.notes.first, "Closed set.")
        XCTAssertEqual(try revisionColour(n: 1, colours: []), "Blue")
        XCTAssertEqual(try revisionColour(n: 11, colours: []), "Double White")
    }

    func testCallSheetErrorsNameTheOption() throws {
        let p = try sample()
        let sunday = assertInvalid(try p.callSheet(options: CallSheetOptions(date: "2027-02-21")))
        XCTAssertEqual(sunday.first?.path, "date")
        XCTAssertEqual(sunday.first?.detail, "no shoot day on 2027-02-21")
        XCTAssertEqual(assertInvalid(try p.callSheetText(options: CallSheetOptions(date: "2027-02-21"))).first?.path, "date")

        let unit = assertInvalid(try p.callSheet(options: CallSheetOptions(date: "2027-02-22", unit: "U-NONE")))
        XCTAssertEqual(unit.first?.path, "unit")
    }

    func testDistributionAndPerRecipientSheets() throws {
        let p = try sample()
        let recipients = try p.distributionList(document: .callSheet)
        let lead = try XCTUnwrap(recipients.first { $0.person == "C01" })
        XCTAssertEqual(lead.scope, .personal)
        XCTAssertEqual(Set(recipients.map(\.person)).count, recipients.count, "each recipient once")

        let sheets = try p.callSheetsForRecipients(options: CallSheetOptions(date: "2027-02-22"))
        XCTAssertEqual(sheets.map(\.recipient), recipients)
        let mine = try XCTUnwrap(sheets.first { $0.recipient.person == "C01" })
        XCTAssertEqual(mine.sheet.cast.map(\.person), ["C01"])
    }
}

final class ChangeNoticeTests: XCTestCase {
    /// FIT-C20-2 moved from Tue 9 Mar to Mon 8 Mar: one notice, for C20.
    func testChangeNotices() throws {
        let before = try sample()
        let text = try Repo.text(Repo.sample)
        let movedText = text.replacingOccurrences(
            of: "\"start\": \"2027-03-09T18:00:00Z\",\n      \"end\": \"2027-03-09T19:15:00Z\"",
            with: "\"start\": \"2027-03-08T18:00:00Z\",\n      \"end\": \"2027-03-08T19:15:00Z\"")
        XCTAssertNotEqual(movedText, text, "FIT-C20-2's times were not found in the sample")
        let after = try Production.fromJson(text: movedText)

        XCTAssertEqual(try changeNotices(old: before, new: before, revision: "Blue"), [])

        let notices = try changeNotices(old: before, new: after, revision: "Blue")
        XCTAssertEqual(notices.map(\.person), ["C20"])
        let notice = try XCTUnwrap(notices.first)
        XCTAssertEqual(notice.name, "Valeria Cruz")
        XCTAssertEqual(notice.revision, "Blue")
        XCTAssertNotNil(notice.email)
        XCTAssertEqual(notice.newConflicts, [])
        XCTAssertTrue(notice.changes.allSatisfy { $0.event == "FIT-C20-2" })
        XCTAssertEqual(notice.changes.map(\.kind), [.dayMoved, .callMoved, .dismissalMoved])
        let moved = try XCTUnwrap(notice.changes.first)
        XCTAssertEqual(moved.before, "Tue 9 Mar")
        XCTAssertEqual(moved.after, "Mon 8 Mar")
        XCTAssertTrue(moved.message.contains("moved from Tue 9 Mar to Mon 8 Mar"), moved.message)

        // The schedule fingerprint sees the move; the same schedule, the same print.
        XCTAssertEqual(try scheduleFingerprint(production: before),
                       try scheduleFingerprint(production: Production.fromJson(text: text)))
        XCTAssertNotEqual(try scheduleFingerprint(production: before), try scheduleFingerprint(production: after))
    }
}

final class CalendarFeedTests: XCTestCase {
    private let stamp = utc("2027-02-20T12:00:00Z")

    func testICalendarFeeds() throws {
        let p = try sample()
        let feed = try p.toIcal(subject: .person("C20"), dtstamp: stamp)
        XCTAssertTrue(feed.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        XCTAssertTrue(feed.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertTrue(feed.contains("X-WR-CALNAME:The Long Way Home: Valeria Cruz\r\n"))
        XCTAssertTrue(feed.contains("BEGIN:VTIMEZONE\r\nTZID:America/"))
        XCTAssertTrue(feed.contains("DTSTAMP:20270220T120000Z\r\n"))
        let events = feed.components(separatedBy: "BEGIN:VEVENT\r\n").count - 1
        XCTAssertGreaterThanOrEqual(events, 2)
        XCTAssertEqual(events, feed.components(separatedBy: "END:VEVENT\r\n").count - 1)

        for subject: CalendarSubject in [.location("LOC-HOUSE"), .resource("RES-ALEXA35"), .everything] {
            let other = try p.toIcal(subject: subject, dtstamp: stamp)
            XCTAssertTrue(other.hasPrefix("BEGIN:VCALENDAR\r\n"), "\(subject)")
            XCTAssertTrue(other.contains("BEGIN:VEVENT\r\n"), "\(subject)")
        }

        let unknown = assertInvalid(try p.toIcal(subject: .person("NOBODY"), dtstamp: stamp))
        XCTAssertEqual(unknown.first?.path, "subject")
    }

    func testFreeBusy() throws {
        let p = try sample()
        let to = stamp.addingTimeInterval(30 * 86_400)
        let feed = try p.freeBusy(subject: .person("C20"), from: stamp, to: to, dtstamp: stamp)
        XCTAssertTrue(feed.contains("BEGIN:VFREEBUSY\r\n"))
        XCTAssertTrue(feed.contains("DTSTART:20270220T120000Z\r\n"))
        XCTAssertTrue(feed.contains("DTEND:20270322T120000Z\r\n"))
        // Her Day 12 call (10:30 PST makeup) to dismissal (16:45 PST).
        XCTAssertTrue(feed.contains("FREEBUSY;FBTYPE=BUSY:20270309T180000Z/20270310T004500Z\r\n"), feed)

        let backwards = assertInvalid(try p.freeBusy(subject: .person("C20"), from: to, to: stamp, dtstamp: stamp))
        XCTAssertFalse(backwards.isEmpty)
    }
}

final class AgendaTests: XCTestCase {
    private let now = utc("2027-02-15T16:00:00Z")

    func testAgenda() throws {
        let p = try sample()
        let items = try p.agenda(request: AgendaRequest(now: now))
        XCTAssertFalse(items.isEmpty)
        XCTAssertEqual(items.map(\.due), items.map(\.due).sorted())
        for item in items {
            XCTAssertEqual(item.overdue, item.due < now, item.message)
        }

        // Sending the first call sheet that is due takes it off the agenda.
        let due = try XCTUnwrap(items.first { $0.kind == .callSheetDue })
        let sent = SentDocument(
            kind: .callSheet, date: "2027-02-22",
            scheduleFingerprint: try scheduleFingerprint(production: p), sentAt: now)
        let after = try p.agenda(request: AgendaRequest(now: now, sent: [sent]))
        XCTAssertEqual(after, items.filter { $0 != due })

        // The defaults spelled out give the same agenda; a shorter horizon, less.
        XCTAssertEqual(try p.agenda(request: AgendaRequest(
            now: now, callSheetLeadHours: 12, horizonDays: 14, sent: [], previous: p)), items)
        XCTAssertLessThan(try p.agenda(request: AgendaRequest(now: now, horizonDays: 7)).count, items.count)
    }
}
