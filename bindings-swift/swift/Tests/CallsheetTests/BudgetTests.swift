// The budget: topsheet, cost report, exports, CSV imports (all or nothing,
// every problem with its row and column), comparisons and the standard chart.
// Money is Foundation.Decimal throughout, exact to the cent.

import Callsheet
import Foundation
import XCTest

final class BudgetTests: XCTestCase {
    private let asOf: CivilDate = "2027-03-31"

    /// The sample's topsheet (examples/data/README.md, "Budget").
    func testTopsheet() throws {
        let t = try sample().budgetTopsheet()
        XCTAssertEqual(t.currency, "USD")
        XCTAssertEqual(t.grandTotal, Decimal(string: "7256320.79"))
        XCTAssertEqual(t.aboveTheLine, dec("1692970.06"))
        XCTAssertEqual(t.totalBeforeContingency, dec("6596655.26"))
        XCTAssertEqual(t.sections.map(\.section), [.aboveTheLine, .production, .post, .other])
        XCTAssertEqual(t.sections.map(\.total), [dec("1692970.06"), dec("3611965.40"), dec("788710.20"), dec("503009.60")])
        XCTAssertEqual(t.markups.map(\.code), ["contingency", "overhead", "completion_bond"])
        XCTAssertEqual(t.markups[0].percent, dec("10"))
        XCTAssertEqual(t.markups[0].amount, dec("659665.53"))
        XCTAssertEqual(t.categories.count, 37)
        XCTAssertEqual(t.accounts.count, 175)
        XCTAssertFalse(t.fringes.isEmpty)
        XCTAssertTrue(t.globals.contains { $0.name == "SHOOT_DAYS" && $0.value == dec("27") })

        // Every parent is exactly the sum of its children.
        XCTAssertEqual(sum(t.sections.map(\.total)), t.totalBeforeContingency)
        XCTAssertEqual(sum(t.categories.map(\.total)), t.totalBeforeContingency)
        XCTAssertEqual(t.aboveTheLine + t.belowTheLine, t.totalBeforeContingency)
        XCTAssertEqual(t.totalBeforeContingency + sum(t.markups.map(\.amount)), t.grandTotal)
        for category in t.categories {
            XCTAssertEqual(category.lines + category.fringes, category.total, category.code)
        }
        for account in t.accounts {
            XCTAssertEqual(sum(account.fringes.map(\.amount)), account.fringeTotal, account.code)
            XCTAssertEqual(account.lines + account.fringeTotal, account.total, account.code)
        }
    }

    func testTopsheetDocuments() throws {
        let p = try sample()
        let text = try p.topsheetText()
        XCTAssertTrue(text.contains("GRAND TOTAL"))
        XCTAssertTrue(text.contains("7,256,320.79"))
        let csv = try p.topsheetCsv()
        XCTAssertTrue(csv.hasPrefix("Level,Code,Name,Lines,Fringes,Total\r\n"))
        XCTAssertTrue(csv.contains("7256320.79"))
        XCTAssertTrue(try p.topsheetXlsx().starts(with: [0x50, 0x4B]), "an XLSX is a zip")

        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("topsheet.csv")
        try p.exportTopsheet(path: out.path)
        XCTAssertEqual(try Repo.text(out), csv)
    }

    func testCostReport() throws {
        let report = try sample().costReport(options: CostReportOptions(asOf: asOf))
        XCTAssertEqual(report.currency, "USD")
        XCTAssertEqual(report.asOf, "2027-03-31")
        XCTAssertEqual(report.periodStart, "2027-03-25")
        let total = try XCTUnwrap(report.rows.last)
        XCTAssertEqual(total.level, .total)
        XCTAssertEqual(total.code, "TOTAL")
        XCTAssertEqual(total, report.total)
        XCTAssertEqual(total.budget, dec("6596655.26"))
        XCTAssertEqual(total.actualToDate, dec("955494.06"))
        XCTAssertEqual(total.commitments, dec("300882.75"))
        XCTAssertEqual(total.variance, dec("-8000.00"))
        XCTAssertEqual(report.rows.filter { $0.level == .section }.count, 4)
        XCTAssertFalse(report.alerts.isEmpty)

        // The identities of every row.
        for row in report.rows {
            XCTAssertEqual(row.finalBudget, row.budget + row.approvedOverages, row.code)
            XCTAssertEqual(row.totalCost, row.actualToDate + row.commitments, row.code)
            XCTAssertEqual(row.estimatedFinalCost, row.totalCost + row.estimateToComplete, row.code)
            XCTAssertEqual(row.variance, row.finalBudget - row.estimatedFinalCost, row.code)
        }
        // Every parent row is, column by column, the sum of the rows naming it.
        for parent in report.rows where parent.level != .account {
            let children = report.rows.filter { $0.parent == parent.code }
            XCTAssertTrue(!children.isEmpty || parent.level == .category, parent.code)
            XCTAssertEqual(columns(of: children), columns(of: [parent]), parent.code)
        }
    }

