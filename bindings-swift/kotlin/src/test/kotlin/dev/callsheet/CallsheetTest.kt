// JVM tests of the uniffi-generated Kotlin bindings (run by ../../run-tests.sh).
// They mirror bindings-swift/tests/python/test_callsheet_ffi.py: the same C ABI
// reached through JNA instead of ctypes, with the Kotlin type mappings of
// bindings-swift/uniffi.toml (Instant, LocalDate, LocalTime, BigDecimal).
package dev.callsheet

import java.math.BigDecimal
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.time.LocalTime
import java.util.concurrent.Callable
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Nested
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

private val REPO: Path = Paths.get(System.getProperty("callsheet.repo", "../..")).toAbsolutePath().normalize()
private val SAMPLE: Path = REPO.resolve("examples/data/sample-production.json")
private val BAD: Path = REPO.resolve("core/tests/data/bad")

private fun read(path: Path): String = Files.readString(path)

private fun sample(): Production = Production.load(SAMPLE.toString())

class CallsheetTest {

    @Nested
    inner class ProductionTests {
        @Test
        fun loadAndRead() {
            sample().use { p ->
                assertEquals("America/Los_Angeles", p.zone())
                assertEquals("USD", p.currency())
                val people = p.people()
                assertTrue(people.size >= 90, "${people.size} people")
                assertTrue(people.any { it.category == PersonCategory.CAST })

                val days = p.events().filter { it.kind == EventKind.SHOOT_DAY }
                assertTrue(days.size >= 25, "${days.size} shoot days")
                val start: Instant = days[0].start
                assertEquals(Instant::class.java, start.javaClass)
                assertTrue(start < days[0].end)

                val rates = p.resources().mapNotNull { it.dayRate }
                assertTrue(rates.isNotEmpty())
                val amount: BigDecimal = rates[0].amount
                assertEquals(BigDecimal::class.java, amount.javaClass)
                val date: LocalDate = p.shootDates()[0]
                assertEquals(LocalDate::class.java, date.javaClass)

                assertEquals(emptyList<Problem>(), p.validate())
                assertEquals(1u, formatVersion())
                assertTrue(libraryVersion().isNotEmpty())
            }
        }

        // Amounts cross the boundary as decimal text: the BigDecimal keeps the
        // file's digits and scale ("1850.00" stays 1850.00, not 1850 or 1.85E+3).
        @Test
        fun amountsKeepTheirScale() {
            @Suppress("UNCHECKED_CAST")
            val resources = (Json.parse(read(SAMPLE)) as Map<String, Any?>)["resources"] as List<Map<String, Any?>>
            val inFile = resources.mapNotNull { r ->
                @Suppress("UNCHECKED_CAST")
                val rate = r["day_rate"] as Map<String, Any?>?
                rate?.let { r["id"] as String to it["amount"] as String }
            }.toMap()
            assertTrue(inFile.isNotEmpty())
            sample().use { p ->
                val got = p.resources().mapNotNull { r -> r.dayRate?.let { r.id to it.amount } }.toMap()
                assertEquals(inFile.keys, got.keys)
                for ((id, text) in inFile) {
                    assertEquals(BigDecimal(text), got[id], id)
                    assertEquals(text, got.getValue(id).toPlainString(), id)
                }
            }
        }

        @TestFactory
        fun badFiles(): List<DynamicTest> {
            @Suppress("UNCHECKED_CAST")
            val expected = Json.parse(read(BAD.resolve("expected.json"))) as Map<String, List<String>>
            assertTrue(expected.size >= 20, "${expected.size} bad files")
            val onDisk = Files.list(BAD).use { files ->
                files.map { it.fileName.toString() }.filter { it.endsWith(".json") && it != "expected.json" }
                    .map { it.removeSuffix(".json") }.toList().toSet()
            }
            assertEquals(onDisk, expected.keys, "bad files on disk vs expected.json")
            return expected.toSortedMap().map { (name, want) ->
                DynamicTest.dynamicTest(name) {
                    val error = assertThrows<CallsheetException.Invalid> {
                        Production.fromJson(read(BAD.resolve("$name.json"))).close()
                    }
                    assertEquals(want, error.problems.map { "${it.path}: ${it.detail}" })
                    assertTrue(error.summary.isNotEmpty())
                }
            }
        }

        @Test
        fun missingFile() {
            val error = assertThrows<CallsheetException.File> { Production.load("/no/such/file.json") }
            assertEquals("/no/such/file.json", error.path)
            assertTrue(error.detail.isNotEmpty())
        }

        @Test
        fun roundTripAndSave(@TempDir dir: Path) {
            sample().use { p ->
                val text = p.toJson()
                assertEquals(read(SAMPLE), text)
                val out = dir.resolve("copy.json")
                p.save(out.toString())
                assertEquals(text, read(out))
                Production.fromJson(text).use { assertEquals(text, it.toJson()) }
            }
        }
    }

