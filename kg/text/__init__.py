"""Persian and English text at the edge: normalise once, keep the original for provenance.

``prepare`` (the pipeline's entry), ``normalise`` (characters, spaces, lost ZWNJs, with alignment
to the original) and ``detect_lang`` (from the script).
"""

from kg.text.normalize import Normalised, normalise
from kg.text.prepare import Prepared, prepare
from kg.text.script import detect_lang

__all__ = ["prepare", "Prepared", "normalise", "Normalised", "detect_lang"]
