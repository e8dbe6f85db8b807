"""Rule-based extraction of arms-transfer facts from French news articles."""

from extract.extractor import Extractor
from extract.frames import RunTables, load
from extract.mention import Mention

__all__ = ["Extractor", "Mention", "RunTables", "load"]
__version__ = "0.1.0"