    @Nested
    inner class ScheduleTests {
        private lateinit var p: Production

        @BeforeEach
        fun load() {
            p = sample()
        }

        @AfterEach
        fun close() {
            p.close()
        }

        @Test
        fun conflicts() {
            val found = p.conflicts()
            val errors = found.filter { it.severity == Severity.ERROR }.map { it.kind.name }.sorted()
            assertEquals(listOf("OUTSIDE_PERMIT", "PERSON_DOUBLE_BOOKED", "RESOURCE_OVERBOOKED", "TURNAROUND"), errors)
            val turnaround = found.first { it.kind == ConflictKind.TURNAROUND }
            assertEquals("sag-aftra", turnaround.rule?.pack)
            val cost = checkNotNull(turnaround.cost) { "turnaround has no cost" }
            assertEquals("USD", cost.currency)
            // compareTo, not equals: BigDecimal equality also compares the scale.
            assertEquals(0, cost.amount.compareTo(BigDecimal("900")), "cost ${cost.amount}")
            assertTrue("rest between wrap" in turnaround.message, turnaround.message)
        }

        @Test
        fun checkEventAndSlots() {
            val day = p.events().first { it.kind == EventKind.SHOOT_DAY }
            val found = p.checkEvent(day)
            assertTrue(found.all { day.id in it.events })

            val person = day.attendees[0].person
            val fitting = Event(
                id = "NEW-FITTING", kind = EventKind.FITTING, title = "", unit = null, location = null,
                start = day.start.plus(Duration.ofHours(1)), end = day.start.plus(Duration.ofHours(2)),
                status = BookingStatus.CONFIRMED, parent = null, dayNumber = null, scene = null,
                attendees = listOf(attendance(person)), resources = emptyList(), meals = emptyList(), notes = "",
            )
            val double = p.checkEvent(fitting).filter { it.kind == ConflictKind.PERSON_DOUBLE_BOOKED }
            assertTrue(double.isNotEmpty())
            assertTrue(double.all { "NEW-FITTING" in it.events })

            val bad = fitting.copy(attendees = listOf(attendance("NOBODY")))
            val error = assertThrows<CallsheetException.Invalid> { p.checkEvent(bad) }
            assertEquals("event.attendees[0].person", error.problems[0].path)

            val start = Instant.parse("2027-02-15T16:00:00Z")
            val request = SlotRequest(
                people = p.people().filter { it.headOfDepartment }.map { it.id }.take(5),
                location = null, resources = emptyList(), durationMinutes = 60u,
                earliest = start, latest = start.plus(Duration.ofDays(14)),
                dayStart = LocalTime.of(8, 0), dayEnd = LocalTime.of(19, 0), workingDaysOnly = true,
                stepMinutes = 15u, count = 2u, kind = EventKind.MEETING, allowWarnings = false,
            )
            assertEquals(5, request.people.size)
            val slots = p.findSlots(request)
            assertEquals(2, slots.size)
            assertEquals(Duration.ofHours(1), Duration.between(slots[0].start, slots[0].end))
            assertTrue(slots.all { it.start >= request.earliest && it.end <= request.latest })
        }

        private fun attendance(person: PersonId) =
            Attendance(person = person, call = null, makeupCall = null, onSet = null, dismissal = null, note = "")
    }

