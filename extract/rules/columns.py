"""The values a rules column may take and the columns many rules files share (`extract.rules.catalogue`)."""

from __future__ import annotations

from extract.rules.schema import Column

WEAPON_CATEGORIES = (
    "aircraft",
    "air defence system",
    "anti-submarine weapon",
    "armoured vehicle",
    "artillery",
    "engine",
    "missile",
    "naval weapon",
    "satellite",
    "sensor",
    "ship",
    "other",
)
ORG_KINDS = ("manufacturer", "agency", "ministry", "armed_force", "parliament", "other")
APPROX_MEANINGS = ("about", "at_least", "at_most", "up_to")
DEAL_STATUSES = ("approved", "ordered", "delivered", "negotiating", "donated", "other")
DIRECTIONS = ("", "in", "out", "held")
COUNTRY_FORM_KINDS = ("name", "abbreviation", "historical")
FURNITURE_KINDS = (
    "section",
    "credit",
    "byline",
    "update_stamp",
    "schedule",
    "reading_time",
    "related",
    "ad",
    "share",
    "slogan",
    "other",
)
#: Where a word of capital_place_cues.csv stands: before 'à <capital>' (up to 5 words), after the
#: capital (up to 15 words), or right before 'de <capital>'.
PLACE_CUE_POSITIONS = ("before", "after", "of")

FORM = Column("form", required=True, doc="the word or phrase as written")
VALUE = Column("value", doc="what the form means to the code that reads the class")
ISO3 = Column("iso3", "iso3", required=True, doc="ISO 3166-1 alpha-3 code")
REASON = Column("reason", doc="why the form is listed")
CUE = Column("cue", required=True, doc="words; a word ending in '*' matches any word starting with it")
