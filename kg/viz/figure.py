"""What every figure shares: a new Agg figure, the captions in fa and en, and saving by suffix.

Figures are made with :class:`matplotlib.figure.Figure` on the Agg canvas directly, never through
``pyplot``: nothing global changes (a notebook's backend stays as it is) and no figure is left
open. Persian is drawn as it is: matplotlib (3.11) shapes and orders it by itself with the
default DejaVu Sans; reshaping it first (arabic-reshaper, python-bidi) garbles it.

Saving is deterministic: no dates in the file's metadata, fixed SVG ids.

Example
-------
>>> import tempfile, pathlib
>>> fig = new_figure(4, 3)
>>> path = save(fig, pathlib.Path(tempfile.mkdtemp()) / "empty.svg")
>>> path.read_text(encoding="utf-8").startswith("<?xml")
True
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from kg.errors import Errors, KGError

__all__ = ["FORMATS", "LANGS", "new_figure", "save", "caption", "digits", "check_lang", "join_notes"]

#: Suffixes a figure can be written as.
FORMATS = (".png", ".svg", ".pdf")
LANGS = ("fa", "en")

# Captions of the figures (not data of the graph): key → (en, fa).
_CAPTIONS = {
    "network.title": ("Who interacts with whom", "چه کسی با چه کسی تعامل دارد"),
    "network.subtitle": ("{nodes} actors, {events} events", "{nodes} کنشگر، {events} رویداد"),
    "network.note": ("node size: {size} · arrow: actor → recipient · width: events",
                     "اندازه: {size}؛ پیکان: کنشگر ← گیرنده؛ ضخامت: شمار رویدادها"),
    # Persian captions: no brackets or signed numbers (bidi easily puts them on the wrong side
    # between Persian and Latin text), and «؛» between parts, not «·», which reads as «۰».
    "network.note_dense": ("node size: {size} · width: events · directions not drawn: too many ties",
                           "اندازه: {size}؛ ضخامت: شمار رویدادها؛ جهت‌ها رسم نشده: پیوندها بسیارند"),
    "network.empty": ("No interactions in the graph", "تعاملی در گراف نیست"),
    "community": ("Community {n}", "گروه {n}"),
    "size.pagerank": ("PageRank", "پیج‌رنک"),
    "size.degree": ("events", "شمار رویدادها"),
    "size.betweenness": ("betweenness", "میانیگری"),
    "size.none": ("fixed", "ثابت"),
    "timeline.title": ("Cooperation and conflict between pairs", "همکاری و تنش میان جفت‌ها"),
    "timeline.y": ("mean PLOVER score (−10 conflict … +10 cooperation)",
                   "میانگین امتیاز PLOVER: منفی تنش، مثبت همکاری"),
    "timeline.x": ("period", "دوره"),
    "timeline.size": ("marker area: events in the period", "اندازهٔ دایره: شمار رویدادهای دوره"),
    "timeline.trimmed": ("{n} events outside {first} … {last} not shown",
                         "{n} رویداد بیرون از {first} تا {last} نشان داده نشده"),
    "timeline.empty": ("No dated events between pairs", "رویداد تاریخ‌داری میان جفت‌ها نیست"),
    "heatmap.title": ("Events between pairs, by domain", "رویدادهای میان جفت‌ها به تفکیک حوزه"),
    "heatmap.colorbar": ("events", "شمار رویدادها"),
    "heatmap.empty": ("No events with a domain between pairs", "رویداد حوزه‌داری میان جفت‌ها نیست"),
    "other": ("other", "دیگر"),
}

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def check_lang(lang: str) -> None:
    """Raise ``KG403`` unless ``lang`` is ``fa`` or ``en``."""
    if lang not in LANGS:
        from kg.errors import QueryError

        raise QueryError(Errors.E403, name="viz", param="lang", value=lang, kind="language (fa or en)")


def digits(text: str, lang: str) -> str:
    """Latin digits as Persian ones when ``lang`` is ``fa``.

    >>> digits("12 actors", "fa")
    '۱۲ actors'
    """
    return text.translate(_PERSIAN_DIGITS) if lang == "fa" else text


def caption(key: str, lang: str, **fields: object) -> str:
    """A figure caption in ``lang`` with ``fields`` filled in (digits Persian in ``fa``).

    Only captions get Persian digits; labels from the graph are drawn as they are (a code such
    as ``S20`` must stay as it is).

    >>> caption("community", "fa", n=2), caption("community", "en", n=2)
    ('گروه ۲', 'Community 2')
    """
    en, fa = _CAPTIONS[key]
    text = (fa if lang == "fa" else en).format(**fields)
    return digits(text, lang)


def join_notes(parts: list[str], lang: str) -> str:
    """Parts of a caption in one line: «؛ » between them in Persian (a «·» reads as «۰»), « · » in English.

    >>> join_notes(["a", "b"], "en"), join_notes(["الف", "ب"], "fa")
    ('a · b', 'الف؛ ب')
    """
    return ("؛ " if lang == "fa" else " · ").join(parts)


def new_figure(width: float, height: float) -> Figure:
    """A figure of ``width`` × ``height`` inches on its own Agg canvas."""
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def save(fig: Figure, out: Path | str, *, dpi: int = 150) -> Path:
    """Write ``fig`` to ``out`` as PNG, SVG or PDF (by the suffix) and return the path.

    Raises :class:`~kg.errors.KGError` ``KG502`` for another suffix or when the file cannot be
    written.
    """
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise KGError(Errors.E502, path=path, detail=f"unknown figure format {suffix or '(none)'!r}; "
                                                     f"use one of {', '.join(FORMATS)}")
    metadata = {".svg": {"Date": None}, ".pdf": {"CreationDate": None, "ModDate": None},
                ".png": {"Software": None}}[suffix]
    try:
        if path.parent != Path(""):
            path.parent.mkdir(parents=True, exist_ok=True)
        with matplotlib.rc_context({"svg.hashsalt": "regional-relations-kg", "svg.fonttype": "path"}):
            fig.savefig(path, dpi=dpi, metadata=metadata, facecolor="white")
    except OSError as exc:
        raise KGError(Errors.E502, path=path, detail=str(exc)) from exc
    return path
