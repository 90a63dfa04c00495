// One Production (one Rust handle) shared by JVM reader threads while another
// thread replaces it, version after version (issue #9). Run by ../../run-tests.sh.
//
// Version k writes its revision in three places (the name, Maya's role, day 1's
// title) and adds k % 4 meetings "MTG-k-j" that double-book Leo (P2) during day
// 1. Every call into the core works on one snapshot, so within one call a
// reader must see one whole version (the three places agree; the events and
// the conflicts belong to the same k), and k never goes backwards.
package dev.callsheet

import java.time.Duration
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicBoolean
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.assertThrows

private val DAY_START: Instant = Instant.parse("2027-02-22T15:00:00Z")
private val REVISION = Regex("\"rev (\\d+)\"")
private val MEETING = Regex("^MTG-(\\d+)-(\\d+)$")

private fun versionJson(k: Int, leoId: String = "P2"): String {
    val rev = "rev $k"
    val meetings = (0 until k % 4).joinToString("") { j ->
        val start = DAY_START.plus(Duration.ofHours(1L + j))
        val end = start.plus(Duration.ofMinutes(30))
        """, {"id": "MTG-$k-$j", "kind": "meeting", "status": "confirmed", "start": "$start", "end": "$end",
              "attendees": [{"person": "P2"}]}"""
    }
    return """{"format_version": 1, "name": "$rev", "zone": "America/Los_Angeles", "currency": "USD",
        "people": [{"id": "P1", "name": "Maya Ortiz", "category": "cast", "role": "$rev"},
                   {"id": "$leoId", "name": "Leo Park", "category": "crew", "department": "Camera"}],
        "locations": [{"id": "L1", "name": "Stage 4", "zone": "America/Los_Angeles"}],
        "events": [{"id": "D1", "kind": "shoot_day", "title": "$rev", "location": "L1",
                    "start": "$DAY_START", "end": "2027-02-23T03:00:00Z", "status": "confirmed", "day_number": 1,
                    "attendees": [{"person": "P1"}, {"person": "P2"}]}$meetings]}"""
}

/** The version of one to_json() text, checking that it is whole. */
private fun revision(json: String): Int {
    val revisions = REVISION.findAll(json).map { it.groupValues[1].toInt() }.toList()
    assertEquals(3, revisions.size, "the revision is written in three places")
    assertTrue(revisions.all { it == revisions[0] }, "torn read: $revisions")
    return revisions[0]
}

/** The version of one events() list, checking that its meetings are that version's. */
private fun revision(events: List<Event>): Int {
    val k = events[0].title.removePrefix("rev ").toInt()
    val meetings = events.mapNotNull { MEETING.matchEntire(it.id) }
    assertEquals((0 until k % 4).map { "MTG-$k-$it" }, meetings.map { it.value }, "version $k")
    return k
}

/** The version whose meetings one conflicts() call reports (null: none), checking they agree. */
private fun meetingVersion(conflicts: List<Conflict>): Int? {
    val ids = conflicts.filter { it.kind == ConflictKind.PERSON_DOUBLE_BOOKED }
        .flatMap { it.events }.filter { MEETING.matches(it) }.toSet()
    val versions = ids.map { MEETING.matchEntire(it)!!.groupValues[1].toInt() }.toSet()
    assertTrue(versions.size <= 1, "conflicts from two versions at once: $ids")
    val k = versions.firstOrNull() ?: return null
    assertEquals(k % 4, ids.size, "version $k: $ids")
    return k
}

class ThreadsTest {
    @Test
    fun versionsAreSetUp() {
        for (k in 0..3) {
            Production.fromJson(versionJson(k)).use { p ->
                assertEquals(k, revision(p.toJson()))
                assertEquals(k, revision(p.events()))
                assertEquals(if (k % 4 == 0) null else k, meetingVersion(p.conflicts()))
            }
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    fun readersSeeWholeVersionsWhileAWriterReplaces() {
        val versions = 400
        val readers = 4
        val productions = (0..versions).map { Production.fromJson(versionJson(it)) }
        val shared = Production.fromJson(versionJson(0))
        val fitting = Event(
            id = "FIT", kind = EventKind.FITTING, title = "", unit = null, location = null,
            start = Instant.parse("2027-02-22T20:00:00Z"), end = Instant.parse("2027-02-22T21:00:00Z"),
            status = BookingStatus.CONFIRMED, parent = null, dayNumber = null, scene = null,
            attendees = listOf(Attendance(person = "P2", call = null, makeupCall = null, onSet = null, dismissal = null, note = "")),
            resources = emptyList(), meals = emptyList(), notes = "",
        )
        val writing = AtomicBoolean(true)
        val start = CyclicBarrier(readers + 1)
        val pool = Executors.newFixedThreadPool(readers)
        try {
            val futures = (0 until readers).map { r ->
                pool.submit(Callable {
                    start.await(60, TimeUnit.SECONDS)
                    var last = 0
                    var reads = 0
                    var changes = 0
                    while (writing.get() || reads < 20) {
                        val k = revision(shared.toJson())
                        assertTrue(k >= last, "reader $r: version $k after $last")
                        if (k != last) changes++
                        last = k
                        val e = revision(shared.events())
                        assertTrue(e >= last, "reader $r: events of $e after $last")
                        last = e
                        meetingVersion(shared.conflicts())?.let { c ->
                            assertTrue(c >= last, "reader $r: conflicts of $c after $last")
                            last = c
                        }
                        assertTrue(shared.checkEvent(fitting).all { "FIT" in it.events })
                        assertEquals(emptyList<Problem>(), shared.validate())
                        reads++
                    }
                    Pair(reads, changes)
                })
            }
            start.await(60, TimeUnit.SECONDS)
            for (k in 1..versions) {
                shared.replace(productions[k])
                if (k % 25 == 0) {
                    // A refused change in the middle of it all changes nothing. (A
                    // Production object is always valid, so the refusal comes from
                    // fromJson; the Rust test refuses one in replace itself.)
                    val error = assertThrows<CallsheetException.Invalid> { Production.fromJson(versionJson(k, leoId = "P1")) }
                    assertEquals("people[1].id", error.problems[0].path)
                    assertEquals("rev $k", shared.name())
                }
            }
            writing.set(false)
            val seen = futures.map { it.get(240, TimeUnit.SECONDS) }
            println("Kotlin readers (reads, changes seen): $seen")
            assertTrue(seen.sumOf { it.second } > 0, "the readers ran while the writer wrote")
            assertEquals(versions, revision(shared.toJson()))
            assertEquals("rev 1", productions[1].name(), "replace leaves its argument unchanged")
        } finally {
            writing.set(false)
            pool.shutdownNow()
            productions.forEach { it.close() }
            shared.close()
        }
    }
}
