// JVM tests of the logistics exports through the generated Kotlin: the
// transport plan of a shoot day, resource timelines and unit assignment.
package dev.callsheet

import java.time.Duration
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class LogisticsTest {
    private val day = LocalDate.of(2027, 2, 22)
    private lateinit var p: Production

    @BeforeEach
    fun load() {
        p = Samples.load()
    }

    @AfterEach
    fun close() {
        p.close()
    }

    @Test
    fun transportForTheFirstShootDay() {
        assertEquals(day, p.shootDates()[0])
        // The record's defaults are the Rust ones.
        assertEquals(
            TransportOptions(
                bufferMinutes = 15u, lodging = emptyList(), maxWaitMinutes = 30u, maxDetourMinutes = 20u,
                maxStops = 3u, stopMinutes = 5u, maxDrivingMinutes = 600u,
            ),
            TransportOptions(),
        )
        val plan = p.planTransport(day, TransportOptions())
        assertEquals(day, plan.date)
        assertEquals(15u, plan.bufferMinutes)
        assertTrue(plan.runs.isNotEmpty())
        assertTrue(plan.driverLists.isNotEmpty())
        val clock = DateTimeFormatter.ofPattern("HH:mm")
        plan.runs.forEachIndexed { i, run ->
            assertEquals((i + 1).toUInt(), run.number)
            assertEquals(run.riders.minOf { it.call }.minus(Duration.ofMinutes(15)), run.arrive)
            assertEquals(run.stops.first().at, run.depart)
            val dropOff = run.stops.last()
            assertEquals(StopKind.DROP_OFF, dropOff.kind)
            assertTrue(run.stops.dropLast(1).all { it.kind == StopKind.PICKUP })
            for (stop in run.stops) {
                val local: LocalDateTime = stop.local
                assertEquals(LocalDateTime.ofInstant(stop.at, ZoneId.of(stop.zone)), local)
                assertEquals(local.format(clock), stop.clock)
            }
            for (rider in run.riders) {
                assertTrue(rider.pickup <= rider.latestPickup, rider.person)
                assertTrue(rider.person in dropOff.people, rider.person)
            }
        }
        val riders = plan.runs.sumOf { it.riders.size }
        assertTrue(riders >= 20, "$riders riders")
        // Nobody is dropped silently: every rider, unassigned or no-pickup person is listed once.
        val listed = plan.runs.flatMap { r -> r.riders.map { it.person } } +
            plan.unassigned.map { it.person } + plan.noPickup.map { it.person }
        assertEquals(listed.size, listed.toSet().size)
        val text = p.transportText(day, TransportOptions())
        assertTrue(text.startsWith("== Transport 2027-02-22: ${plan.runs.size} runs, $riders riders"), text.take(80))
    }

    @Test
    fun transportOptionsAndErrors() {
        val stops = assertThrows<CallsheetException.Invalid> { p.planTransport(day, TransportOptions(maxStops = 0u)) }
        assertEquals("options.max_stops", stops.problems[0].path)
        val lodging = listOf(Lodging(person = "NOBODY", night = day.minusDays(1), location = "LOC-OFFICE"))
        val unknown = assertThrows<CallsheetException.Invalid> { p.planTransport(day, TransportOptions(lodging = lodging)) }
        assertEquals("options.lodging[0].person", unknown.problems[0].path)
        assertTrue("NOBODY" in unknown.problems[0].detail)
        // A travel day: the movement list, with local times on each end's clock.
        val travel = p.planTransport(LocalDate.of(2027, 3, 10), TransportOptions(maxDrivingMinutes = null))
        assertTrue(travel.movements.isNotEmpty())
        val m = travel.movements[0]
        assertEquals(LocalDateTime.ofInstant(m.depart, ZoneId.of(m.departZone)), m.departLocal)
        assertEquals(LocalDateTime.ofInstant(m.arrive, ZoneId.of(m.arriveZone)), m.arriveLocal)
    }

    @Test
    fun resourceTimeline() {
        val timeline = p.resourceTimeline("RES-ALEXA35")
        assertEquals("RES-ALEXA35", timeline.resource)
        assertEquals(2u, timeline.owned)
        assertTrue(timeline.segments.isNotEmpty())
        timeline.segments.zipWithNext { a, b ->
            assertTrue(a.start < a.end)
            assertTrue(a.end <= b.start)
        }
        for (s in timeline.segments) {
            assertEquals(s.booked, s.bookings.sumOf { it.quantity })
            assertEquals(if (s.usable > s.booked) s.usable - s.booked else 0u, s.available)
            assertEquals(if (s.booked > s.usable) s.booked - s.usable else 0u, s.overAllocated)
        }
        val error = assertThrows<CallsheetException.Invalid> { p.resourceTimeline("NOPE") }
        assertEquals("resource", error.problems[0].path)
        assertEquals("unknown resource \"NOPE\"", error.problems[0].detail)
    }

    @Test
    fun unitAssignment() {
        val units = p.assignUnits("RES-ALEXA35")
        assertEquals(listOf("A35-10472", "A35-10519"), units.unitsUsed)
        assertTrue(units.bookings.isNotEmpty())
        assertTrue(units.bookings.all { it.units.size.toUInt() <= it.booking.quantity })
        val over = p.resourceTimeline("RES-ALEXA35").segments.any { it.overAllocated > 0u }
        assertEquals(over, units.shortfalls.isNotEmpty())
        for (s in units.shortfalls) {
            assertEquals(s.needed - s.assigned, s.missing)
            assertTrue(s.reason == ShortfallReason.AllUnitsBusy || s.reason is ShortfallReason.Unavailable)
        }
        assertThrows<CallsheetException.Invalid> { p.assignUnits("NOPE") }
    }

    @Test
    fun roomsForTheNewMexicoShootAndTransportFromTheHotels() {
        val rooms = p.allocateRooms(null)
        assertEquals(65uL, rooms.housed)
        assertTrue(rooms.unhoused.isEmpty())
        assertEquals(567uL, rooms.roomNights)
        assertTrue(rooms.optimality.proven)
        assertEquals(java.math.BigDecimal("103343.00"), rooms.cost.single().amount)
        assertEquals(rooms.cost.single().amount, rooms.costByAccount.map { it.cost.amount }.reduce(java.math.BigDecimal::add))
        assertTrue(p.roomingOptions().stayLastNight)
        // The record's defaults are the Rust ones; with them people go home
        // after their last day, so fewer room-nights.
        assertEquals(RoomingOptions(2u, false, emptyList(), emptyList()), RoomingOptions())
        assertTrue(p.allocateRooms(RoomingOptions()).roomNights < rooms.roomNights)
        assertTrue(p.roomingText(null).startsWith("== Rooming: 65 stays housed"))
        val plan = p.planTransport(LocalDate.of(2027, 3, 16), TransportOptions(lodging = rooms.lodging))
        assertTrue(plan.unassigned.isEmpty())
        val bad = assertThrows<CallsheetException.Invalid> {
            p.allocateRooms(RoomingOptions(locationHotels = listOf(LocationHotels("LOC-RANCH", listOf("HTL-NOWHERE")))))
        }
        assertEquals("options.location_hotels[0].hotels[0]", bad.problems.first().path)
    }
}
