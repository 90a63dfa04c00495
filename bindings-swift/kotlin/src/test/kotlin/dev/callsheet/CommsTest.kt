// JVM tests of the comms exports through the generated Kotlin: call sheets
// (data, text, HTML), iCalendar and free/busy, change notices, the agenda
// and distribution. (The day out of days is in CallsheetTest.DoodTests.)
package dev.callsheet

import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class CommsTest {
    private val firstDay = LocalDate.of(2027, 2, 22)
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
    fun callSheet() {
        val options = CallSheetOptions(date = firstDay)
        val sheet = p.callSheet(options)
        assertEquals(1u, sheet.dayNumber)
        assertEquals(27u, sheet.totalDays)
        assertEquals(firstDay, sheet.date)
        assertEquals(Weekday.MON, sheet.weekday)
        assertEquals("White", sheet.revisionColour)
        val numbers = sheet.cast.mapNotNull { it.castNumber }
        assertTrue(numbers.isNotEmpty())
        assertEquals(numbers.sorted(), numbers)
        assertTrue(sheet.scenes.isNotEmpty() && sheet.crew.isNotEmpty() && sheet.locations.isNotEmpty())
        val advance = checkNotNull(sheet.advance) { "no advance schedule" }
        assertEquals(2u, advance.dayNumber)

        val text = p.callSheetText(options)
        assertTrue("GENERAL CREW CALL" in text)
        assertTrue(sheet.generalCall.local in text)
        val html = p.callSheetHtml(options)
        assertTrue(html.trimStart().startsWith("<!DOCTYPE html>", ignoreCase = true), html.take(40))
        assertFalse("http" in html, "self-contained: no external resources")
        assertFalse("<script" in html.lowercase())
        assertTrue(sheet.production in html)

        val lilac = p.callSheet(
            CallSheetOptions(
                date = firstDay, unit = sheet.unit, revision = 1u, colours = listOf("White", "Lilac"),
                scheduleVersion = "v3", notes = listOf("Closed set."),
            ),
        )
        assertEquals("Lilac", lilac.revisionColour)
        assertEquals("Closed set.", lilac.notes[0])

        val error = assertThrows<CallsheetException.Invalid> { p.callSheet(CallSheetOptions(date = LocalDate.of(2027, 2, 21))) }
        assertEquals("date", error.problems[0].path)
        assertEquals("no shoot day on 2027-02-21", error.problems[0].detail)
    }

    @Test
    fun iCalendarAndFreeBusy() {
        val stamp = Instant.parse("2027-02-20T12:00:00Z")
        val lead = p.people().first { it.castNumber == 1u }
        val feed = p.toIcal(CalendarSubject.Person(lead.id), stamp)
        assertTrue(feed.startsWith("BEGIN:VCALENDAR\r\n"))
        assertTrue(feed.trimEnd().endsWith("END:VCALENDAR"))
        assertTrue("BEGIN:VTIMEZONE" in feed)
        assertTrue("TZID:America/Los_Angeles" in feed)
        assertTrue("BEGIN:VEVENT" in feed)
        assertTrue("DTSTAMP:20270220T120000Z" in feed)
        // Deterministic: the same production and stamp give the same text.
        assertEquals(feed, p.toIcal(CalendarSubject.Person(lead.id), stamp))
        val everything = p.toIcal(CalendarSubject.Everything, stamp)
        assertTrue(everything.split("BEGIN:VEVENT").size > feed.split("BEGIN:VEVENT").size)
        val location = p.toIcal(CalendarSubject.Location(p.locations()[0].id), stamp)
        assertTrue(location.startsWith("BEGIN:VCALENDAR"))

        val error = assertThrows<CallsheetException.Invalid> { p.toIcal(CalendarSubject.Person("NOBODY"), stamp) }
        assertEquals("subject", error.problems[0].path)

        val busy = p.freeBusy(CalendarSubject.Person(lead.id), stamp, stamp.plus(Duration.ofDays(30)), stamp)
        assertTrue("BEGIN:VFREEBUSY" in busy)
        assertTrue("FREEBUSY" in busy.replace("BEGIN:VFREEBUSY", ""))
    }

    @Test
    fun changeNoticesAndRevisionColours() {
        assertEquals(emptyList<ChangeNotice>(), changeNotices(p, p, "Blue"))
        assertEquals("White", revisionColour(0u, emptyList()))
        assertEquals("Double White", revisionColour(11u, emptyList()))
        assertEquals("Lilac", revisionColour(1u, listOf("White", "Lilac")))
        Production.fromJson(p.toJson()).use { copy ->
            assertEquals(scheduleFingerprint(p), scheduleFingerprint(copy))
        }
    }

    @Test
    fun agenda() {
        val now = Instant.parse("2027-02-15T16:00:00Z")
        val items = p.agenda(AgendaRequest(now = now))
        assertTrue(items.isNotEmpty())
        assertEquals(items.map { it.due }.sorted(), items.map { it.due })
        assertTrue(items.all { it.overdue == it.due < now })
        val due = items.first { it.kind == AgendaKind.CALL_SHEET_DUE }
        val sent = listOf(SentDocument(kind = DocumentKind.CALL_SHEET, date = firstDay, scheduleFingerprint = scheduleFingerprint(p), sentAt = now))
        assertEquals(items.filter { it != due }, p.agenda(AgendaRequest(now = now, sent = sent)))
        assertEquals(items, p.agenda(AgendaRequest(now = now, previous = p)))
        assertTrue(p.agenda(AgendaRequest(now = now, horizonDays = 7u)).size < items.size)
    }

    @Test
    fun distribution() {
        val recipients = p.distributionList(DocumentKind.CALL_SHEET)
        val lead = recipients.first { it.person == "C01" }
        assertEquals(CallSheetScope.PERSONAL, lead.scope)
        val sheets = p.callSheetsForRecipients(CallSheetOptions(date = firstDay))
        assertEquals(recipients.size, sheets.size)
        val mine = sheets.first { it.recipient.person == "C01" }
        assertEquals(listOf("C01"), mine.sheet.cast.map { it.person })
    }
}
