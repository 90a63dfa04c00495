"""Exception classes of callsheet (plain Python so that they can inherit from
both ``CallsheetError`` and the matching built-in exception)."""

from __future__ import annotations

from typing import Any


class CallsheetError(Exception):
    """Base class of every error raised by callsheet."""


class ValidationError(CallsheetError, ValueError):
    """A production file or production is malformed or inconsistent.

    ``problems`` lists every problem found, each with the ``path`` of the
    offending item (``people[3].id``) and a ``message``.
    """

    problems: list[Any]

    def __init__(self, message: str, problems: list[Any] | None = None) -> None:
        super().__init__(message)
        self.problems = list(problems or [])


class NaiveDatetimeError(CallsheetError, TypeError):
    """A datetime without a time zone was given where an instant is needed."""


class FileError(CallsheetError, OSError):
    """A file could not be read or written; the previous file is left untouched."""


__all__ = ["CallsheetError", "FileError", "NaiveDatetimeError", "ValidationError"]
