"""regional-relations-kg: news about international relations → a PLOVER-coded knowledge graph."""

__version__ = "0.1.0"
ONTOLOGY_VERSION = "0.2.0"

__all__ = ["__version__", "ONTOLOGY_VERSION"]
