"""Dates of events: stated (Jalali, Gregorian, Hijri) or relative to the article's date.

One component of the extraction pipeline, driven by ``ontology/lexicons/dates-<lang>.tsv`` (month
names, weekdays, relative words, ordinal day numbers). Calendar arithmetic is left to libraries that
do it right: ``jdatetime`` (Jalali) and ``hijridate`` (Umm al-Qura Hijri).

Certainty of the result (:class:`kg.facts.EventDate`):
``exact`` a full date is stated; ``relative`` resolved from «دیروز», a weekday, or a day and month
with the year taken from the article; ``uncertain`` a vague span («هفته گذشته»); and the article's
own date, when nothing is said, is ``article``.

Example
-------
>>> from datetime import date
>>> finder = DateFinder.default("fa")
>>> finder.find("ظریف روز دوشنبه با لاوروف دیدار کرد", date(2025, 2, 11)).value
datetime.date(2025, 2, 10)
>>> finder.find("در ۲۲ بهمن ۱۴۰۳ ...", None).value
datetime.date(2025, 2, 10)
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

import jdatetime
from hijridate import Hijri

from kg.extract.lexicons import read_tsv
from kg.facts import EventDate
from kg.resources import ontology_dir

__all__ = ["DateFinder", "to_ascii_digits"]

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_SEP = r"[\s\u200c]+"


def to_ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits → ASCII digits (the normaliser does it too; dates must not depend on it)."""
    return text.translate(_DIGITS)


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", _SEP).replace("\u200c", "[\u200c ]?") for w in ordered)


