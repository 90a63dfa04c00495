// Logistics: the day's transport plan (runs, stops, riders, pickup lists,
// travel-day movements) and pooled resources (timeline, unit assignment).

import Callsheet
import Foundation
import XCTest

final class TransportTests: XCTestCase {
    private let firstDay: CivilDate = "2027-02-22"

    func testTransportForTheFirstShootDay() throws {
        let p = try sample()
        XCTAssertEqual(try p.shootDates().first, firstDay)
        // The record's defaults are the Rust ones.
        let options = TransportOptions()
        XCTAssertEqual(options, TransportOptions(
            bufferMinutes: 15, lodging: [], maxWaitMinutes: 30, maxDetourMinutes: 20,
            maxStops: 3, stopMinutes: 5, maxDrivingMinutes: 600))

        let plan = try p.planTransport(date: firstDay, options: options)
        XCTAssertEqual(plan.date, firstDay)
        XCTAssertEqual(plan.bufferMinutes, 15)
        XCTAssertFalse(plan.runs.isEmpty)
        XCTAssertFalse(plan.driverLists.isEmpty)
        XCTAssertEqual(plan.movements, [], "no travel on a shoot day")

        for (i, run) in plan.runs.enumerated() {
            XCTAssertEqual(Int(run.number), i + 1)
            let riders = Set(run.riders.map(\.person))
            XCTAssertFalse(riders.isEmpty)
            // Arrival is the earliest rider's call less the 15-minute buffer.
            let earliest = try XCTUnwrap(run.riders.map(\.call).min())
            XCTAssertEqual(run.arrive, earliest.addingTimeInterval(-15 * 60), "run \(run.number)")
            let first = try XCTUnwrap(run.stops.first)
            let last = try XCTUnwrap(run.stops.last)
            XCTAssertEqual(run.depart, first.at)
            XCTAssertEqual(last.kind, .dropOff)
            XCTAssertEqual(last.at, run.arrive)
            XCTAssertEqual(last.location, run.destination)
            XCTAssertTrue(run.stops.dropLast().allSatisfy { $0.kind == .pickup })
            XCTAssertEqual(Set(last.people), riders)
            for stop in run.stops {
                // Wall-clock time at the stop: "YYYY-MM-DDTHH:MM:SS" and "HH:MM".
                XCTAssertEqual(stop.local.count, 19, stop.local)
                XCTAssertTrue(stop.local.hasPrefix(firstDay + "T"), stop.local)
                XCTAssertEqual(stop.clock, String(stop.local.dropFirst(11).prefix(5)))
                XCTAssertEqual(stop.zone, "America/Los_Angeles")
            }
            for rider in run.riders {
                XCTAssertLessThanOrEqual(rider.pickup, rider.latestPickup, rider.person)
                XCTAssertLessThan(rider.pickup, rider.call, rider.person)
            }
        }
        let riders = plan.runs.reduce(0) { $0 + $1.riders.count }
        XCTAssertGreaterThanOrEqual(riders, 20)

        // The first pickup: 05:55 PST at the production office.
        let pickup = try XCTUnwrap(plan.runs.first?.stops.first)
        XCTAssertEqual(pickup.kind, .pickup)
        XCTAssertEqual(pickup.location, "LOC-OFFICE")
        XCTAssertEqual(pickup.at, utc("2027-02-22T13:55:00Z"))
        XCTAssertEqual(pickup.local, "2027-02-22T05:55:00")
        XCTAssertEqual(pickup.clock, "05:55")

        let text = try p.transportText(date: firstDay, options: options)
        XCTAssertTrue(text.hasPrefix("== Transport 2027-02-22: \(plan.runs.count) runs, \(riders) riders"), text)
    }

    func testTravelDayMovements() throws {
        // Mon 15 Mar: company travel to New Mexico, no shooting.
        let plan = try sample().planTransport(date: "2027-03-15", options: TransportOptions())
        XCTAssertEqual(plan.runs, [])
        XCTAssertFalse(plan.movements.isEmpty)
        for movement in plan.movements {
            XCTAssertEqual(movement.event, "TRV-OUT", movement.person)
            XCTAssertLessThan(movement.depart, movement.arrive, movement.person)
            XCTAssertTrue(movement.departLocal.hasPrefix("2027-03-15T"), movement.departLocal)
        }
    }

