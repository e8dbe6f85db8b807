"""ORG from patterns: ministries and armed forces named by their function and a demonym.

'la marine turque' -> ORG 'marine turque' (TUR, armed force); 'le ministère roumain de la
Défense' -> ORG (ROU, ministry); 'le ministère de la Défense' alone -> ORG without a country.
Named organizations (companies, agencies) come from the gazetteer, not from here.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.pipes.items import Candidate, LexItem
from extract.rules import PatternRule


def normalize_institution(doc: Doc, start: int, end: int, items: list[LexItem], rule: PatternRule) -> Candidate | None:
    """The name as written (value), its country from the demonym, its kind from the institution word."""
    institution = next((i for i in items if i.cls in ("institutions", "institution_tails", "org")), None)
    country = next((i for i in items if i.cls == "country"), None)
    if institution is None:
        return None
    if institution.cls == "org":  # 'Corps des Marines' of the gazetteer + 'philippins'
        kind = getattr(institution.entry, "entity_kind", "")
        if kind not in ("armed_force", "ministry") or country is None:
            return None
        if getattr(institution.entry, "country", "") in ("", str(country.value)):
            return None  # 'Département d'État américain': the gazetteer's ORG, the demonym a COUNTRY
        alone = False
    elif isinstance(institution.value, tuple):
        kind, alone = institution.value
    else:
        kind, alone = str(institution.value), True
    if country is not None and getattr(country.entry, "kind", "") != "demonym":
        return None  # 'la marine du Maroc' is not written this way; 'marine Maroc' is no name
    if country is None and not alone:
        return None  # 'la marine' alone names no organization
    name = " ".join(doc[start:end].text.split())
    return Candidate(
        "ORG",
        start,
        end,
        name,
        "",
        rule.id,
        form_kind="function",
        extra={"country": str(country.value) if country is not None else "", "entity_kind": kind},
    )