    func testCostReportOptions() throws {
        let p = try sample()
        let base = try p.costReport(options: CostReportOptions(asOf: asOf))
        let month = try p.costReport(options: CostReportOptions(asOf: asOf, periodStart: "2027-03-01"))
        XCTAssertEqual(month.periodStart, "2027-03-01")
        XCTAssertGreaterThan(month.total.thisPeriod, 0)
        let strict = try p.costReport(options: CostReportOptions(asOf: asOf, alertPercent: dec("1")))
        XCTAssertGreaterThan(strict.alerts.count, base.alerts.count)
    }

    func testCostReportDocumentsAndExport() throws {
        let p = try sample()
        let options = CostReportOptions(asOf: asOf)
        let rows = try p.costReport(options: options).rows
        let csv = try p.costReportCsv(options: options)
        let lines = csv.components(separatedBy: "\r\n")
        XCTAssertTrue(lines[0].hasPrefix("Level,Code,Name,Budget,"))
        XCTAssertEqual(lines.count, rows.count + 2)
        XCTAssertTrue(lines[lines.count - 2].hasPrefix("total,TOTAL,"))
        let text = try p.costReportText(options: options)
        XCTAssertTrue(text.hasPrefix("COST REPORT as of 2027-03-31"))
        XCTAssertTrue(try p.costReportXlsx(options: options).starts(with: [0x50, 0x4B]))

        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let at = { (name: String) in directory.appendingPathComponent(name).path }
        try p.exportCostReport(path: at("report.csv"), options: options)
        XCTAssertEqual(try Repo.text(URL(fileURLWithPath: at("report.csv"))), csv)
        try p.exportCostReport(path: at("report.txt"), options: options)
        XCTAssertEqual(try Repo.text(URL(fileURLWithPath: at("report.txt"))), text)
        try p.exportCostReport(path: at("report.xlsx"), options: options)
        XCTAssertTrue(try Data(contentsOf: URL(fileURLWithPath: at("report.xlsx"))).starts(with: [0x50, 0x4B]))

        let pdf = assertInvalid(try p.exportCostReport(path: at("report.pdf"), options: options))
        XCTAssertEqual(pdf.first?.path, "path")
        XCTAssertTrue(pdf.first?.detail.contains("\"pdf\"") ?? false, pdf.first?.detail ?? "")
        let missing = assertFileError(try p.exportCostReport(path: at("no/such/dir/report.csv"), options: options))
        XCTAssertTrue(missing?.path.hasSuffix("report.csv") ?? false, missing?.path ?? "")
    }

    /// A transactions CSV with errors: every problem with its spreadsheet row
    /// (the header is row 1) and column, and nothing imported.
    func testTransactionsCsvImportErrors() throws {
        let p = try sample()
        let before = try p.toJson()
        let bad = "id,account,date,amount\nINV-9001,9999,2027-03-40,abc\nINV-2001,3903,2027-03-20,5\n"
        let failure = assertCsvImport(try p.importTransactionsCsv(text: bad))
        XCTAssertEqual(failure.problems.map(\.row), [2, 2, 2, 3])
        XCTAssertEqual(failure.problems.map(\.column), ["account", "date", "amount", "id"])
        XCTAssertEqual(failure.problems.first?.message, "unknown account \"9999\"")
        XCTAssertEqual(failure.problems.last?.message, "\"INV-2001\" is already in the ledger")
        XCTAssertTrue(failure.summary.hasPrefix("4 problems:\n  row 2, column \"account\""), failure.summary)
        XCTAssertEqual(try p.toJson(), before, "a failed import changes nothing")

        // Headers without the required columns: problems on row 1.
        let headers = assertCsvImport(try p.importTransactionsCsv(text: "foo,bar\n1,2\n"))
        XCTAssertFalse(headers.problems.isEmpty)
        XCTAssertTrue(headers.problems.allSatisfy { $0.row == 1 })
        XCTAssertEqual(try p.toJson(), before)
    }

