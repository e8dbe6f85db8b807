"""What MONEY, COUNT and RANGE share: reading numbers, scales and intervals from items."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from extract.pipes.items import LexItem


@dataclass(frozen=True)
class Amounts:
    """The one or two numbers of a quantity, each multiplied by its scale word."""

    values: list[Decimal]
    approx: str

    @property
    def value(self) -> Decimal:
        """The amount; for an interval, its upper bound."""
        return self.values[-1]

    @property
    def minimum(self) -> Decimal | None:
        """The lower bound of an interval ('entre 3 et 4 milliards' -> 3e9), else None."""
        return self.values[0] if len(self.values) > 1 else None


def read_amounts(items: list[LexItem]) -> Amounts | None:
    """Numbers with their scales: a scale after the last number also scales an unscaled first one.

    'entre 3 et 4 milliards' -> [3e9, 4e9]; '2,5 Md€' -> [2.5e9]; 'deux millions et demi' -> [2.5e6].
    """
    numbers: list[list[Decimal]] = []
    approx = ""
    for item in items:
        if item.cls == "approx":
            approx = _cue_text(item)
        elif item.cls == "number" and item.value is not None:
            numbers.append([Decimal(item.value), Decimal(1)])
            if item.approx:
                approx = approx or item.approx.lower()
        elif item.cls in ("scale", "scaled_currency") and numbers:
            factor = item.value[0] if item.cls == "scaled_currency" else item.value
            numbers[-1][1] = numbers[-1][1] * Decimal(factor)
        elif item.cls == "scale_fraction" and numbers and numbers[-1][1] != 1:
            numbers[-1][0] += Decimal(item.value)  # 'deux millions et demi': (2 + 0.5) million
    if not numbers:
        return None
    last_scale = numbers[-1][1]
    values = [n * (s if s != 1 else last_scale) for n, s in numbers]
    if len(values) > 1 and values[0] > values[-1]:
        return None
    return Amounts(values, approx)


def _cue_text(item: LexItem) -> str:
    return str(item.entry.form).lower() if item.entry is not None else ""
