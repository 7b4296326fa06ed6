"""Which language an article is in, from its script (no model needed for fa/ar/en).

Example
-------
>>> detect_lang("وزیر امور خارجه گفت"), detect_lang("The minister said"), detect_lang("")
('fa', 'en', 'fa')
"""

from __future__ import annotations

import re

__all__ = ["detect_lang"]

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
_LATIN = re.compile(r"[A-Za-z]")
_PERSIAN_ONLY = re.compile(r"[پچژگی]")
_ARABIC_ONLY = re.compile(r"[ةىي]")


def detect_lang(text: str, default: str = "fa") -> str:
    """``fa``, ``ar`` or ``en`` by the letters that dominate ``text`` (a sample of 2,000 chars).

    Arabic-script text is Persian unless it has Arabic-only letters (ة ى ي) and none of Persian's
    own (پ چ ژ گ ی); Persian web text often uses Arabic ي/ك, so those alone do not make it Arabic.
    """
    sample = text[:2000]
    arabic = len(_ARABIC_SCRIPT.findall(sample))
    latin = len(_LATIN.findall(sample))
    if not arabic and not latin:
        return default
    if latin > arabic:
        return "en"
    if _ARABIC_ONLY.search(sample) and not _PERSIAN_ONLY.search(sample) and "ة" in sample:
        return "ar"
    return "fa"