    func testTransactionsCsvImport() throws {
        let p = try sample()
        let options = CostReportOptions(asOf: asOf)
        let actual = try p.costReport(options: options).total.actualToDate
        let good = "id,account,date,amount,description\r\n"
            + "INV-9001,3903,2027-03-20,\"1,250.00\",Stage rent top-up\r\n"
            + "PC-9002,1102,2027-03-21,(12.50),Refund\r\n"
        XCTAssertEqual(try p.importTransactionsCsv(text: good), 2)
        XCTAssertEqual(try p.costReport(options: options).total.actualToDate - actual, dec("1237.50"))
        XCTAssertEqual(try p.validate(), [])
        // The same rows again: their ids are in the ledger now.
        assertCsvImport(try p.importTransactionsCsv(text: good))
    }

    func testBudgetCsvImportAndComparison() throws {
        let before = try sample()
        let after = try sample()
        let json = try after.toJson()

        let bad = "account,description,amount,unit,rate\n3301,DP,6,fortnights,abc\n"
        let failure = assertCsvImport(try after.importBudgetCsv(text: bad))
        XCTAssertEqual(failure.problems.map(\.row), [2, 2])
        XCTAssertEqual(failure.problems.map(\.column), ["unit", "rate"])
        XCTAssertEqual(try after.toJson(), json)

        let same = try compareBudgets(before: before, after: after)
        XCTAssertEqual(same.grandTotal.delta, 0)
        XCTAssertTrue(same.accounts.allSatisfy { $0.delta == 0 })
        XCTAssertEqual(same.globals, [])

        let lines = "account,description,amount,unit,rate,fringes\n"
            + "3301,DP - shoot,SHOOT_WEEKS,weeks,4500.00,FICA;MEDICARE\n"
            + "1102,Screenplay,1,flat,\"120,000.00\",\n"
        XCTAssertEqual(try after.importBudgetCsv(text: lines), 2)
        let newTotal = try after.budgetTopsheet().grandTotal
        let compared = try compareBudgets(before: before, after: after)
        XCTAssertEqual(compared.grandTotal.before, dec("7256320.79"))
        XCTAssertEqual(compared.grandTotal.after, newTotal)
        XCTAssertEqual(compared.grandTotal.delta, newTotal - dec("7256320.79"))
        let screenplay = try XCTUnwrap(compared.accounts.first { $0.code == "1102" })
        XCTAssertEqual(screenplay.after, dec("120000.00"))
        XCTAssertEqual(compared.markups.count, 3)
        XCTAssertEqual(compared.sections.count, 4)
    }

    func testStandardChart() throws {
        let chart = try standardFeatureChart()
        XCTAssertEqual(chart.categories.count, 37)
        XCTAssertEqual(chart.accounts.count, 175)
        XCTAssertEqual(chart.categories.first?.code, "1100")
        XCTAssertEqual(chart.categories.first?.section, .aboveTheLine)
    }

    /// The ten money columns of the rows, summed column by column.
    private func columns(of rows: [CostReportRow]) -> [Decimal] {
        let columns: [[Decimal]] = rows.map {
            [$0.budget, $0.approvedOverages, $0.finalBudget, $0.thisPeriod, $0.actualToDate,
             $0.commitments, $0.totalCost, $0.estimateToComplete, $0.estimatedFinalCost, $0.variance]
        }
        return (0..<10).map { i in sum(columns.map { $0[i] }) }
    }
}
