// Shared helpers of the Swift tests: where the repository's test data is,
// the sample production, UTC instants, civil dates, exact decimals, and
// assertions on CallsheetError's cases.

import Callsheet
import Foundation
import XCTest

enum Repo {
    /// The repository root: $CALLSHEET_REPO, else five levels above this file
    /// (Tests/CallsheetTests/Support.swift in bindings-swift/swift).
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["CALLSHEET_REPO"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    static let sample = root.appendingPathComponent("examples/data/sample-production.json")
    static let badFiles = root.appendingPathComponent("core/tests/data/bad")

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}

/// The sample production, *The Long Way Home* (examples/data/README.md).
func sample() throws -> Production {
    try Production.load(path: Repo.sample.path)
}

/// A UTC instant from RFC 3339 text such as "2027-03-05T06:30:00Z".
func utc(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else {
        XCTFail("not an RFC 3339 instant: \(text)", file: file, line: line)
        return Date(timeIntervalSince1970: 0)
    }
    return date
}

/// An exact decimal from text ("7256320.79"): never through Double.
func dec(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Decimal {
    guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
        XCTFail("not a decimal: \(text)", file: file, line: line)
        return 0
    }
    return value
}

func sum(_ values: [Decimal]) -> Decimal {
    values.reduce(Decimal(0), +)
}

/// Civil dates cross as "YYYY-MM-DD" strings (`CivilDate`); these helpers do
/// calendar arithmetic on them in UTC, where every day has 24 hours.
enum Civil {
    static func calendar() -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.calendar = calendar()
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }

    static func date(_ text: CivilDate) -> Date? {
        formatter().date(from: text)
    }

    static func adding(days: Int, to text: CivilDate) -> CivilDate? {
        guard let start = Civil.date(text), let later = calendar().date(byAdding: .day, value: days, to: start) else {
            return nil
        }
        return formatter().string(from: later)
    }

    static func weekday(_ text: CivilDate) -> Weekday? {
        guard let day = Civil.date(text) else { return nil }
        // Calendar: 1 = Sunday ... 7 = Saturday.
        let weekdays: [Weekday] = [.sun, .mon, .tue, .wed, .thu, .fri, .sat]
        return weekdays[calendar().component(.weekday, from: day) - 1]
    }
}

/// The problems of a `CallsheetError.Invalid` thrown by `body`; fails (and
/// returns []) when `body` returns or throws anything else.
@discardableResult
func assertInvalid<T>(
    _ body: @autoclosure () throws -> T,
    file: StaticString = #filePath,
    line: UInt = #line
) -> [Problem] {
    do {
        let value = try body()
        XCTFail("expected CallsheetError.Invalid, got \(value)", file: file, line: line)
    } catch let CallsheetError.Invalid(summary, problems) {
        XCTAssertFalse(summary.isEmpty, "Invalid with an empty summary", file: file, line: line)
        XCTAssertFalse(problems.isEmpty, "Invalid without problems", file: file, line: line)
        return problems
    } catch {
        XCTFail("expected CallsheetError.Invalid, got \(error)", file: file, line: line)
    }
    return []
}

/// The (path, detail) of a `CallsheetError.File` thrown by `body`.
@discardableResult
func assertFileError<T>(
    _ body: @autoclosure () throws -> T,
    file: StaticString = #filePath,
    line: UInt = #line
) -> (path: String, detail: String)? {
    do {
        let value = try body()
        XCTFail("expected CallsheetError.File, got \(value)", file: file, line: line)
    } catch let CallsheetError.File(path, detail) {
        return (path, detail)
    } catch {
        XCTFail("expected CallsheetError.File, got \(error)", file: file, line: line)
    }
    return nil
}

/// The summary and problems of a `CallsheetError.CsvImport` thrown by `body`.
@discardableResult
func assertCsvImport<T>(
    _ body: @autoclosure () throws -> T,
    file: StaticString = #filePath,
    line: UInt = #line
) -> (summary: String, problems: [CsvProblem]) {
    do {
        let value = try body()
        XCTFail("expected CallsheetError.CsvImport, got \(value)", file: file, line: line)
    } catch let CallsheetError.CsvImport(summary, problems) {
        return (summary, problems)
    } catch {
        XCTFail("expected CallsheetError.CsvImport, got \(error)", file: file, line: line)
    }
    return ("", [])
}

/// A fresh empty directory for files a test writes; removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("callsheet-swift-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