    @Nested
    inner class DoodTests {
        private val work = setOf("SW", "W", "WF", "SWF", "PW", "PWF")
        private lateinit var p: Production

        @BeforeEach
        fun load() {
            p = sample()
        }

        @AfterEach
        fun close() {
            p.close()
        }

        private fun options(
            people: DoodPeople = DoodPeople.Cast,
            range: DoodRange = DoodRange.People,
            includeHolds: Boolean = true,
            includeTentative: Boolean = false,
        ) = DoodOptions(people = people, range = range, includeHolds = includeHolds, includeTentative = includeTentative)

        @Test
        fun dayOutOfDays() {
            // The record's defaults are the Rust ones.
            assertEquals(options(), DoodOptions(people = DoodPeople.Cast, range = DoodRange.People))
            val report = p.dayOutOfDays(options())
            assertEquals(p.name(), report.production)
            assertEquals("America/Los_Angeles", report.zone)
            assertEquals(emptyList<String>(), report.warnings)
            val cast = p.people().filter { it.category == PersonCategory.CAST }
            assertEquals(cast.size, report.rows.size)
            assertTrue(report.rows.all { it.category == PersonCategory.CAST })

            val dates = report.columns.map { it.date }
            assertEquals(LocalDate::class.java, dates[0].javaClass)
            assertEquals(dates.indices.map { dates[0].plusDays(it.toLong()) }, dates)
            assertEquals(dates[0].dayOfWeek.name.take(3), report.columns[0].weekday.name)
            val holiday = report.columns.first { it.dayType == DayType.HOLIDAY }
            assertFalse(holiday.holiday.isNullOrEmpty())
            assertTrue(report.columns.any { c -> c.shootDays.any { it.dayNumber == 1u } })

            var dropped = 0
            for (row in report.rows) {
                val codes = row.codes.map { doodCodeText(it) }
                assertEquals(dates.size, codes.size)
                val worked = codes.indices.filter { codes[it] in work }
                if (worked.size == 1) {
                    assertEquals("SWF", codes[worked[0]], row.person)
                } else {
                    assertEquals("SW", codes[worked.first()], row.person)
                    assertTrue(codes[worked.last()] in setOf("WF", "PWF"), row.person)
                }
                val t = row.totals
                assertEquals(worked.size, t.work.toInt())
                assertEquals(codes.count { it == "H" }, t.hold.toInt())
                assertEquals(dates[worked.first()], t.firstWork)
                assertEquals(dates[worked.last()], t.lastWork)
                val parts = t.work + t.hold + t.travel + t.rehearsal + t.fitting + t.holiday + t.moveDays + t.dropped + t.idle
                assertEquals(t.span + t.outsideSpan, parts, row.person)
                val drop = t.drop
                if (drop != null) {
                    dropped += 1
                    assertEquals(DoodCode.DROP, row.codes[dates.indexOf(drop)])
                    assertTrue(codes[dates.indexOf(t.pickup)] in setOf("PW", "PWF"), row.person)
                }
            }
            assertTrue(dropped >= 1)
            assertEquals("SWF", doodCodeText(DoodCode.START_WORK_FINISH))
            assertEquals("", doodCodeText(DoodCode.DAY_OFF))
        }

        @Test
        fun textAndCsv() {
            val options = options()
            val report = p.dayOutOfDays(options)
            val text = p.doodText(options)
            assertTrue(text.startsWith("DAY OUT OF DAYS: ${p.name()}\n"))
            for (row in report.rows) {
                assertNotNull(row.castNumber, row.person)
                assertTrue("${row.castNumber}. ${row.name} " in text, row.person)
            }
            val lines = p.doodCsv(options).split("\r\n")
            assertEquals("", lines.last())
            assertEquals(report.rows.size + 2, lines.size)
            val header = lines[0].split(",")
            assertEquals(report.columns[0].date.toString(), header[4])
            assertEquals(report.rows[0].person, lines[1].split(",")[1])
        }

        @Test
        fun optionsChooseRowsAndColumns() {
            val report = p.dayOutOfDays(options())
            val wanted = listOf(report.rows[2].person, report.rows[0].person, "NOBODY")
            val only = p.dayOutOfDays(options(people = DoodPeople.Only(wanted)))
            assertEquals(wanted.take(2), only.rows.map { it.person })
            assertEquals(1, only.warnings.size)
            assertTrue("NOBODY" in only.warnings[0], only.warnings[0])

            val week = p.dayOutOfDays(options(
                people = DoodPeople.CastAndCrew,
                range = DoodRange.Dates(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 7)),
                includeHolds = false, includeTentative = true,
            ))
            assertEquals((1..7).map { LocalDate.of(2027, 3, it) }, week.columns.map { it.date })
            assertTrue(week.rows.any { it.category == PersonCategory.CREW })

            val shoot = p.dayOutOfDays(options(range = DoodRange.Shoot))
            assertTrue(shoot.columns[0].shootDays.isNotEmpty())
            assertEquals(report.rows.map { it.totals }, shoot.rows.map { it.totals })

            val everyone = p.dayOutOfDays(options(people = DoodPeople.Everyone))
            assertEquals(p.people().size, everyone.rows.size)

            val backwards = p.dayOutOfDays(options(range = DoodRange.Dates(LocalDate.of(2027, 3, 7), LocalDate.of(2027, 3, 1))))
            assertEquals(emptyList<DoodColumn>(), backwards.columns)
            assertEquals(1, backwards.warnings.size)
        }
    }

    @Nested
    inner class ThreadTests {
        // One Production (one Rust object behind one handle) used from four JVM
        // threads at once: every thread sees the same conflicts.
        @Test
        @Timeout(value = 120, unit = TimeUnit.SECONDS)
        fun conflictsFromFourThreads() {
            sample().use { p ->
                val expected = p.conflicts()
                assertTrue(expected.isNotEmpty())
                val threads = 4
                val rounds = 3
                val barrier = CyclicBarrier(threads)
                val pool = Executors.newFixedThreadPool(threads)
                try {
                    val futures = (1..threads).map {
                        pool.submit(Callable {
                            barrier.await(60, TimeUnit.SECONDS)
                            (1..rounds).map { p.conflicts() }
                        })
                    }
                    val results = futures.flatMap { it.get(100, TimeUnit.SECONDS) }
                    assertEquals(threads * rounds, results.size)
                    results.forEach { assertEquals(expected, it) }
                } finally {
                    pool.shutdownNow()
                }
            }
        }
    }
}

