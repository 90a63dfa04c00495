// The conflict engine: the sample's four seeded problems
// (examples/data/README.md, "Seeded problems"), incremental checks of a new
// event, and free slots.

import Callsheet
import Foundation
import XCTest

final class ScheduleTests: XCTestCase {
    /// Exactly the four seeded problems, and nothing else.
    func testConflictsOfTheSampleAreTheFourSeededProblems() throws {
        let found = try sample().conflicts()
        XCTAssertEqual(found.count, 4, found.map(\.message).joined(separator: "\n"))
        XCTAssertTrue(found.allSatisfy { $0.severity == .error })
        func only(_ kind: ConflictKind) throws -> Conflict {
            let matching = found.filter { $0.kind == kind }
            XCTAssertEqual(matching.count, 1, "\(kind)")
            return try XCTUnwrap(matching.first, "\(kind)")
        }

        // 1. C20 in a fitting and on set: 10:30-11:15 PST from her makeup call.
        let double = try only(.personDoubleBooked)
        XCTAssertEqual(double.subjects, [Subject(kind: .person, id: "C20")])
        XCTAssertEqual(double.events.sorted(), ["FIT-C20-2", "MU-D12"])
        XCTAssertEqual(double.start, utc("2027-03-09T18:30:00Z"))
        XCTAssertEqual(double.end, utc("2027-03-09T19:15:00Z"))

        // 2. C04's turnaround after the night exterior: 10 h 30 min of 12 h,
        //    priced by the SAG-AFTRA rule pack.
        let turnaround = try only(.turnaround)
        XCTAssertEqual(turnaround.subjects, [Subject(kind: .person, id: "C04")])
        XCTAssertEqual(turnaround.events.sorted(), ["2U-D02", "MU-D09"])
        XCTAssertEqual(turnaround.start, utc("2027-03-05T06:30:00Z"))
        XCTAssertEqual(turnaround.end, utc("2027-03-05T17:00:00Z"))
        XCTAssertEqual(turnaround.end.timeIntervalSince(turnaround.start), 10.5 * 3600)
        XCTAssertEqual(turnaround.rule?.pack, "sag-aftra")
        let cost = try XCTUnwrap(turnaround.cost)
        XCTAssertEqual(cost.currency, "USD")
        XCTAssertEqual(cost.amount, dec("900"))
        XCTAssertTrue(turnaround.message.contains("10 h 30 min rest"), turnaround.message)

        // 3. The Alexa 35 packages: 3 booked of 2, 07:00-18:00 PST with buffers.
        let camera = try only(.resourceOverbooked)
        XCTAssertEqual(camera.subjects, [Subject(kind: .resource, id: "RES-ALEXA35")])
        XCTAssertEqual(camera.events.sorted(), ["2U-D03", "MU-D13"])
        XCTAssertEqual(camera.start, utc("2027-03-10T15:00:00Z"))
        XCTAssertEqual(camera.end, utc("2027-03-11T02:00:00Z"))
        XCTAssertTrue(camera.message.contains("3 booked, 2 available"), camera.message)

        // 4. Harlow House used 22:00-23:30 PST on Day 4, past its permit.
        let permit = try only(.outsidePermit)
        XCTAssertEqual(permit.subjects, [Subject(kind: .location, id: "LOC-HOUSE")])
        XCTAssertEqual(permit.events, ["MU-D04"])
        XCTAssertEqual(permit.start, utc("2027-02-26T06:00:00Z"))
        XCTAssertEqual(permit.end, utc("2027-02-26T07:30:00Z"))
    }

    /// Moving the fitting away removes exactly the double booking.
    func testFixingASeededProblem() throws {
        let text = try Repo.text(Repo.sample)
        let moved = text.replacingOccurrences(
            of: "\"start\": \"2027-03-09T18:00:00Z\",\n      \"end\": \"2027-03-09T19:15:00Z\"",
            with: "\"start\": \"2027-03-08T18:00:00Z\",\n      \"end\": \"2027-03-08T19:15:00Z\"")
        XCTAssertNotEqual(moved, text, "FIT-C20-2's times were not found in the sample")
        let kinds = try Production.fromJson(text: moved).conflicts().map(\.kind)
        XCTAssertEqual(Set(kinds), [.turnaround, .resourceOverbooked, .outsidePermit])
        XCTAssertEqual(kinds.count, 3)
    }

