"""Build the country gazetteer ``rules/gazetteers/countries.csv``.

Merges French country names from pycountry and Babel with the hand-curated
files in ``rules/gazetteers`` (forms, demonyms, capitals, exclusions).
Runnable as ``python -m extract.gazetteers.build_countries`` or as a script.
"""

from __future__ import annotations

import csv
import gettext
import pathlib
import re
import sys
import unicodedata

import pycountry
from babel import Locale

FIELDS = ["iso3", "form", "kind", "source"]
CURATED_KINDS = {"name", "abbreviation", "historical"}
DEMONYM_COLUMNS = ["masc_sg", "fem_sg", "masc_pl", "fem_pl"]
_PARENS = re.compile(r"\s*\([^()]*\)")
_SPACES = re.compile(r"\s+")


def _read_csv(path: pathlib.Path) -> list[dict[str, str]]:
    """Read a UTF-8 CSV file with a header into a list of dicts."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _norm(form: str) -> str:
    """Normalise apostrophes (curly to straight) and whitespace."""
    form = form.replace("\u2019", "'").replace("\u02bc", "'")
    return _SPACES.sub(" ", form).strip()


def _clean(form: str) -> str:
    """Normalise a form and strip its parenthesised parts."""
    return _norm(_PARENS.sub("", form))


def _fold(form: str) -> str:
    """Key used to detect forms the loader would treat as the same string."""
    decomposed = unicodedata.normalize("NFKD", form.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _pycountry_rows() -> list[dict[str, str]]:
    """French names of all ISO 3166-1 entries from pycountry's gettext catalog."""
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    rows = []
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                rows.append({"iso3": country.alpha_3, "form": tr.gettext(value), "kind": "name", "source": "pycountry"})
    return rows


def _babel_rows() -> list[dict[str, str]]:
    """French territory names from Babel, restricted to ISO 3166-1 codes."""
    territories = Locale("fr").territories
    rows = []
    for country in pycountry.countries:
        name = territories.get(country.alpha_2)
        if name:
            rows.append({"iso3": country.alpha_3, "form": name, "kind": "name", "source": "babel"})
    return rows


def _curated_rows(gaz_dir: pathlib.Path) -> list[dict[str, str]]:
    """Hand-curated forms from country_forms.csv."""
    rows = []
    for row in _read_csv(gaz_dir / "country_forms.csv"):
        if row["kind"] not in CURATED_KINDS:
            raise ValueError(f"country_forms.csv: bad kind {row['kind']!r} for {row['form']!r}")
        rows.append({"iso3": row["iso3"], "form": row["form"], "kind": row["kind"], "source": "curated"})
    return rows


def _demonym_rows(gaz_dir: pathlib.Path) -> list[dict[str, str]]:
    """All non-empty demonym forms from country_demonyms.csv."""
    rows = []
    for row in _read_csv(gaz_dir / "country_demonyms.csv"):
        for column in DEMONYM_COLUMNS:
            if row[column].strip():
                rows.append({"iso3": row["iso3"], "form": row[column], "kind": "demonym", "source": "curated"})
    return rows


def _capital_rows(gaz_dir: pathlib.Path) -> list[dict[str, str]]:
    """Capitals (and press metonymy seats of government) from country_capitals.csv."""
    return [
        {"iso3": row["iso3"], "form": row["capital"], "kind": "capital", "source": "curated"}
        for row in _read_csv(gaz_dir / "country_capitals.csv")
    ]


def build_country_rows(rules_dir: pathlib.Path) -> list[dict[str, str]]:
    """Return de-duplicated gazetteer rows (iso3, form, kind, source).

    Priority for an identical iso3+form: curated forms > pycountry > Babel >
    demonyms > capitals. Raises ValueError if a form (compared after case and
    accent folding, as the loader will) maps to two iso3 codes.
    """
    gaz_dir = pathlib.Path(rules_dir) / "gazetteers"
    valid = {c.alpha_3 for c in pycountry.countries}
    excluded = {_norm(r["form"]) for r in _read_csv(gaz_dir / "country_exclusions.csv")}
    candidates = (
        _curated_rows(gaz_dir) + _pycountry_rows() + _babel_rows() + _demonym_rows(gaz_dir) + _capital_rows(gaz_dir)
    )

    seen: set[tuple[str, str]] = set()
    owner: dict[str, tuple[str, str]] = {}
    rows: list[dict[str, str]] = []
    for row in candidates:
        if row["iso3"] not in valid:
            raise ValueError(f"unknown iso3 {row['iso3']!r} for form {row['form']!r}")
        raw = _norm(row["form"])
        if raw in excluded or "," in raw:
            continue
        form = _clean(raw)
        if not form or form in excluded:
            continue
        key = _fold(form)
        if key in owner and owner[key][0] != row["iso3"]:
            raise ValueError(f"form {form!r} maps to both {owner[key][0]} ({owner[key][1]!r}) and {row['iso3']}")
        owner[key] = (row["iso3"], form)
        if (row["iso3"], form) in seen:
            continue
        seen.add((row["iso3"], form))
        rows.append({**row, "form": form})
    rows.sort(key=lambda r: (r["iso3"], r["kind"], r["form"]))
    return rows


def main() -> None:
    """Write rules/gazetteers/countries.csv (rules dir overridable by argv[1])."""
    default = pathlib.Path(__file__).resolve().parents[2] / "rules"
    rules_dir = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else default
    rows = build_country_rows(rules_dir)
    out = rules_dir / "gazetteers" / "countries.csv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{out}: {len(rows)} rows, {len({r['iso3'] for r in rows})} distinct iso3")


if __name__ == "__main__":
    main()
