"""JSON encoding of plain Python records for the native module (internal).

Records (dicts) use the production file's field names. Datetimes must be
timezone-aware; dates, times, Decimals and timedeltas are written the way the
file format expects.
"""

from __future__ import annotations

import datetime as _dt
import decimal as _decimal
import json as _json
from typing import Any

from callsheet._errors import NaiveDatetimeError


def _default(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise NaiveDatetimeError(
                f"naive datetime {value.isoformat()} has no time zone; "
                "pass an aware datetime, e.g. datetime(..., tzinfo=ZoneInfo('America/Los_Angeles'))"
            )
        return value.isoformat()
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, _decimal.Decimal):
        return str(value)
    if isinstance(value, _dt.timedelta):
        return int(value.total_seconds() // 60)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    raise TypeError(f"cannot convert {type(value).__name__} to a callsheet record value")


def dumps(value: Any) -> str:
    """Encodes a record as JSON text."""
    return _json.dumps(value, default=_default)


def loads(text: str) -> Any:
    """Decodes JSON text."""
    return _json.loads(text)
