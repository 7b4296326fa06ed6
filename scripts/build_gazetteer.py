#!/usr/bin/env python3
"""Build ``ontology/gazetteer/countries.tsv`` from CLDR, reference tables and hand-written additions.

Why a build step: the country list is mostly mechanical (ISO codes, Wikidata IDs, names in English
and Persian for ~250 territories) and the sources disagree and contain errors, so the table is
generated once, reviewed, and committed. The loader (``kg.extract.gazetteer_data``) reads only the
generated file, so nothing is downloaded or derived at run time.

Sources, in order of preference for each cell:

1. ``ontology/gazetteer/countries-extra.tsv`` — hand-written: the names the Iranian press uses,
   demonyms, capitals and other metonyms, ambiguous forms, and corrections (``drop``).
2. CLDR through Babel (``babel.Locale('fa').territories``, ``Locale('en')``) — short names.
3. ``<reference>/iso3166-1_fa_isocodes.csv`` (Debian iso-codes, LGPL-2.1) — codes, official names.
4. ``<reference>/countries_en_fa_wikidata.csv`` (mledoze/countries, ODbL) — Wikidata IDs, names,
   capitals, UN membership; checked against ``covid19opendata_country_wikidata.csv`` (Apache-2.0).

Usage
-----
    python scripts/build_gazetteer.py                       # writes ontology/gazetteer/countries.tsv
    python scripts/build_gazetteer.py --reference ../shared/reference/countries --out /tmp/c.tsv

Example
-------
>>> clean_fa("كُرهٔ شمالي")
'کره شمالی'
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from babel import Locale

__all__ = ["clean_fa", "fa_forms", "build_rows", "write_tsv", "main"]

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference" / "countries"
DEFAULT_OUT = REPO / "ontology" / "gazetteer" / "countries.tsv"
EXTRA = REPO / "ontology" / "gazetteer" / "countries-extra.tsv"

COLUMNS = [
    "iso3", "iso2", "wikidata", "status", "name_en", "name_fa", "official_en", "official_fa",
    "variants_fa", "variants_en", "demonyms_fa", "demonyms_en", "capital_fa", "capital_en",
    "metonyms_fa", "metonyms_en", "ambiguous", "note",
]

# Codes outside ISO 3166-1: Kosovo's user-assigned codes (EU, IMF, World Bank use XK/XKX).
USER_ASSIGNED_ISO3 = {"XK": "XKX"}
# States that are not UN members but are commonly treated as states in the news.
OBSERVER_STATES = {"VAT", "PSE"}
PARTIALLY_RECOGNISED = {"XKX", "TWN"}

_YEH_KAF = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})
_ARABIC_TO_PERSIAN = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه"})
_MARKS = re.compile("[\u064b-\u0652\u0654\u0670\u0640]")  # harakat, hamza above, tatweel
_VOWEL_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # the same but the hamza above


def clean_fa(text: str) -> str:
    """Normalise a Persian name the way the press writes it.

    Arabic yeh/kaf become Persian ones, short-vowel marks, the hamza above a final heh («کرهٔ») and
    tatweel are removed, spaces collapsed. ZWNJ is kept.
    """
    text = unicodedata.normalize("NFC", text).translate(_ARABIC_TO_PERSIAN)
    text = _MARKS.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def fa_forms(text: str | None) -> list[str]:
    """The written forms of a Persian name worth matching: cleaned, as given when it differs only
    by the hamza above a heh («کرهٔ جنوبی», common in edited text), and the parts around a
    parenthesis (CLDR «میانمار (برمه)» gives «برمه» and «میانمار»)."""
    if not text:
        return []
    raw = re.sub(r"\s+", " ", text.strip())
    forms = [clean_fa(text)]
    if not _VOWEL_MARKS.search(raw) and "(" not in raw:
        forms.append(raw.translate(_YEH_KAF))
    match = re.match(r"^(.*?)\s*\((.*)\)\s*$", clean_fa(text))
    if match:
        forms += [match.group(2), match.group(1)]
    return [f for f in forms if f]


def en_forms(text: str | None) -> list[str]:
    """English forms: as given, without a leading "the", and split at a parenthesis."""
    if not text:
        return []
    text = re.sub(r"\s+", " ", text.strip())
    forms = [text, re.sub(r"^[Tt]he ", "", text)]
    match = re.match(r"^(.*?)\s*\((.*)\)\s*$", text)
    if match:
        forms += [match.group(2), match.group(1)]
    return [f for f in forms if f]


def _unique(values: Iterable[str], drop: set[str] = frozenset()) -> list[str]:
    """Distinct values in order, without ``drop``, inverted index forms ("Korea, Republic of",
    «ایران، جمهوری اسلامی»), CLDR's disambiguated forms ("Congo - Kinshasa"), parenthesised
    forms and forms starting with a lower-case "the"."""
    seen: list[str] = []
    for value in values:
        if (value and value not in seen and value not in drop and "،" not in value
                and ", " not in value and " - " not in value and "(" not in value
                and not value.startswith("the ")):
            seen.append(value)
    return seen


def _split(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def _read_csv(path: Path, key: str) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row[key]: row for row in csv.DictReader(handle)}


def read_extra(path: Path = EXTRA) -> dict[str, dict[str, str]]:
    """The hand-written additions, keyed by ISO alpha-3 (``#`` lines are comments)."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return {row["iso3"]: row for row in csv.DictReader(lines, delimiter="\t")}


def _official_fa(candidates: list[str | None], short_names: list[str], drop: set[str]) -> str:
    """The first official Persian name that is plausible: it names the country (contains one of
    its short names) and is not in an inverted "X، Y" form. iso-codes and mledoze both contain
    mistakes (Eritrea's official name given as «فلسطین»), which this check and ``drop`` catch."""
    for candidate in candidates:
        if not candidate:
            continue
        text = clean_fa(candidate)
        if text in drop or "،" in text or "," in text:
            continue
        if any(name and name in text for name in short_names):
            return text
    return ""


def _status(iso3: str, un_member: str) -> str:
    """un-member, observer (Holy See, Palestine), partially-recognised (Kosovo, Taiwan), territory.
    The observer list comes first: mledoze marks the Vatican as a UN member, which it is not."""
    if iso3 in OBSERVER_STATES:
        return "observer"
    if iso3 in PARTIALLY_RECOGNISED:
        return "partially-recognised"
    return "un-member" if un_member == "True" else "territory"


def build_rows(reference: Path, extra_path: Path = EXTRA, warn=print) -> list[dict[str, str]]:
    """One row per territory, columns as in :data:`COLUMNS`, sorted by ISO alpha-3."""
    mledoze = _read_csv(reference / "countries_en_fa_wikidata.csv", "iso2")
    isocodes = _read_csv(reference / "iso3166-1_fa_isocodes.csv", "alpha_2")
    covid = _read_csv(reference / "covid19opendata_country_wikidata.csv", "key")
    extra = read_extra(extra_path)
    fa_cldr, en_cldr = Locale("fa").territories, Locale("en").territories
    rows = []
    for iso2 in sorted(set(mledoze) | set(isocodes)):
        ml, iso = mledoze.get(iso2, {}), isocodes.get(iso2, {})
        iso3 = USER_ASSIGNED_ISO3.get(iso2) or iso.get("alpha_3") or ml["iso3"]
        ex = extra.pop(iso3, {})
        drop = set(_split(ex.get("drop")))
        qid = ml.get("wikidata_qid", "")
        other = covid.get(iso2, {}).get("wikidata", "")
        if qid and other and qid != other:
            warn(f"{iso3}: Wikidata IDs differ: mledoze {qid}, covid-19-open-data {other}")
        qid = qid or other

        cldr_fa, cldr_en = fa_cldr.get(iso2), en_cldr.get(iso2)
        name_en = ex.get("name_en") or ml.get("name_en") or cldr_en or iso.get("name_en", "")
        name_fa = ex.get("name_fa") or re.sub(r"\s*\(.*\)$", "", clean_fa(
            cldr_fa or ml.get("name_fa") or iso.get("name_fa", "")))
        short_fa = _unique([name_fa, *fa_forms(cldr_fa), *fa_forms(ml.get("name_fa"))], drop)
        official_en = (ex.get("official_en") or iso.get("official_name_en")
                       or ml.get("official_name_en") or name_en)
        official_en = re.sub(r"^the ", "", official_en)
        official_fa = ex.get("official_fa") or _official_fa(
            [iso.get("official_name_fa"), ml.get("official_name_fa")], short_fa, drop) or name_fa

        iso_fa = iso.get("name_fa", "")
        iso_en = iso.get("name_en", "")
        variants_fa = _unique(
            [*fa_forms(cldr_fa), *fa_forms(ml.get("name_fa")),
             *([] if "،" in iso_fa else fa_forms(iso_fa)), *_split(ex.get("variants_fa"))],
            drop | {name_fa, official_fa})
        variants_en = _unique(
            [*en_forms(cldr_en), *en_forms(ml.get("name_en")), *en_forms(ml.get("official_name_en")),
             *([] if ", " in iso_en else en_forms(iso_en)), *en_forms(iso.get("official_name_en")),
             *_split(ex.get("variants_en"))],
            drop | {name_en, official_en})
        capital_en = _unique([*_split(ex.get("capital_en")), ml.get("capital_en", "")], drop)
        rows.append({
            "iso3": iso3, "iso2": iso2, "wikidata": qid,
            "status": _status(iso3, ml.get("unMember", "")),
            "name_en": name_en, "name_fa": name_fa,
            "official_en": official_en, "official_fa": official_fa,
            "variants_fa": "|".join(variants_fa), "variants_en": "|".join(variants_en),
            "demonyms_fa": "|".join(_split(ex.get("demonyms_fa"))),
            "demonyms_en": "|".join(_split(ex.get("demonyms_en"))),
            "capital_fa": "|".join(_split(ex.get("capital_fa"))),
            "capital_en": "|".join(capital_en),
            "metonyms_fa": "|".join(_split(ex.get("metonyms_fa"))),
            "metonyms_en": "|".join(_split(ex.get("metonyms_en"))),
            "ambiguous": "|".join(_split(ex.get("ambiguous"))),
            "note": ex.get("note", "").strip(),
        })
    for iso3 in extra:
        warn(f"countries-extra.tsv: {iso3} matches no territory in the reference tables")
    return sorted(rows, key=lambda row: row["iso3"])


HEADER = """\
# GENERATED by scripts/build_gazetteer.py — do not edit by hand: edit countries-extra.tsv and rebuild.
# Sources: CLDR via Babel {babel} (Unicode licence), Debian iso-codes (LGPL-2.1), mledoze/countries
# (ODbL 1.0), covid-19-open-data (Apache-2.0), and hand-written countries-extra.tsv. See README.md.
# Columns: | separates several values; ambiguous lists surface forms that need context.
"""


def write_tsv(rows: list[dict[str, str]], out: Path) -> None:
    """Write ``rows`` as UTF-8 TSV with a comment header (tabs and newlines in cells are refused)."""
    import babel

    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER.format(babel=babel.__version__))
        handle.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            cells = [row[c] for c in COLUMNS]
            if any("\t" in c or "\n" in c for c in cells):
                raise ValueError(f"{row['iso3']}: a cell contains a tab or a newline")
            handle.write("\t".join(cells) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE,
                        help="folder with the reference country CSVs (default: ../shared/reference/countries)")
    parser.add_argument("--extra", type=Path, default=EXTRA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not args.reference.is_dir():
        print(f"reference folder not found: {args.reference}", file=sys.stderr)
        return 2
    rows = build_rows(args.reference, args.extra, warn=lambda m: print("warning:", m, file=sys.stderr))
    write_tsv(rows, args.out)
    print(f"wrote {len(rows)} rows to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
