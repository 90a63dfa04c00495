// Loading, reading, validating and saving a production; every error case
// of the production file with its path.

import Callsheet
import Foundation
import XCTest

final class ProductionTests: XCTestCase {
    func testLoadAndRead() throws {
        let p = try sample()
        XCTAssertEqual(try p.name(), "The Long Way Home")
        XCTAssertEqual(try p.zone(), "America/Los_Angeles")
        XCTAssertEqual(try p.currency(), "USD")
        XCTAssertEqual(try p.validate(), [])

        // Counts from examples/data/README.md.
        let people = try p.people()
        XCTAssertEqual(people.count, 102)
        XCTAssertEqual(people.filter { $0.category == .cast }.count, 25)
        XCTAssertEqual(people.filter { $0.category == .crew }.count, 76)
        XCTAssertEqual(try p.locations().count, 16)
        XCTAssertEqual(try p.resources().count, 16)
        let events = try p.events()
        XCTAssertEqual(events.count, 182)
        XCTAssertEqual(events.filter { $0.kind == .shootDay }.count, 30)
        XCTAssertEqual(try p.units().map(\.id), ["U-MAIN", "U-2ND"])

        // The minor: a civil date of birth as "YYYY-MM-DD".
        let minor = try XCTUnwrap(people.first { $0.id == "C06" })
        XCTAssertEqual(minor.dateOfBirth, "2016-09-12")
        XCTAssertEqual(minor.castNumber, 6)

        // Instants are Dates: Day 1's general call is 07:00 PST = 15:00Z.
        let day1 = try XCTUnwrap(events.first { $0.id == "MU-D01" })
        XCTAssertEqual(day1.start, utc("2027-02-22T15:00:00Z"))
        XCTAssertEqual(day1.end, utc("2027-02-23T02:00:00Z"))
        XCTAssertEqual(day1.dayNumber, 1)
        XCTAssertEqual(day1.unit, "U-MAIN")

        // Money is an exact Foundation.Decimal.
        let camera = try XCTUnwrap(try p.resources().first { $0.id == "RES-ALEXA35" })
        XCTAssertEqual(camera.quantity, 2)
        XCTAssertEqual(camera.serials, ["A35-10472", "A35-10519"])
        let rates = try p.resources().compactMap(\.dayRate)
        XCTAssertFalse(rates.isEmpty)
        XCTAssertTrue(rates.allSatisfy { $0.currency == "USD" && $0.amount > 0 })

        let calendar = try p.calendar()
        XCTAssertEqual(calendar.workWeek, [.mon, .tue, .wed, .thu, .fri])
        XCTAssertTrue(calendar.holidays.contains { $0.date == "2027-03-26" })

        let dates = try p.shootDates()
        XCTAssertEqual(dates.first, "2027-02-22")
        XCTAssertEqual(dates.last, "2027-04-02")

        XCTAssertEqual(try formatVersion(), 1)
        XCTAssertFalse(try libraryVersion().isEmpty)
    }

    /// Amounts keep the file's digits: the Decimal equals the file's text.
    func testAmountsAreExact() throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Repo.sample)) as? [String: Any]
        let resources = try XCTUnwrap(json?["resources"] as? [[String: Any]])
        var inFile: [String: String] = [:]
        for resource in resources {
            if let id = resource["id"] as? String,
               let rate = resource["day_rate"] as? [String: Any],
               let amount = rate["amount"] as? String {
                inFile[id] = amount
            }
        }
        XCTAssertFalse(inFile.isEmpty)
        let p = try sample()
        var got: [String: Decimal] = [:]
        for resource in try p.resources() {
            if let rate = resource.dayRate {
                got[resource.id] = rate.amount
            }
        }
        XCTAssertEqual(Set(got.keys), Set(inFile.keys))
        for (id, text) in inFile {
            XCTAssertEqual(got[id], dec(text), id)
        }
    }

    func testRoundTripAndSave() throws {
        let p = try sample()
        let text = try p.toJson()
        XCTAssertEqual(text, try Repo.text(Repo.sample))
        XCTAssertEqual(try Production.fromJson(text: text).toJson(), text)

        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("copy.json")
        try p.save(path: copy.path)
        XCTAssertEqual(try Repo.text(copy), text)
        XCTAssertEqual(try Production.load(path: copy.path).toJson(), text)

        // Saving into a missing directory: File, with the path asked for.
        let nowhere = directory.appendingPathComponent("no/such/dir/copy.json").path
        let failure = assertFileError(try p.save(path: nowhere))
        XCTAssertEqual(failure?.path, nowhere)
        XCTAssertFalse(failure?.detail.isEmpty ?? true)
    }

    /// A bad file on disk: `Invalid`, every problem with its path.
    func testLoadBadFileGivesPaths() throws {
        let path = Repo.badFiles.appendingPathComponent("unknown-attendee.json").path
        let problems = assertInvalid(try Production.load(path: path))
        XCTAssertEqual(problems.map(\.path), ["events[0].attendees[2].person"])
        XCTAssertEqual(problems.first?.detail, "unknown person \"P99\"")

        let several = assertInvalid(try Production.load(
            path: Repo.badFiles.appendingPathComponent("several-problems.json").path))
        XCTAssertEqual(several.map(\.path), ["people[1].home_base", "events[0].attendees[2].person", "events[1]"])
    }

    /// Every file in core/tests/data/bad gives exactly the problems listed in
    /// its expected.json, as "path: detail".
    func testEveryBadFile() throws {
        let expectedText = try Data(contentsOf: Repo.badFiles.appendingPathComponent("expected.json"))
        let expected = try JSONDecoder().decode([String: [String]].self, from: expectedText)
        XCTAssertGreaterThanOrEqual(expected.count, 20)
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Repo.badFiles.path)
            .filter { $0.hasSuffix(".json") && $0 != "expected.json" }
            .map { String($0.dropLast(".json".count)) }
        XCTAssertEqual(Set(onDisk), Set(expected.keys), "bad files on disk vs expected.json")

        for (name, want) in expected.sorted(by: { $0.key < $1.key }) {
            let text = try Repo.text(Repo.badFiles.appendingPathComponent("\(name).json"))
            let problems = assertInvalid(try Production.fromJson(text: text))
            XCTAssertEqual(problems.map { "\($0.path): \($0.detail)" }, want, name)
        }
    }

    func testMissingFileIsAFileError() {
        let failure = assertFileError(try Production.load(path: "/no/such/file.json"))
        XCTAssertEqual(failure?.path, "/no/such/file.json")
        XCTAssertFalse(failure?.detail.isEmpty ?? true)
    }

    /// CallsheetError is a Swift Error with a readable description.
    func testErrorsAreSwiftErrors() {
        do {
            _ = try Production.fromJson(text: "{")
            XCTFail("parsed '{'")
        } catch let error as CallsheetError {
            guard case .Invalid(let summary, let problems) = error else {
                return XCTFail("expected Invalid, got \(error)")
            }
            XCTAssertFalse(summary.isEmpty)
            XCTAssertEqual(problems.count, 1)
            XCTAssertFalse(error.localizedDescription.isEmpty)
        } catch {
            XCTFail("expected CallsheetError, got \(error)")
        }
    }
}