    func testCheckEvent() throws {
        let p = try sample()
        let events = try p.events()

        // An existing event, checked again: only conflicts it is part of.
        let day12 = try XCTUnwrap(events.first { $0.id == "MU-D12" })
        let again = try p.checkEvent(event: day12)
        XCTAssertTrue(again.allSatisfy { $0.events.contains("MU-D12") })
        XCTAssertTrue(again.contains { $0.kind == .personDoubleBooked })

        // A new fitting for C01 in the middle of Day 1: double-booked.
        let day1 = try XCTUnwrap(events.first { $0.id == "MU-D01" })
        var fitting = Event(
            id: "NEW-FITTING", kind: .fitting, title: "Fitting", unit: nil, location: "LOC-OFFICE",
            start: day1.start.addingTimeInterval(3 * 3600), end: day1.start.addingTimeInterval(4 * 3600),
            status: .confirmed, parent: nil, dayNumber: nil, scene: nil,
            attendees: [attendance("C01")], resources: [], meals: [], notes: ""
        )
        let double = try p.checkEvent(event: fitting).filter { $0.kind == .personDoubleBooked }
        XCTAssertFalse(double.isEmpty)
        XCTAssertTrue(double.allSatisfy { $0.events.contains("NEW-FITTING") })
        // With the day itself (and with the scene she is in at that time).
        XCTAssertTrue(double.contains { $0.events.sorted() == ["MU-D01", "NEW-FITTING"] })
        XCTAssertTrue(double.allSatisfy { $0.subjects == [Subject(kind: .person, id: "C01")] })
        // Checking does not add the event.
        XCTAssertFalse(try p.events().contains { $0.id == "NEW-FITTING" })

        // A bad reference: Invalid, with the path inside the event.
        fitting.attendees = [attendance("C01"), attendance("NOBODY")]
        let problems = assertInvalid(try p.checkEvent(event: fitting))
        XCTAssertEqual(problems.first?.path, "event.attendees[1].person")
        XCTAssertTrue(problems.first?.detail.contains("NOBODY") ?? false)
    }

    func testFindSlots() throws {
        let p = try sample()
        let heads = try p.people().filter(\.headOfDepartment).prefix(5).map(\.id)
        XCTAssertEqual(heads.count, 5)
        let earliest = utc("2027-02-15T16:00:00Z")
        let request = SlotRequest(
            people: heads, location: nil, resources: [], durationMinutes: 60,
            earliest: earliest, latest: earliest.addingTimeInterval(14 * 86_400),
            dayStart: "08:00", dayEnd: "19:00", workingDaysOnly: true,
            stepMinutes: 15, count: 2, kind: .meeting, allowWarnings: false
        )
        let slots = try p.findSlots(request: request)
        XCTAssertEqual(slots.count, 2)
        for slot in slots {
            XCTAssertEqual(slot.end.timeIntervalSince(slot.start), 3600)
            XCTAssertGreaterThanOrEqual(slot.start, request.earliest)
            XCTAssertLessThanOrEqual(slot.end, request.latest)
        }
        XCTAssertLessThan(slots[0].start, slots[1].start)

        // A free slot is free: a meeting there has no conflicts for these people.
        let meeting = Event(
            id: "NEW-MEETING", kind: .meeting, title: "Heads of department", unit: nil, location: nil,
            start: slots[0].start, end: slots[0].end, status: .confirmed, parent: nil, dayNumber: nil,
            scene: nil, attendees: heads.map(attendance), resources: [], meals: [], notes: ""
        )
        XCTAssertEqual(try p.checkEvent(event: meeting).filter { $0.severity == .error }, [])

        var empty = request
        empty.durationMinutes = 0
        let problems = assertInvalid(try p.findSlots(request: empty))
        XCTAssertEqual(problems.first?.path, "request.duration_minutes")
    }

    private func attendance(_ person: PersonId) -> Attendance {
        Attendance(person: person, call: nil, makeupCall: nil, onSet: nil, dismissal: nil, note: "")
    }
}
