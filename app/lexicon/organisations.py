"""Words that make a noun phrase an organisation: head nouns ("the ministry", "a chipmaker") and
company-name suffixes ("Inc", "GmbH").

Origin: hand-written for this project from general English (common organisation types in news
copy) and the legal-form suffixes of companies in English-language registries. Membership rule: a
head noun is listed when a phrase headed by it names a body that can issue statements; the
government, company, union and sport subsets decide which earlier-named body "the agency" or
"the company" refers to. Lower case.
"""

from __future__ import annotations

from app.lexicon import words_of

# Head nouns of organisations: a speaker headed by one is an organisation, not an anonymous person.
ORG_HEADS = words_of(
    """
    ministry government administration agency department office commission committee council
    authority authorities service services bureau board court tribunal police army military navy
    company firm group corporation corp inc ltd plc bank lender union association federation
    league club team party parliament congress senate assembly cabinet kremlin presidency
    embassy consulate newspaper network broadcaster channel magazine outlet agency organization
    organisation institute university school hospital foundation fund charity coalition alliance
    regulator watchdog operator carrier airline retailer maker automaker manufacturer producer
    supplier insurer exchange secretariat directorate prosecutor's campaign movement side center
    centre project initiative program programme society trust
    """
)

# Government-like organisation heads, to resolve "the agency" / "the ministry" to the right body.
GOV_HEADS = words_of(
    """
    ministry government administration agency department office commission committee council
    authority authorities service bureau board court tribunal police regulator watchdog kremlin
    presidency parliament congress senate assembly cabinet embassy secretariat directorate
    """
)

COMPANY_HEADS = words_of(
    """
    company firm group corporation corp inc ltd plc bank lender operator carrier airline
    retailer maker automaker manufacturer producer supplier insurer giant conglomerate startup
    business energy
    """
)

# Suffixes that end a company's name ("Brightmart Inc", "Halden Securities Ltd").
ORG_SUFFIXES = words_of(
    "inc inc. corp corp. corporation ltd ltd. co co. plc llc lp ag sa nv se spa bv gmbh holdings"
)

UNION_HEADS = words_of("union association federation guild")

SPORT_HEADS = words_of("club team side league")

# Places whose local government speaks in news copy ("the city said", "the town argued"), and the
# words that name such a government ("Municipality of Arlen", "Arlen Borough Council").
# Hand-written from general English.
LOCAL_PLACE_NOUNS = words_of("city town municipality borough village county")
LOCAL_GOV_WORDS = words_of("municipality municipal city town borough county council mayor mayoralty")
