"""Exception classes of callsheet (plain Python so that they can inherit from
both ``CallsheetError`` and the matching built-in exception)."""

from __future__ import annotations

from typing import Any, NamedTuple


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


class CsvProblem(NamedTuple):
    """One problem in an imported CSV file: a ``(row, column, message)`` record.

    ``row`` is the spreadsheet row (the header is row 1; 0 for the file as a
    whole), ``column`` the header as written in the file (``""`` for the
    whole row or file).
    """

    row: int
    column: str
    message: str

    @property
    def path(self) -> str:
        """Where, as one string (``'row 3, column "amount"'``), like ``Problem.path``."""
        if self.row and self.column:
            return f'row {self.row}, column "{self.column}"'
        if self.row:
            return f"row {self.row}"
        return f'column "{self.column}"' if self.column else "file"

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class CsvImportError(ValidationError):
    """A CSV import found problems and imported nothing.

    ``problems`` lists every problem as a :class:`CsvProblem` (row, column,
    message), in file order; the message lists them too. ``filename`` is the
    file that was read.
    """

    problems: list[CsvProblem]
    filename: str | None

    def __init__(
        self,
        message: str,
        problems: list[tuple[int, str, str]] | None = None,
        filename: str | None = None,
    ) -> None:
        super().__init__(message)
        self.problems = [CsvProblem(*p) for p in problems or []]
        self.filename = filename


class NaiveDatetimeError(CallsheetError, TypeError):
    """A datetime without a time zone was given where an instant is needed."""


class FileError(CallsheetError, OSError):
    """A file could not be read or written; the previous file is left untouched."""


__all__ = [
    "CallsheetError",
    "CsvImportError",
    "CsvProblem",
    "FileError",
    "NaiveDatetimeError",
    "ValidationError",
]