class DateFinder:
    """Finds the date a sentence gives for its events."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self._vocab: dict[str, dict[str, str]] = {}
        phrases: dict[str, list[str]] = {}
        for row in rows:
            self._vocab.setdefault(row["kind"], {})[_key(row["phrase"])] = row["value"]
            phrases.setdefault(row["kind"], []).append(row["phrase"])
        day = rf"(?P<day>\d{{1,2}}|{_alternation(phrases.get('ordinal', []))})"
        # How a language writes a day and a month: «۲۲ بهمن» (day-month, the default) and/or
        # "March 5, 2019" (month-day, English); each order is one regex per calendar.
        orders = phrases.get("order") or ["day-month"]
        self._calendars: list[tuple[str, re.Pattern[str]]] = []
        for kind in ("jalali-month", "gregorian-month", "hijri-month"):
            months = _alternation(phrases.get(kind, []))
            if months and "month-day" in orders:
                self._calendars.append((kind, re.compile(
                    rf"(?<!\w)(?P<month>{months}){_SEP}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
                    rf"(?:,?{_SEP}(?P<year>\d{{4}}))?(?!\w)")))
            if months and "day-month" in orders:
                self._calendars.append((kind, re.compile(
                    rf"(?<!\w){day}{_SEP}(?P<month>{months})(?:{_SEP}(?:ماه{_SEP})?(?P<year>\d{{4}}))?(?!\w)")))
        self._numeric = re.compile(r"(?<!\d)(?P<y>1[34]\d\d|20\d\d)[/\-.](?P<m>\d{1,2})[/\-.](?P<d>\d{1,2})(?!\d)")
        weekdays = _alternation(phrases.get("weekday", []))
        directions = _alternation(phrases.get("direction", []))
        # A direction word may stand before the weekday too ("last Monday") where the language says so.
        before = _alternation(phrases.get("direction-before", []))
        prefix = rf"(?:(?P<pre>{before}){_SEP})?" if before else ""
        self._weekday = re.compile(
            rf"(?<!\w){prefix}(?:روز{_SEP})?(?P<wd>{weekdays})(?:{_SEP}(?P<dir>{directions}))?(?!\w)",
            re.IGNORECASE) if weekdays else None
        relatives = _alternation(phrases.get("relative", []))
        self._relative = re.compile(rf"(?<!\w)(?P<rel>{relatives})(?!\w)", re.IGNORECASE) if relatives else None

    @classmethod
    @cache
    def default(cls, lang: str) -> DateFinder:
        path = ontology_dir() / "lexicons" / f"dates-{lang}.tsv"
        rows = [row for _, row in read_tsv(path)] if path.exists() else []
        return cls(rows)

    def find(self, sentence: str, article_date: date | None) -> EventDate | None:
        """The first date the sentence states or implies, resolved against ``article_date``."""
        text = to_ascii_digits(sentence)
        for finder in (self._stated, self._numeric_date, self._relative_date, self._weekday_date):
            found = finder(text, article_date)
            if found:
                return found
        return None

    # -- stated dates ----------------------------------------------------------------------------
    def _stated(self, text: str, article_date: date | None) -> EventDate | None:
        for kind, regex in self._calendars:
            for match in regex.finditer(text):
                day = self._day_number(match.group("day"))
                month = int(self._vocab[kind][_key(match.group("month"))])
                year = int(match.group("year")) if match.group("year") else None
                value = _convert(kind, year, month, day, article_date)
                if value:
                    certainty = "exact" if year else "relative"
                    return EventDate(value, certainty, match.group(0))
        return None

    def _numeric_date(self, text: str, article_date: date | None) -> EventDate | None:
        match = self._numeric.search(text)
        if not match:
            return None
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
        kind = "jalali-month" if year < 1700 else "gregorian-month"
        value = _convert(kind, year, month, day, article_date)
        return EventDate(value, "exact", match.group(0)) if value else None

    def _day_number(self, text: str) -> int:
        return int(text) if text.isdigit() else int(self._vocab["ordinal"][_key(text)])

    # -- relative dates --------------------------------------------------------------------------
    def _weekday_date(self, text: str, article_date: date | None) -> EventDate | None:
        if not self._weekday or article_date is None:
            return None
        match = self._weekday.search(text)
        if not match:
            return None
        weekday = int(self._vocab["weekday"][_key(match["wd"])])
        direction = int(self._vocab["direction"][_key(match["dir"])]) if match["dir"] else -1
        if match.groupdict().get("pre"):
            direction = int(self._vocab["direction-before"][_key(match["pre"])])
        delta = (article_date.weekday() - weekday) % 7
        if direction > 0:
            value = article_date + timedelta(days=(weekday - article_date.weekday()) % 7 or 7)
        else:
            value = article_date - timedelta(days=delta)
        return EventDate(value, "relative", match.group(0))

    def _relative_date(self, text: str, article_date: date | None) -> EventDate | None:
        if not self._relative or article_date is None:
            return None
        match = self._relative.search(text)
        if not match:
            return None
        value = self._vocab["relative"][_key(match["rel"])]
        if value.startswith("week"):
            weeks = int(value[4:] or 0)
            return EventDate(article_date + timedelta(weeks=weeks), "uncertain", match.group(0))
        return EventDate(article_date + timedelta(days=int(value)), "relative", match.group(0))


def _key(text: str) -> str:
    """Lookup key of a calendar word: separators removed, Latin lower-cased ("Yesterday")."""
    return re.sub(r"[\s\u200c]+", "", text).lower()


def _convert(kind: str, year: int | None, month: int, day: int, article_date: date | None) -> date | None:
    """A calendar date → Gregorian; a missing year is the one that puts the date nearest before
    (or at most a month after) the article date."""
    try:
        if year is None:
            if article_date is None:
                return None
            candidates = [_convert(kind, y, month, day, None) for y in _years_around(kind, article_date)]
            valid = [c for c in candidates if c and c <= article_date + timedelta(days=31)]
            return max(valid) if valid else None
        if kind == "jalali-month":
            return jdatetime.date(year, month, day).togregorian()
        if kind == "hijri-month":
            return date(*Hijri(year, month, day).to_gregorian().datetuple())
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _years_around(kind: str, day: date) -> list[int]:
    if kind == "jalali-month":
        year = jdatetime.date.fromgregorian(date=day).year
    elif kind == "hijri-month":
        from hijridate import Gregorian
        year = Gregorian(day.year, day.month, day.day).to_hijri().year
    else:
        year = day.year
    return [year - 1, year, year + 1]
