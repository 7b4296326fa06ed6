"""Persian and English text at the edge: normalise once, keep the original for provenance.

``prepare`` is the pipeline's entry (normalise, drop boilerplate, split sentences);
``normalise`` does characters, spaces and lost ZWNJs with an alignment back to the original;
``detect_lang`` tells ``fa``, ``ar`` and ``en`` apart by script.

Example
-------
>>> normalise("رئیسجمهور ايران", detect_lang("رئیسجمهور ايران")).text.replace("\\u200c", "+")
'رئیس+جمهور ایران'
"""

from kg.text.normalize import Normalised, normalise
from kg.text.prepare import Prepared, prepare
from kg.text.script import detect_lang

__all__ = ["prepare", "Prepared", "normalise", "Normalised", "detect_lang"]
