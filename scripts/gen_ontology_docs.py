#!/usr/bin/env python3
"""Generate ``docs/ontology.md`` and ``docs/ontology-overview.svg`` from the ontology's Turtle files.

Why generated: the reference of classes, properties and SKOS concepts would drift from
``ontology/*.ttl`` if it were written by hand; this script reads the Turtle (through
``kg.rdf.ontology``, so the files the toolkit loads are the files documented) and writes every
class, property (domain, range, characteristics, labels in English and Persian, definitions), every
SKOS scheme with its concepts (notation, labels, CAMEO codes, quad class, …), what the SHACL shapes
check, and the named queries of ``queries/``. ``tests/test_ontology_docs.py`` regenerates the page
and fails when the committed one differs: after editing the ontology, run this script.

The overview diagram draws the ontology's classes and the object properties between them (domain →
range, several properties on one arrow) with networkx and matplotlib.

Usage
-----
    python scripts/gen_ontology_docs.py                     # writes docs/ontology.md and the SVG
    python scripts/gen_ontology_docs.py --check             # exit 1 when docs/ontology.md is stale
    python scripts/gen_ontology_docs.py --out /tmp/o.md --svg /tmp/o.svg

Example
-------
>>> page = render_markdown()
>>> "### rr:Event" in page and "| `CONSULT` |" in page
True
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, str(ROOT))

from rdflib import BNode, Graph, Literal, URIRef  # noqa: E402
from rdflib.collection import Collection  # noqa: E402
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS  # noqa: E402
from rdflib.term import Node  # noqa: E402

from kg.rdf.namespaces import RR, SDO  # noqa: E402

__all__ = ["render_markdown", "draw_overview", "main"]

DOCS = ROOT / "docs"
PAGE = DOCS / "ontology.md"
DIAGRAM = DOCS / "ontology-overview.svg"
ONTOLOGY_IRI = URIRef("https://w3id.org/rrkg/ontology")

#: External prefixes used in the files but not in the graph model's table (for display only).
EXTRA_PREFIXES = {
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "org": "http://www.w3.org/ns/org#",
    "vann": "http://purl.org/vocab/vann/",
    "sh": str(SH),
    "rrs": "https://w3id.org/rrkg/shapes#",
}
CHARACTERISTICS = {
    OWL.FunctionalProperty: "functional", OWL.InverseFunctionalProperty: "inverse functional",
    OWL.SymmetricProperty: "symmetric", OWL.TransitiveProperty: "transitive",
}
SCHEME_COLUMNS = {  # extra columns of a scheme's concept table: header → property
    "categories": [("quad class", RR.quadClass), ("score", RR.score), ("CAMEO codes", RR.cameoCode)],
    "modes": [("mode of", RR.modeOf), ("CAMEO codes", RR.cameoCode)],
    "contexts": [("CAMEO codes", RR.cameoCode)],
    "topics": [("broader", SKOS.broader), ("PLOVER context", RR.context)],
    "offices": [("broader", SKOS.broader)],
}


# -- reading ------------------------------------------------------------------------------------


def _graphs() -> tuple[Graph, Graph]:
    from kg.rdf.ontology import ontology_graph, shapes_graph

    return ontology_graph(), shapes_graph()


def _prefixes(graph: Graph) -> list[tuple[str, str]]:
    from kg.rdf.namespaces import PREFIXES

    known = {prefix: str(ns) for prefix, ns in PREFIXES.items()} | EXTRA_PREFIXES
    return sorted(((ns, prefix) for prefix, ns in known.items()), key=lambda x: -len(x[0]))


class _Names:
    """Terms as prefixed names, rr: terms as links to their section."""

    def __init__(self, graph: Graph) -> None:
        self.namespaces = _prefixes(graph)

    def short(self, term: Node) -> str:
        if isinstance(term, URIRef):
            text = str(term)
            for namespace, prefix in self.namespaces:
                if text.startswith(namespace) and "/" not in text[len(namespace):]:
                    return f"{prefix}:{text[len(namespace):]}"
            return f"<{text}>"
        return str(term)

    def link(self, term: Node) -> str:
        name = self.short(term)
        if isinstance(term, URIRef) and str(term).startswith(str(RR)):
            return f"[{name}](#{_anchor(name)})"
        return f"`{name}`" if not name.startswith("<") else name


def _anchor(name: str) -> str:
    """GitHub's heading anchor of ``### rr:Event`` → ``rrevent``."""
    return "".join(ch for ch in name.lower() if ch.isalnum() or ch in "-_ ").replace(" ", "-")


def _lang(graph: Graph, node: Node, prop: URIRef, lang: str) -> str:
    values = sorted(str(o) for o in graph.objects(node, prop) if isinstance(o, Literal) and o.language == lang)
    return " / ".join(values)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _objects(graph: Graph, node: Node, prop: URIRef) -> list[Node]:
    return sorted(graph.objects(node, prop), key=str)


