// One Production (one Rust object behind one handle) used from several
// threads at once: `Production` is Sendable, readers get consistent snapshots.

import Callsheet
import Dispatch
import Foundation
import XCTest

/// Results collected from several threads.
private final class Results<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value] = []
    private var errors: [String] = []

    func append(_ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        values.append(value)
    }

    func fail(_ error: Error) {
        lock.lock()
        defer { lock.unlock() }
        errors.append("\(error)")
    }

    func snapshot() -> (values: [Value], errors: [String]) {
        lock.lock()
        defer { lock.unlock() }
        return (values, errors)
    }
}

final class ThreadingTests: XCTestCase {
    func testConflictsFromFourThreads() throws {
        let p = try sample()
        let expected = try p.conflicts()
        XCTAssertEqual(expected.count, 4)
        let results = Results<[Conflict]>()
        let threads = 4
        let rounds = 3
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            for _ in 0..<rounds {
                do {
                    results.append(try p.conflicts())
                } catch {
                    results.fail(error)
                }
            }
        }
        let (values, errors) = results.snapshot()
        XCTAssertEqual(errors, [])
        XCTAssertEqual(values.count, threads * rounds)
        for value in values {
            XCTAssertEqual(value, expected)
        }
    }

    /// Reads on several threads while another thread imports transactions:
    /// every reader sees the ledger either before or after the import.
    func testReadersDuringAWrite() throws {
        let p = try sample()
        let options = CostReportOptions(asOf: "2027-03-31")
        let before = try p.costReport(options: options).total.actualToDate
        let csv = "id,account,date,amount\r\nINV-9101,3903,2027-03-20,100.00\r\n"
        let results = Results<Decimal>()
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            do {
                if i == 0 {
                    _ = try p.importTransactionsCsv(text: csv)
                } else {
                    results.append(try p.costReport(options: options).total.actualToDate)
                }
            } catch {
                results.fail(error)
            }
        }
        let (values, errors) = results.snapshot()
        XCTAssertEqual(errors, [])
        XCTAssertEqual(values.count, 3)
        let after = before + dec("100.00")
        XCTAssertTrue(values.allSatisfy { $0 == before || $0 == after }, "\(values)")
        XCTAssertEqual(try p.costReport(options: options).total.actualToDate, after)
    }
}
