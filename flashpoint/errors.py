"""Error catalogue: every error a user can see names where it happened and what to do about it."""

from __future__ import annotations

from typing import Any


class FlashpointError(Exception):
    """Base class for errors raised by flashpoint."""


class InputError(FlashpointError):
    """One piece of input that could not be read (a file, a line, a record) and was skipped.

    ``line`` is 1-based; ``offset`` is a byte offset into the file where one is meaningful.
    """

    def __init__(self, path: str, line: int | None, offset: int | None, reason: str, hint: str) -> None:
        super().__init__(path, line, offset, reason, hint)
        self.path = str(path)
        self.line = line
        self.offset = offset
        self.reason = reason
        self.hint = hint

    @property
    def location(self) -> str:
        loc = self.path
        if self.line is not None:
            loc += f":{self.line}"
        if self.offset is not None:
            loc += f" (byte {self.offset})"
        return loc

    def __str__(self) -> str:
        return f"{self.location}: {self.reason} — {self.hint}"

    def __repr__(self) -> str:
        return (
            f"InputError(path={self.path!r}, line={self.line!r}, offset={self.offset!r}, "
            f"reason={self.reason!r}, hint={self.hint!r})"
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, InputError) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "offset": self.offset, "reason": self.reason, "hint": self.hint}


class StoreError(FlashpointError):
    """The event store could not be opened, read or written."""