def _terms(graph: Graph, kind: URIRef) -> list[URIRef]:
    return sorted(s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef) and str(s).startswith(str(RR)))


# -- the page -----------------------------------------------------------------------------------


def render_markdown() -> str:
    """The whole of ``docs/ontology.md``, from the ontology files as they are now."""
    ontology, shapes = _graphs()
    names = _Names(ontology)
    parts = [
        _header(ontology),
        _classes(ontology, names),
        _properties(ontology, names, OWL.ObjectProperty, "Object properties"),
        _properties(ontology, names, OWL.DatatypeProperty, "Datatype properties"),
        _schemes(ontology, names),
        _shapes(shapes, names),
        _queries(),
    ]
    return "\n".join(parts).rstrip() + "\n"


def _header(graph: Graph) -> str:
    version = graph.value(ONTOLOGY_IRI, OWL.versionInfo)
    title_en, title_fa = (_lang(graph, ONTOLOGY_IRI, DCTERMS.title, lang) for lang in ("en", "fa"))
    return "\n".join([
        "<!-- Generated by scripts/gen_ontology_docs.py from ontology/*.ttl: do not edit by hand;",
        "     run `python scripts/gen_ontology_docs.py` after changing the ontology. -->",
        f"# {title_en} — version {version}",
        "",
        f"*{title_fa}*",
        "",
        _cell(_lang(graph, ONTOLOGY_IRI, DCTERMS.description, "en")),
        "",
        f"- Namespace: `{RR}` (prefix `rr:`); ontology IRI `{ONTOLOGY_IRI}`, version IRI "
        f"`{graph.value(ONTOLOGY_IRI, OWL.versionIRI)}`",
        f"- Licence: {graph.value(ONTOLOGY_IRI, DCTERMS.license)}",
        "- Files: `ontology/rrk.ttl` (classes, properties), `ontology/plover.ttl`, `ontology/topics.ttl`, "
        "`ontology/offices.ttl` (SKOS schemes), `ontology/shapes.ttl` (SHACL); the graph model and its "
        "named graphs: [graph-model.md](graph-model.md)",
        "",
        "![Classes and object properties of the ontology](ontology-overview.svg)",
        "",
        "*Overview: classes (boxes) and the object properties from their domain to their range; dashed "
        "arrows go from a class to its super-class.*",
        "",
        "## Contents",
        "",
        "- [Classes](#classes) · [Object properties](#object-properties) · "
        "[Datatype properties](#datatype-properties) · [Concept schemes](#concept-schemes) · "
        "[What the shapes check](#what-the-shapes-check) · [Queries](#queries)",
        "",
    ])


def _classes(graph: Graph, names: _Names) -> str:
    lines = ["## Classes", ""]
    for cls in _terms(graph, OWL.Class):
        lines += _term_head(graph, names, cls)
        rows = [("sub-class of", ", ".join(names.link(c) for c in _objects(graph, cls, RDFS.subClassOf))),
                ("sub-classes", ", ".join(names.link(c) for c in sorted(graph.subjects(RDFS.subClassOf, cls), key=str))),
                ("close match", ", ".join(names.link(c) for c in _objects(graph, cls, SKOS.closeMatch))),
                ("disjoint with", ", ".join(names.link(c) for c in _disjoint(graph, cls)))]
        lines += _table(rows) + _definitions(graph, cls)
    return "\n".join(lines)


def _disjoint(graph: Graph, cls: URIRef) -> list[URIRef]:
    found: set[Node] = set(graph.objects(cls, OWL.disjointWith)) | set(graph.subjects(OWL.disjointWith, cls))
    for group in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(graph, graph.value(group, OWL.members)))
        if cls in members:
            found |= set(members) - {cls}
    return sorted(found, key=str)


def _properties(graph: Graph, names: _Names, kind: URIRef, title: str) -> str:
    lines = [f"## {title}", ""]
    for prop in _terms(graph, kind):
        lines += _term_head(graph, names, prop)
        domain = [names.link(d) for d in _objects(graph, prop, RDFS.domain)]
        domain += [f"{names.link(d)} (domain includes)" for d in _objects(graph, prop, SDO.domainIncludes)]
        rows = [("domain", ", ".join(domain)),
                ("range", ", ".join(names.link(r) for r in _objects(graph, prop, RDFS.range))),
                ("characteristics", ", ".join(sorted(CHARACTERISTICS[t] for t in graph.objects(prop, RDF.type)
                                                     if t in CHARACTERISTICS))),
                ("sub-property of", ", ".join(names.link(p) for p in _objects(graph, prop, RDFS.subPropertyOf))),
                ("sub-properties", ", ".join(names.link(p) for p in sorted(graph.subjects(RDFS.subPropertyOf, prop), key=str))),
                ("inverse of", ", ".join(names.link(p) for p in _objects(graph, prop, OWL.inverseOf))),
                ("property chain", "; ".join(" ∘ ".join(names.link(p) for p in Collection(graph, chain))
                                             for chain in _objects(graph, prop, OWL.propertyChainAxiom))),
                ("see also", ", ".join(names.link(p) for p in _objects(graph, prop, RDFS.seeAlso)))]
        lines += _table(rows) + _definitions(graph, prop)
    return "\n".join(lines)