/** Just enough JSON for the test data (objects, arrays, strings, numbers as text, literals). */
private object Json {
    fun parse(text: String): Any? {
        val parser = Parser(text)
        val value = parser.value()
        parser.skipSpace()
        require(parser.at == text.length) { "trailing text at ${parser.at}" }
        return value
    }

    private class Parser(val s: String) {
        var at = 0

        fun skipSpace() {
            while (at < s.length && s[at].isWhitespace()) at++
        }

        fun value(): Any? {
            skipSpace()
            return when (val c = s[at]) {
                '{' -> obj()
                '[' -> array()
                '"' -> string()
                't' -> literal("true", true)
                'f' -> literal("false", false)
                'n' -> literal("null", null)
                else -> {
                    require(c == '-' || c.isDigit()) { "unexpected '$c' at $at" }
                    val start = at
                    while (at < s.length && (s[at].isDigit() || s[at] in "+-.eE")) at++
                    s.substring(start, at)
                }
            }
        }

        private fun literal(word: String, value: Any?): Any? {
            require(s.startsWith(word, at)) { "bad literal at $at" }
            at += word.length
            return value
        }

        private fun expect(c: Char) {
            skipSpace()
            require(at < s.length && s[at] == c) { "expected '$c' at $at" }
            at++
        }

        private fun obj(): Map<String, Any?> {
            expect('{')
            val map = LinkedHashMap<String, Any?>()
            skipSpace()
            if (s[at] == '}') return map.also { at++ }
            while (true) {
                skipSpace()
                val key = string()
                expect(':')
                map[key] = value()
                skipSpace()
                if (s[at++] == '}') return map
                require(s[at - 1] == ',') { "expected ',' at ${at - 1}" }
            }
        }

        private fun array(): List<Any?> {
            expect('[')
            val list = ArrayList<Any?>()
            skipSpace()
            if (s[at] == ']') return list.also { at++ }
            while (true) {
                list.add(value())
                skipSpace()
                if (s[at++] == ']') return list
                require(s[at - 1] == ',') { "expected ',' at ${at - 1}" }
            }
        }

        private fun string(): String {
            expect('"')
            val out = StringBuilder()
            while (true) {
                when (val c = s[at++]) {
                    '"' -> return out.toString()
                    '\\' -> when (val e = s[at++]) {
                        'n' -> out.append('\n')
                        't' -> out.append('\t')
                        'r' -> out.append('\r')
                        'b' -> out.append('\b')
                        'f' -> out.append('\u000C')
                        'u' -> out.append(s.substring(at, at + 4).toInt(16).toChar()).also { at += 4 }
                        else -> out.append(e)
                    }
                    else -> out.append(c)
                }
            }
        }
    }
}