    func testTransportErrorsNameTheOption() throws {
        let p = try sample()
        let stops = assertInvalid(try p.planTransport(date: firstDay, options: TransportOptions(maxStops: 0)))
        XCTAssertEqual(stops.first?.path, "options.max_stops")

        let lodging = Lodging(person: "NOBODY", night: "2027-02-21", location: "LOC-OFFICE")
        let unknown = assertInvalid(try p.planTransport(date: firstDay, options: TransportOptions(lodging: [lodging])))
        XCTAssertEqual(unknown.first?.path, "options.lodging[0].person")
        XCTAssertTrue(unknown.first?.detail.contains("NOBODY") ?? false)

        // A day without calls: an empty plan, not an error.
        let sunday = try p.planTransport(date: "2027-02-21", options: TransportOptions())
        XCTAssertEqual(sunday.runs, [])
    }
}

final class EquipmentTests: XCTestCase {
    func testResourceTimeline() throws {
        let timeline = try sample().resourceTimeline(resource: "RES-ALEXA35")
        XCTAssertEqual(timeline.resource, "RES-ALEXA35")
        XCTAssertEqual(timeline.owned, 2)
        XCTAssertFalse(timeline.segments.isEmpty)
        for (a, b) in zip(timeline.segments, timeline.segments.dropFirst()) {
            XCTAssertLessThan(a.start, a.end)
            XCTAssertLessThanOrEqual(a.end, b.start)
        }
        for s in timeline.segments {
            XCTAssertEqual(s.available, s.usable > s.booked ? s.usable - s.booked : 0)
            XCTAssertEqual(s.overAllocated, s.booked > s.usable ? s.booked - s.usable : 0)
            XCTAssertEqual(s.bookings.reduce(UInt32(0)) { $0 + $1.quantity }, s.booked)
        }
        // Seed 3: 3 booked of 2 over 07:00-18:00 PST on Wed 10 Mar, buffers included.
        let over = timeline.segments.filter { $0.overAllocated > 0 }
        XCTAssertEqual(over.count, 1)
        let segment = try XCTUnwrap(over.first)
        XCTAssertEqual(segment.start, utc("2027-03-10T15:00:00Z"))
        XCTAssertEqual(segment.end, utc("2027-03-11T02:00:00Z"))
        XCTAssertEqual(segment.booked, 3)
        XCTAssertEqual(segment.overAllocated, 1)
        XCTAssertEqual(Set(segment.bookings.map(\.event)), ["MU-D13", "2U-D03"])
    }

    func testAssignUnits() throws {
        let p = try sample()
        let units = try p.assignUnits(resource: "RES-ALEXA35")
        XCTAssertEqual(units.owned, 2)
        XCTAssertEqual(units.unitsUsed, ["A35-10472", "A35-10519"])
        XCTAssertFalse(units.bookings.isEmpty)
        for booking in units.bookings {
            XCTAssertLessThanOrEqual(booking.units.count, Int(booking.booking.quantity))
            XCTAssertTrue(booking.units.allSatisfy { units.unitsUsed.contains($0) })
        }
        XCTAssertEqual(units.shortfalls.count, 1)
        for missing in units.shortfalls {
            XCTAssertEqual(missing.missing, missing.needed - missing.assigned)
            XCTAssertEqual(missing.reason, .allUnitsBusy)
        }
    }

    func testUnknownResource() throws {
        let p = try sample()
        for problems in [
            assertInvalid(try p.resourceTimeline(resource: "NOPE")),
            assertInvalid(try p.assignUnits(resource: "NOPE")),
        ] {
            XCTAssertEqual(problems.first?.path, "resource")
            XCTAssertEqual(problems.first?.detail, "unknown resource \"NOPE\"")
        }
    }
}

final class RoomingTests: XCTestCase {
    func testRoomsForTheNewMexicoShootAndTransportFromTheHotels() throws {
        let p = try sample()
        let rooms = try p.allocateRooms(options: nil)
        XCTAssertEqual(rooms.housed, 65)
        XCTAssertEqual(rooms.unhoused, [])
        XCTAssertEqual(rooms.roomNights, 567)
        XCTAssertTrue(rooms.optimality.proven)
        XCTAssertEqual(rooms.cost.first?.amount, Decimal(string: "103343.00"))
        XCTAssertTrue(try p.roomingOptions().stayLastNight)
        // With the defaults people go home after their last day.
        XCTAssertLessThan(try p.allocateRooms(options: RoomingOptions()).roomNights, rooms.roomNights)
        XCTAssertTrue(try p.roomingText(options: nil).hasPrefix("== Rooming: 65 stays housed"))
        let plan = try p.planTransport(date: "2027-03-16", options: TransportOptions(lodging: rooms.lodging))
        XCTAssertEqual(plan.unassigned, [])
        let bad = RoomingOptions(locationHotels: [LocationHotels(location: "LOC-RANCH", hotels: ["HTL-NOWHERE"])])
        let problems = assertInvalid(try p.allocateRooms(options: bad))
        XCTAssertEqual(problems.first?.path, "options.location_hotels[0].hotels[0]")
    }
}