def _term_head(graph: Graph, names: _Names, term: URIRef) -> list[str]:
    en, fa = _lang(graph, term, RDFS.label, "en"), _lang(graph, term, RDFS.label, "fa")
    return [f"### {names.short(term)}", "", f"**{en}** · {fa} · `{term}`", ""]


def _table(rows: Iterable[tuple[str, str]]) -> list[str]:
    kept = [(k, v) for k, v in rows if v]
    if not kept:
        return []
    return ["| | |", "|---|---|", *(f"| {k} | {_cell(v)} |" for k, v in kept), ""]


def _definitions(graph: Graph, term: URIRef) -> list[str]:
    out = []
    for lang in ("en", "fa"):
        text = _lang(graph, term, RDFS.comment, lang)
        if text:
            out += [f"> {_cell(text)}" if lang == "en" else f'> <span dir="rtl">{_cell(text)}</span>', ">"]
    return out[:-1] + [""] if out else []


def _schemes(graph: Graph, names: _Names) -> str:
    from kg.rdf.ontology import SCHEMES

    lines = ["## Concept schemes", ""]
    for short, scheme in SCHEMES.items():
        concepts = sorted((c for c in graph.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef)),
                          key=lambda c: (int(graph.value(c, RR.quadClass) or 0), _notation(graph, c)))
        en, fa = _lang(graph, scheme, SKOS.prefLabel, "en"), _lang(graph, scheme, SKOS.prefLabel, "fa")
        lines += [f"### {names.short(scheme)} — {en}", "", f"*{fa}* · {len(concepts)} concepts · `{scheme}`", "",
                  _cell(_lang(graph, scheme, SKOS.definition, "en")), ""]
        extra = SCHEME_COLUMNS.get(short, [])
        header = ["notation", "IRI", "English", "Persian", *(h for h, _ in extra), "definition"]
        lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for concept in concepts:
            cells = [f"`{_notation(graph, concept)}`", f"`{names.short(concept)}`",
                     _lang(graph, concept, SKOS.prefLabel, "en"), _lang(graph, concept, SKOS.prefLabel, "fa")]
            for _, prop in extra:
                values = _objects(graph, concept, prop)
                cells.append(", ".join(_notation(graph, v) if isinstance(v, URIRef) else str(v) for v in values))
            cells.append(_lang(graph, concept, SKOS.definition, "en"))
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def _notation(graph: Graph, concept: Node) -> str:
    notation = graph.value(concept, SKOS.notation)
    return str(notation) if notation is not None else str(concept).rstrip("/").rsplit("/", 1)[-1]


def _shapes(shapes: Graph, names: _Names) -> str:
    """One row per property constraint of each targeted node shape, with its message."""
    lines = ["## What the shapes check", "",
             "`ontology/shapes.ttl`, checked at ingest (an article graph that breaks a shape is not written, "
             "error KG201) and by `kg.rdf.validation.validate_store`.", "",
             "| class | path | constraint |", "|---|---|---|"]
    for shape in sorted(shapes.subjects(SH.targetClass, None), key=str):
        target = names.link(shapes.value(shape, SH.targetClass))
        rows = []
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            rows.append((names.short(path) if isinstance(path, URIRef) else "(path)",
                         str(shapes.value(prop, SH.message) or "")))
        for constraint in shapes.objects(shape, SH.sparql):
            rows.append(("(SPARQL)", str(shapes.value(constraint, SH.message) or "")))
        for path, message in sorted(rows):
            lines.append(f"| {target} | `{path}` | {_cell(message)} |")
    return "\n".join([*lines, ""])


def _queries() -> str:
    from kg.queries import load_queries

    lines = ["## Queries", "",
             "Named SPARQL queries over this model live in [`queries/`](../queries/) (run one with "
             "`kg query NAME --param key=value`, or `kg.queries.run_query(store, NAME, {...})`):", "",
             "| query | title | parameters |", "|---|---|---|"]
    for name, query in sorted(load_queries().items()):
        params = ", ".join(f"`{p.name}` ({p.kind}{'' if p.required else ', optional'})" for p in query.params)
        lines.append(f"| [`{name}`](../queries/{name}.rq) | {_cell(query.title)} | {params or '—'} |")
    lines += ["", "For example, who was Iran's foreign minister on 17 January 2020:", "", "```sparql",
              _example_query(), "```", ""]
    return "\n".join(lines)


