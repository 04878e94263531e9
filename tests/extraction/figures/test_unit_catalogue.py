"""Units from pint's catalogue (app/lexicon/unit_catalogue.py), mapped to the project's unit codes."""

from __future__ import annotations

import pytest

from app.extraction.figures.quantities import scan
from app.lexicon.unit_catalogue import CASED_UNITS, WORD_UNITS


@pytest.mark.parametrize(
    ("text", "written", "unit"),
    [
        ("The kiln burned 35 kilojoules per cycle.", "35 kilojoules", "kJ"),
        ("Each ration held 450 kcal of energy.", "450 kcal", "kcal"),
        ("The rover's drive uses a 12 kilowatt motor.", "12 kilowatt", "kW"),
        ("The backbone carries 3 terabits each night.", "3 terabits", "Tbit"),
        ("The tank holds 80 litres of diesel.", "80 litres", "litres"),
        ("A 9 GJ heat store was fitted.", "9 GJ", "GJ"),
    ],
)
def test_catalogue_units_are_read_with_their_code(text, written, unit):
    found = [(q.text, q.unit) for q in scan(text)]
    assert (written, unit) in found


def test_the_catalogue_keeps_prefixes_in_the_code_and_has_no_empty_forms():
    assert WORD_UNITS["megawatt-hours"] == ("MWh", 1.0)
    assert CASED_UNITS["kWh"] == ("kWh", 1.0)
    assert "" not in WORD_UNITS and "" not in CASED_UNITS
