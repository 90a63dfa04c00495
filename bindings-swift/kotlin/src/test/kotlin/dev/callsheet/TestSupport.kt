// Shared by the JVM tests that came after CallsheetTest.kt: where the
// repository and the sample production are (-Dcallsheet.repo, set by the pom).
package dev.callsheet

import java.math.BigDecimal
import java.nio.file.Path
import java.nio.file.Paths
import org.junit.jupiter.api.Assertions.assertEquals

internal object Samples {
    val repo: Path = Paths.get(System.getProperty("callsheet.repo", "../..")).toAbsolutePath().normalize()
    val production: Path = repo.resolve("examples/data/sample-production.json")

    /** A fresh handle on the sample production (close it, or use `use`). */
    fun load(): Production = Production.load(production.toString())
}

/**
 * Equal in value whatever the scale: BigDecimal.equals also compares the
 * scale ("900" is not "900.00"), so amounts are compared with compareTo.
 */
internal fun assertAmount(expected: BigDecimal, actual: BigDecimal, message: String = "") {
    assertEquals(0, expected.compareTo(actual), "$message: expected $expected, got $actual")
}

internal fun assertAmount(expected: String, actual: BigDecimal, message: String = "") =
    assertAmount(BigDecimal(expected), actual, message)
