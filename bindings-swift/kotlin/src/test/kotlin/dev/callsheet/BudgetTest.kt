// JVM tests of the budget exports through the generated Kotlin: the topsheet,
// the cost report, CSV import (all or nothing), comparison and the exports.
package dev.callsheet

import java.math.BigDecimal
import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDate
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

class BudgetTest {
    private val asOf = LocalDate.of(2027, 3, 31)
    private lateinit var p: Production

    @BeforeEach
    fun load() {
        p = Samples.load()
    }

    @AfterEach
    fun close() {
        p.close()
    }

    private fun options() = CostReportOptions(asOf = asOf)

    private fun sum(values: List<BigDecimal>): BigDecimal = values.fold(BigDecimal.ZERO, BigDecimal::add)

    private fun startsWithPk(bytes: ByteArray) =
        bytes.size > 2 && bytes[0] == 'P'.code.toByte() && bytes[1] == 'K'.code.toByte()

    @Test
    fun topsheetOfTheSample() {
        val t = p.budgetTopsheet()
        assertEquals("USD", t.currency)
        assertAmount("7256320.79", t.grandTotal, "grand total")
        assertEquals("7256320.79", t.grandTotal.toPlainString())
        assertEquals(37, t.categories.size)
        assertEquals(175, t.accounts.size)
        assertAmount(t.totalBeforeContingency, sum(t.sections.map { it.total }), "sections")
        assertAmount(t.totalBeforeContingency, t.aboveTheLine + t.belowTheLine, "above + below")
        assertAmount(t.totalBeforeContingency, sum(t.categories.map { it.total }), "categories")
        assertEquals(listOf("contingency", "overhead", "completion_bond"), t.markups.map { it.code })
        assertAmount("10", t.markups[0].percent, "contingency %")
        assertAmount(t.grandTotal, t.totalBeforeContingency + sum(t.markups.map { it.amount }), "markups")
        assertEquals(
            listOf(BudgetSection.ABOVE_THE_LINE, BudgetSection.PRODUCTION, BudgetSection.POST, BudgetSection.OTHER),
            t.sections.map { it.section },
        )
        for (a in t.accounts) {
            assertAmount(a.fringeTotal, sum(a.fringes.map { it.amount }), a.code)
            assertAmount(a.total, a.lines + a.fringeTotal, a.code)
        }
        assertTrue(t.globals.isNotEmpty())
        val chart = standardFeatureChart()
        assertEquals(37, chart.categories.size)
        assertEquals(175, chart.accounts.size)
    }

    @Test
    fun topsheetDocuments(@TempDir dir: Path) {
        val text = p.topsheetText()
        assertTrue("GRAND TOTAL" in text)
        assertTrue("7,256,320.79" in text)
        val csv = p.topsheetCsv()
        assertTrue(csv.startsWith("Level,Code,Name,Lines,Fringes,Total\r\n"), csv.take(80))
        val xlsx = p.topsheetXlsx()
        assertTrue(startsWithPk(xlsx))
        val out = dir.resolve("topsheet.xlsx")
        p.exportTopsheet(out.toString())
        assertTrue(startsWithPk(Files.readAllBytes(out)))
    }

    @Test
    fun costReportTotalIsTheSumOfItsSections() {
        val report = p.costReport(options())
        assertEquals(asOf, report.asOf)
        assertEquals(LocalDate.of(2027, 3, 25), report.periodStart)
        val total = report.rows.last()
        assertEquals(BudgetLevel.TOTAL, total.level)
        assertEquals("TOTAL", total.code)
        assertEquals(report.total, total)
        val sections = report.rows.filter { it.level == BudgetLevel.SECTION }
        assertEquals(4, sections.size)
        val columns: List<Pair<String, (CostReportRow) -> BigDecimal>> = listOf(
            "budget" to { r -> r.budget },
            "approvedOverages" to { r -> r.approvedOverages },
            "finalBudget" to { r -> r.finalBudget },
            "thisPeriod" to { r -> r.thisPeriod },
            "actualToDate" to { r -> r.actualToDate },
            "commitments" to { r -> r.commitments },
            "totalCost" to { r -> r.totalCost },
            "estimateToComplete" to { r -> r.estimateToComplete },
            "estimatedFinalCost" to { r -> r.estimatedFinalCost },
            "variance" to { r -> r.variance },
        )
        for ((name, column) in columns) {
            assertAmount(column(total), sum(sections.map(column)), name)
            // and every section is the sum of its categories
            for (section in sections) {
                val categories = report.rows.filter { it.level == BudgetLevel.CATEGORY && it.parent == section.code }
                assertAmount(column(section), sum(categories.map(column)), "${section.code} $name")
            }
        }
        assertAmount("6596655.26", total.budget, "budget")
        assertTrue(report.alerts.isNotEmpty())
        assertTrue(report.alerts.all { it.kind == CostAlertKind.OVER_BUDGET || it.kind == CostAlertKind.NEAR_BUDGET })

        val wider = p.costReport(CostReportOptions(asOf = asOf, periodStart = LocalDate.of(2027, 3, 1), alertPercent = BigDecimal.ONE))
        assertTrue(wider.total.thisPeriod.signum() > 0)
        assertTrue(wider.alerts.size > report.alerts.size)
    }

