"""Rule-based extraction of arms-transfer facts from French news articles.

The public names are imported on first use (PEP 562), so `import extract.cli` and
`extract --help` do not pay for spaCy and pandas.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extract.extractor import Extractor
    from extract.frames import RunTables, load
    from extract.mention import Mention

__all__ = ["Extractor", "Mention", "RunTables", "load"]
__version__ = "0.1.0"

#: public name -> the module that defines it
_HOMES = {
    "Extractor": "extract.extractor",
    "Mention": "extract.mention",
    "RunTables": "extract.frames",
    "load": "extract.frames",
}


def __getattr__(name: str) -> Any:
    """`extract.Extractor` and the other public names, imported when first asked for."""
    if name not in _HOMES:
        raise AttributeError(f"module 'extract' has no attribute '{name}'")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
