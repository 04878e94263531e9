"""What a physical quantity is a size of: the dimension noun a reader puts before a measurement
("height of the tower", "length of the climb", "share of the market").

Membership rule: one entry per unit code the figures extractor emits for lengths, areas, volumes,
masses, speeds, temperatures and durations, mapped to the plain English noun for that dimension;
an adjective after or before the number ("15 metres high", "a 3 km long bridge") names the
dimension more precisely and wins. General English, no article data.
"""

from __future__ import annotations

# fmt: off
UNIT_DIMENSIONS: dict[str, str] = {
    "km": "distance", "miles": "distance", "nautical_miles": "distance", "meters": "length",
    "feet": "height", "inches": "length", "cm": "length", "mm": "length",
    "square_km": "area", "square_meters": "area", "square_feet": "area", "square_miles": "area",
    "hectares": "area", "acres": "area",
    "kg": "weight", "grams": "weight", "pounds_weight": "weight", "ounces": "weight",
    "mph": "speed", "km_per_hour": "speed", "knots": "speed",
    "celsius": "temperature", "fahrenheit": "temperature",
    "seconds": "time", "minutes": "time", "hours": "length", "days": "length", "weeks": "length",
    "months": "length", "years": "length", "decades": "length",
}
ADJECTIVE_DIMENSIONS: dict[str, str] = {
    "high": "height", "tall": "height", "long": "length", "deep": "depth", "wide": "width",
    "heavy": "weight", "above": "height", "altitude": "altitude", "elevation": "elevation",
}
# Nouns that already say which dimension a phrase is about: no prefix is added before them.
DIMENSION_NOUNS = frozenset({
    "height", "length", "distance", "depth", "width", "weight", "area", "speed", "temperature",
    "altitude", "elevation", "time", "duration", "size", "share", "proportion", "percentage", "rate",
    "sentence", "term", "period", "span", "range", "mass", "volume",
})
# fmt: on
