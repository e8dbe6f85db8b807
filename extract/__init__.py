"""Rule-based extraction of arms-transfer facts from French news articles."""

from extract.extractor import Extractor
from extract.mention import Mention

__all__ = ["Extractor", "Mention"]
__version__ = "0.1.0"
