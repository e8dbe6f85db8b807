"""Dates that know their precision: a year, a month or a day."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True)
class PartialDate:
    """A calendar date at the precision the source gives; missing parts stay None.

    >>> PartialDate(2024, 6).iso()
    '2024-06'
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} out of range")
        if self.day is not None and self.month is not None:
            if not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]:
                raise ValueError(f"day {self.day} out of range")

    @classmethod
    def parse(cls, text: str | None) -> PartialDate | None:
        """Read 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (anything after is ignored); None if not a date."""
        if not text:
            return None
        match = _ISO.match(str(text))
        if not match:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            return cls(year, month, day)  # type: ignore[arg-type]
        except ValueError:
            return None

    @property
    def precision(self) -> str:
        """'year', 'month' or 'day'."""
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        """ISO 8601 at this precision."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def shifted(self, period: str, offset: int) -> PartialDate:
        """The same date moved by whole years or months, at that period's precision."""
        if period == "year":
            return PartialDate(self.year + offset)
        if self.month is None:
            raise ValueError("a month shift needs a month")
        index = self.year * 12 + (self.month - 1) + offset
        return PartialDate(index // 12, index % 12 + 1)
