"""Words that make a capitalised name a thing, not a person: the head that ends the names of
organisations, facilities, roads, days and events ("... Conference", "... Center", "... Road",
"... Racing", "... Day") and the kind word that opens the names of storms, vehicles and operations
("Hurricane ...", "Shuttle ...", "Operation ...").

Origin: hand-written for this project from general English naming patterns of proper names in
news copy; the small spaCy model often tags such names PERSON. Membership rule: a word is listed
when a proper name ending (or, for the second list, starting) with it names a non-person in
ordinary usage. Surnames that are also such words ("Doris Day") are protected by the caller: a
two-word name starting with a known given name stays a person. Lower case.
"""

from __future__ import annotations

from app.lexicon import words_of

# Last word of a name that is an organisation, a facility, a road, a day or an event.
THING_ENDS = words_of(
    """
    conference party council committee commission association federation union league club
    institute university college school academy hospital clinic foundation fund trust
    company corporation group holdings inc ltd llc plc racing motorsports airlines airways
    center centre hall museum library stadium arena theatre theater park gardens zoo
    road street avenue boulevard lane drive highway square bridge airport station port
    day week festival awards award prize cup championship championships games olympics
    church cathedral mosque temple ministry department agency office court
    """
)

# First word of a name that is a storm, a vehicle, a place or an operation.
THING_STARTS = words_of(
    """
    hurricane superstorm storm typhoon cyclone tropical shuttle spacecraft ship hms uss
    operation mount lake fort camp cape port river
    """
)
