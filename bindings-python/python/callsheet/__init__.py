"""callsheet: the hard parts of a production coordinator's job.

Load a production file, read its people, locations and schedule, and (as the
engines land) check conflicts, build the day out of days, allocate bookings,
build call sheets and track the budget::

    import callsheet
    production = callsheet.Production.load("examples/data/sample-production.json")
    print(production.name, len(production.people))
"""

from __future__ import annotations

from callsheet._callsheet import (
    FORMAT_VERSION,
    AgendaItem,
    Attendance,
    AvailabilityWindow,
    CallSheet,
    ChangeNotice,
    Conflict,
    DoodColumn,
    DoodReport,
    DoodRow,
    DoodTotals,
    Event,
    Location,
    MealBreak,
    Money,
    PermitWindow,
    PersonChange,
    Person,
    Problem,
    Production,
    Recipient,
    Resource,
    ResourceBooking,
    RuleRef,
    SceneDetails,
    ShootDayMark,
    ShootingUnit,
    Slot,
    Subject,
    __version__,
    diff,
    revision_colour,
    schedule_fingerprint,
)
from callsheet._errors import CallsheetError, FileError, NaiveDatetimeError, ValidationError

__all__ = [
    "FORMAT_VERSION",
    "AgendaItem",
    "Attendance",
    "AvailabilityWindow",
    "CallSheet",
    "ChangeNotice",
    "CallsheetError",
    "Conflict",
    "DoodColumn",
    "DoodReport",
    "DoodRow",
    "DoodTotals",
    "Event",
    "FileError",
    "Location",
    "MealBreak",
    "Money",
    "NaiveDatetimeError",
    "PermitWindow",
    "PersonChange",
    "Person",
    "Problem",
    "Production",
    "Recipient",
    "Resource",
    "ResourceBooking",
    "RuleRef",
    "SceneDetails",
    "ShootDayMark",
    "ShootingUnit",
    "Slot",
    "Subject",
    "ValidationError",
    "__version__",
    "diff",
    "revision_colour",
    "schedule_fingerprint",
]