    @Test
    fun costReportDocuments(@TempDir dir: Path) {
        val rows = p.costReport(options()).rows
        val csv = p.costReportCsv(options())
        val lines = csv.split("\r\n")
        assertEquals(rows.size + 2, lines.size)
        assertTrue(lines[rows.size].startsWith("total,TOTAL,"), lines[rows.size])
        assertTrue(p.costReportText(options()).startsWith("COST REPORT as of 2027-03-31"))
        val xlsx = p.costReportXlsx(options())
        assertTrue(startsWithPk(xlsx))

        val out = dir.resolve("report.xlsx")
        p.exportCostReport(out.toString(), options())
        assertArrayEquals(xlsx, Files.readAllBytes(out))
        p.exportCostReport(dir.resolve("report.csv").toString(), options())
        assertEquals(csv, Files.readString(dir.resolve("report.csv")))
        val error = assertThrows<CallsheetException.Invalid> {
            p.exportCostReport(dir.resolve("report.pdf").toString(), options())
        }
        assertEquals("path", error.problems[0].path)
        assertThrows<CallsheetException.File> {
            p.exportCostReport(dir.resolve("no/such/dir/report.csv").toString(), options())
        }
    }

    @Test
    fun transactionsImportIsAllOrNothing() {
        val before = p.toJson()
        val bad = "id,account,date,amount\nINV-9001,9999,2027-03-40,abc\nINV-2001,3903,2027-03-20,5\n"
        val error = assertThrows<CallsheetException.CsvImport> { p.importTransactionsCsv(bad) }
        assertEquals(
            listOf(2uL to "account", 2uL to "date", 2uL to "amount", 3uL to "id"),
            error.problems.map { it.row to it.column },
        )
        assertEquals("unknown account \"9999\"", error.problems[0].message)
        assertTrue(error.summary.startsWith("4 problems:"), error.summary)
        assertEquals(before, p.toJson(), "a failed import changes nothing")

        val actual = p.costReport(options()).total.actualToDate
        val good = "id,account,date,amount,description\r\n" +
            "INV-9001,3903,2027-03-20,\"1,250.00\",Stage rent top-up\r\n" +
            "PC-9002,1102,2027-03-21,(12.50),Refund\r\n"
        assertEquals(2uL, p.importTransactionsCsv(good))
        assertNotEquals(before, p.toJson())
        assertAmount("1237.50", p.costReport(options()).total.actualToDate - actual, "new actuals")
        val again = assertThrows<CallsheetException.CsvImport> { p.importTransactionsCsv(good) }
        assertEquals(listOf("id", "id"), again.problems.map { it.column })
    }

    @Test
    fun budgetImportAndComparison() {
        Samples.load().use { original ->
            val before = p.toJson()
            val error = assertThrows<CallsheetException.CsvImport> {
                p.importBudgetCsv("account,description,amount,unit,rate\n3301,DP,6,fortnights,abc\n")
            }
            assertEquals(listOf(2uL to "unit", 2uL to "rate"), error.problems.map { it.row to it.column })
            assertEquals(before, p.toJson())

            val same = compareBudgets(original, p)
            assertEquals(0, same.grandTotal.delta.signum())
            assertTrue(same.accounts.all { it.delta.signum() == 0 })
            assertEquals(emptyList<GlobalDelta>(), same.globals)

            assertEquals(1uL, p.importBudgetCsv("account,description,amount,unit,rate\n1102,Screenplay,1,flat,120000.00\n"))
            val cmp = compareBudgets(original, p)
            assertAmount("7256320.79", cmp.grandTotal.before, "before")
            assertAmount(p.budgetTopsheet().grandTotal, cmp.grandTotal.after, "after")
            assertAmount(cmp.grandTotal.after - cmp.grandTotal.before, cmp.grandTotal.delta, "delta")
            assertAmount("120000", cmp.accounts.first { it.code == "1102" }.after, "1102")
            assertEquals(3, cmp.markups.size)
        }
    }
}
