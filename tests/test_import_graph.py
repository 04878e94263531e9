"""No package import cycles in ``app``: each sub-package or top-level module (a unit) may import
only units that do not import it back, directly or through others. Lazy imports count."""

from __future__ import annotations

from testkit.imports import cycles, unit_graph


def test_no_unit_of_app_imports_itself_through_others():
    assert cycles(unit_graph()) == []


def test_the_write_path_layers():
    """ingest -> storage -> (records, keys): the store never imports the reader it is fed by."""
    graph = unit_graph()
    assert "app.ingest" not in graph["app.storage"]
    assert "app.records" in graph["app.storage"] and "app.records" in graph["app.ingest"]
    assert graph["app.records"] == set() and graph["app.keys"] == set()


def test_the_check_finds_a_cycle_when_there_is_one():
    graph = {"app.a": {"app.b"}, "app.b": {"app.c"}, "app.c": {"app.a"}, "app.d": {"app.a"}}
    assert cycles(graph) == [["app.a", "app.b", "app.c"]]


def test_the_read_path_never_reaches_the_language_pipeline():
    """The API answers reads without spaCy: api, queries, schemas and the web pages import neither
    spaCy nor the write path's extraction and ingest."""
    from testkit.imports import APP, imported_modules, module_name, unit_of

    for path in APP.rglob("*.py"):
        if unit_of(module_name(path)) not in ("app.api", "app.queries", "app.schemas", "app.web"):
            continue
        bad = {
            m
            for m in imported_modules(path)
            if m.split(".")[0] == "spacy" or unit_of(m) in ("app.extraction", "app.ingest")
        }
        assert not bad, f"{path}: {sorted(bad)}"
