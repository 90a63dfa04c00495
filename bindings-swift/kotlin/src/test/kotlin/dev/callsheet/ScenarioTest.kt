// The shared scenario (tests/scenario/expected.json): the same answers as the
// Rust suite, the uniffi-Python suite and the Swift package, field by field.
package dev.callsheet

import com.google.gson.JsonObject
import com.google.gson.JsonParser
import java.math.BigDecimal
import java.nio.file.Files
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Test

class ScenarioTest {
    private val expected: JsonObject =
        JsonParser.parseString(Files.readString(Samples.repo.resolve("tests/scenario/expected.json"))).asJsonObject

    @Test
    fun conflictsAreTheSameInEveryLanguage() {
        Samples.load().use { p ->
            val want = expected.getAsJsonArray("conflicts").map { it.asJsonObject }
            val got = p.conflicts()
            assertEquals(want.size, got.size, "conflict count")
            for ((w, g) in want.zip(got)) {
                assertEquals(w["kind"].asString, g.kind.name.lowercase())
                assertEquals(w["severity"].asString, g.severity.name.lowercase())
                assertEquals(
                    w["subjects"].asJsonArray.map { it.asJsonObject["kind"].asString to it.asJsonObject["id"].asString },
                    g.subjects.map { it.kind.name.lowercase() to it.id },
                )
                assertEquals(w["events"].asJsonArray.map { it.asString }, g.events)
                assertEquals(w["start"].asString, g.start.toString())
                assertEquals(w["end"].asString, g.end.toString())
                assertEquals(w["message"].asString, g.message)
                val cost = w["cost"]
                if (cost.isJsonNull) {
                    assertEquals(null, g.cost)
                } else {
                    assertAmount(cost.asJsonObject["amount"].asString, g.cost!!.amount, "cost of ${g.message}")
                    assertEquals(cost.asJsonObject["currency"].asString, g.cost!!.currency)
                }
            }
        }
    }

    @Test
    fun topsheetAndCostReportAreTheSameInEveryLanguage() {
        Samples.load().use { p ->
            val top = expected.getAsJsonObject("topsheet")
            val t = p.budgetTopsheet()
            assertAmount(top["above_the_line"].asString, t.aboveTheLine, "ATL")
            assertAmount(top["below_the_line"].asString, t.belowTheLine, "BTL")
            assertAmount(top["grand_total"].asString, t.grandTotal, "grand total")
            val cost = expected.getAsJsonObject("cost_report")
            val r = p.costReport(CostReportOptions(asOf = LocalDate.parse(cost["as_of"].asString)))
            val total = cost.getAsJsonObject("total")
            val columns = mapOf(
                "budget" to r.total.budget,
                "approved_overages" to r.total.approvedOverages,
                "final_budget" to r.total.finalBudget,
                "this_period" to r.total.thisPeriod,
                "actual_to_date" to r.total.actualToDate,
                "commitments" to r.total.commitments,
                "total_cost" to r.total.totalCost,
                "estimate_to_complete" to r.total.estimateToComplete,
                "estimated_final_cost" to r.total.estimatedFinalCost,
                "variance" to r.total.variance,
            )
            assertEquals(total.keySet(), columns.keys)
            for ((name, value) in columns) assertAmount(total[name].asString, value, name)
            assertEquals(
                cost["alerts"].asJsonArray.map { it.asJsonObject["account"].asString to it.asJsonObject["message"].asString },
                r.alerts.map { it.account to it.message },
            )
        }
    }

    @Test
    fun roomsAreTheSameInEveryLanguage() {
        Samples.load().use { p ->
            val want = expected.getAsJsonObject("rooms")
            val rooms = p.allocateRooms(null)
            assertEquals(want["housed"].asLong.toULong(), rooms.housed)
            assertEquals(want["unhoused"].asInt, rooms.unhoused.size)
            assertEquals(want["room_nights"].asLong.toULong(), rooms.roomNights)
            assertEquals(
                want.getAsJsonArray("cost").map { it.asJsonObject["currency"].asString },
                rooms.cost.map { it.currency },
            )
            for ((w, g) in want.getAsJsonArray("cost").zip(rooms.cost)) {
                assertAmount(w.asJsonObject["amount"].asString, g.amount, "room cost")
            }
            val accounts = want.getAsJsonArray("cost_by_account").map { it.asJsonObject }
            assertEquals(accounts.map { it["account"].asString }, rooms.costByAccount.map { it.account })
            for ((w, g) in accounts.zip(rooms.costByAccount)) {
                assertAmount(w.getAsJsonObject("cost")["amount"].asString, g.cost.amount, "account ${g.account}")
            }
            assertEquals(
                want.getAsJsonArray("assignments").map {
                    val a = it.asJsonObject
                    listOf(a["person"].asString, a["block"].asString, a["room"].asString, a["first_night"].asString, a["last_night"].asString)
                },
                rooms.assignments.map {
                    listOf(it.person, it.block, it.room, it.firstNight.toString(), it.lastNight.toString())
                },
            )
        }
    }

    @Test
    fun bulkRecordsAreAllOrNothing() {
        Samples.load().use { p ->
            val before = p.toJson()
            val applied = p.applyRecords("""{"people": [{"id": "NEW-1", "name": "New Grip", "category": "crew"}]}""")
            assertEquals(1uL, applied.added)
            val bad = assertThrows(CallsheetException.Invalid::class.java) {
                p.applyRecords("""{"people": [{"id": "X", "name": "X", "category": "grip"}]}""")
            }
            assertEquals("people[0].category", bad.problems.first().path)
            assertEquals(p.people().size, JsonParser.parseString(before).asJsonObject.getAsJsonArray("people").size() + 1)
        }
    }
}