def _example_query() -> str:
    from kg.queries import bind, get_query

    text = bind(get_query("who-held-office"), {"role": "foreign-minister", "country": "IRN", "date": "2020-01-17"})
    return "\n".join(line for line in text.splitlines() if not line.startswith("#")).strip()


# -- the diagram --------------------------------------------------------------------------------


def overview_graph():
    """A networkx MultiDiGraph: classes as nodes; one edge per object property (domain → range,
    ``schema:domainIncludes`` counting as domain) and ``subclass`` edges to rr: super-classes."""
    import networkx as nx

    graph, _ = _graphs()
    names = _Names(graph)
    diagram = nx.MultiDiGraph()
    for cls in _terms(graph, OWL.Class):
        diagram.add_node(names.short(cls))
        for parent in graph.objects(cls, RDFS.subClassOf):
            if str(parent).startswith(str(RR)):
                diagram.add_edge(names.short(cls), names.short(parent), kind="subclass", label="")
    for prop in _terms(graph, OWL.ObjectProperty):
        domains = [*graph.objects(prop, RDFS.domain), *graph.objects(prop, SDO.domainIncludes)]
        for domain in sorted(domains, key=str):
            for range_ in sorted(graph.objects(prop, RDFS.range), key=str) or [OWL.Thing]:
                if isinstance(domain, BNode) or isinstance(range_, BNode):
                    continue
                diagram.add_edge(names.short(domain), names.short(range_), kind="property",
                                 label=names.short(prop).removeprefix("rr:"))
    return diagram


def draw_overview(path: Path) -> Path:
    """Draw :func:`overview_graph` to ``path`` (SVG, or PNG by the suffix), deterministically."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import networkx as nx

    matplotlib.rcParams["svg.hashsalt"] = "rrkg-ontology"  # stable element ids from run to run
    diagram = overview_graph()
    simple = nx.Graph(diagram.to_undirected())
    positions = nx.kamada_kawai_layout(simple, scale=1.0)
    figure, axes = plt.subplots(figsize=(13, 9))
    axes.set_axis_off()
    labels: dict[tuple[str, str], list[str]] = defaultdict(list)
    for source, target, data in sorted(diagram.edges(data=True), key=lambda e: (e[0], e[1], e[2]["label"])):
        if data["kind"] == "property":
            labels[(source, target)].append(data["label"])
    subclass = [(s, t) for s, t, d in diagram.edges(data=True) if d["kind"] == "subclass"]
    nx.draw_networkx_edges(diagram, positions, edgelist=subclass, ax=axes, style="dashed", edge_color="#777777",
                           arrowstyle="-|>", arrowsize=14, node_size=2600)
    loops = [edge for edge in labels if edge[0] == edge[1]]
    straight = [edge for edge in labels if edge[0] != edge[1]]
    nx.draw_networkx_edges(diagram, positions, edgelist=straight, ax=axes, edge_color="#1f5f8b",
                           arrowstyle="-|>", arrowsize=14, node_size=2600, connectionstyle="arc3,rad=0.08")
    nx.draw_networkx_edge_labels(diagram, positions, ax=axes, font_size=7, font_color="#1f5f8b",
                                 edge_labels={e: "\n".join(labels[e]) for e in straight}, label_pos=0.5,
                                 rotate=False, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
    for node, _ in loops:
        x, y = positions[node]
        axes.annotate("\n".join(labels[(node, node)]) + " ↺", (x, y), xytext=(x, y - 0.13), ha="center",
                      va="top", fontsize=7, color="#1f5f8b")
    nx.draw_networkx_labels(diagram, positions, ax=axes, font_size=9,
                            bbox={"boxstyle": "round,pad=0.5", "fc": "#eef4f8", "ec": "#1f5f8b"})
    axes.set_title("rr: classes and object properties (domain → range); dashed: sub-class of", fontsize=10)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    metadata = {"Date": None} if path.suffix == ".svg" else {}
    figure.savefig(path, metadata=metadata)
    plt.close(figure)
    return path


# -- command line -------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=PAGE, help="the Markdown page (default docs/ontology.md)")
    parser.add_argument("--svg", type=Path, default=DIAGRAM, help="the overview diagram (.svg or .png)")
    parser.add_argument("--no-diagram", action="store_true", help="write the page only")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when --out is not up to date")
    args = parser.parse_args(argv)
    page = render_markdown()
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
        if current != page:
            print(f"{args.out} is out of date: run python scripts/gen_ontology_docs.py", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(page, encoding="utf-8")
    if not args.no_diagram:
        draw_overview(args.svg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
