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
    "sentence", "term", "period", "span", "range", "mass", "volume", "circumference", "perimeter",
    "diameter", "radius", "deadline", "margin", "age",
})
# Verbs of moving through the air: a height at which something does them is an altitude.
ALTITUDE_VERBS = frozenset({"fly", "cruise", "orbit", "hover", "glide", "soar", "circle"})
# Things that move through the air: their height is an altitude ("airspace closed up to 9 km").
AIR_THINGS = frozenset({
    "airspace", "aircraft", "plane", "airliner", "jet", "helicopter", "drone", "balloon", "flight",
    "satellite", "glider",
})
# Verbs that state where a thing is or what size it has ("the summit stands at 4,000 metres"): a
# number "at" them is the subject's own size, not the level at which something happened.
STATIVE_VERBS = frozenset({
    "be", "stand", "sit", "lie", "measure", "reach", "peak", "top", "remain", "stay", "locate", "rank",
    "come", "put", "estimate", "set", "consist", "include", "comprise", "contain", "have",
})
# Things whose size in metres or feet is a height ("a 70-metre tower").
TALL_THINGS = frozenset({
    "tower", "building", "skyscraper", "hall", "statue", "wall", "tree", "mountain", "peak", "spire",
    "monument", "dam", "mast", "chimney", "pole", "pillar", "column", "cliff", "waterfall", "wave",
    "volcano", "summit", "structure", "sculpture", "figure", "pagoda", "minaret", "lighthouse",
})
# fmt: on
