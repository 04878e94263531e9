"""Words that name events in news, by kind: a general, editable lexicon (verbs and nouns by lemma).

Origin: written for this project from common English news-reporting vocabulary (no article text);
a word belongs when, used as trigger, it names one dated happening of that kind.

"Light" verbs (hold, attend, resume ...) name no event themselves; the event is their subject or
object ("talks will resume", "attend the opening of the festival"). Ambiguous words are resolved in
:mod:`app.extraction.events.extract` from their neighbours ("air strike" is an attack, "workers strike" a
labour strike).
"""

from __future__ import annotations

from app.lexicon import words_of


def _kinds(table: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for kind, words in table.items():
        for word in words.split():
            out.setdefault(word, kind)
    return out


# fmt: off
TRIGGERS: dict[str, str] = _kinds({
    "visit": "visit trip travel tour journey arrive arrival mission stopover",
    "meeting": "meet meeting talk talks discuss discussion negotiate negotiation dine dinner host confer "
               "gather convene assemble",
    "summit": "summit",
    "signing": "sign signing",
    "statement": "say tell announce announcement confirm state statement warn pledge vow report publish "
                 "unveil reveal comment claim insist deny urge accuse",
    "declaration": "declare declaration proclaim proclamation",
    "attack": "invade invasion attack bomb bombing shell shelling offensive incursion raid assault deploy "
              "deployment seize capture airstrike "
              "shooting stabbing massacre",
    # A council or parliament vote decides a motion; an election chooses people: separate kinds.
    "vote": "vote ballot",
    "election": "elect re-elect election poll referendum inaugurate inauguration",
    # Hearings and testimony before a court or committee (general English court/legislature words).
    "hearing": "hearing testify testimony",
    "sanctions": "sanction blacklist embargo",
    "fair": "fair forum expo exposition exhibition conference festival concert ceremony opening celebration "
            "parade commemoration",
    "ruling": "rule ruling sentence sentencing convict conviction acquit fine charge indict arrest plead "
              "appeal verdict trial sue lawsuit jail",
    "strike": "strike walkout walk protest demonstrate demonstration march rally",
    "deal": "deal agreement agree merger merge acquire acquisition accord treaty pact contract",
    # A game between sides is a match; a race ranks runners (general sports-reporting words).
    "match": "match final game draw",
    "race": "win victory beat defeat race marathon lose clinch set",
    "collapse": "collapse bankruptcy",
    "disaster": "earthquake quake flood wildfire crash explosion hurricane typhoon eruption landslide",
    "launch": "launch debut introduce",
    "recognition": "recognise recognize recognition",
    "appointment": "appoint appointment nominate nomination resign resignation",
    "outbreak": "outbreak",
    "decision": "cut raise hike lower",
})
# fmt: on


# Verbs that carry an event named by their subject or object ("held talks", "talks resumed").
LIGHT_VERBS = words_of(
    """hold attend host stage take begin start end open close resume continue mark commemorate be make have
    happen occur follow conclude celebrate organise organize"""
)
# Parts of speech a trigger may have: "state" and "deal" are events only as verb and noun respectively.
VERB_ONLY = words_of(
    "say tell state rule report beat lose agree meet host confirm announce warn vow pledge elect invade sign"
)
NOUN_ONLY = words_of("deal contract game match final talks trip mission fair summit")
# A strike is an attack next to these words, a labour strike otherwise.
ATTACK_STRIKE = words_of("air missile drone military nuclear rocket")
# "walk" is a strike only as "walk off/out"; "set" is an event only when a record is set.
PARTICLES = {"walk": frozenset({"off", "out"})}
RECORD_OBJECTS = words_of("record mark best time")
# "acquire" is a deal only for a business or a stake in one ("acquired the chipmaker", "acquired a
# 20% stake"), or a named one; "acquired his post", "acquired a taste for" are no deals. Written for
# this project from common business-news objects of acquiring.
DEAL_OBJECTS = words_of(
    """company companies firm firms business businesses stake stakes share shares rights unit units asset
    assets startup start-up maker rival operator chain brand brands division subsidiary group bank network
    portfolio carrier retailer producer supplier developer publisher studio team club franchise interest
    majority control property properties plant plants mine mines"""
)
# Decisions ("cut", "raise") are events only about these.
DECISION_OBJECTS = words_of("output production rate rates price prices supply supplies tariff tariffs")

# Verbs of states, habits, attitudes and trends ("prices have risen"), not happenings: a date
# next to them dates no event ("was open in October", "has 20 members in 2019"). Written for this
# project from the common English stative verbs (states of being, having, mind and perception)
# and the verbs of rising and falling quantities.
STATE_VERBS = words_of(
    """have own remain stay seem appear belong contain consist include need want like love hate prefer
    know believe think consider expect hope wish mean cost weigh depend exist lack deserve resemble
    continue tend keep account total amount average represent number rise fall drop grow increase decrease
    decline climb jump surge soar slump plunge dip"""
)
# Verbs of reporting and finding out: a lede built on them ("reports have revealed that ...",
# "researchers say") reports news dated elsewhere, not a happening on the publication date.
REPORT_VERBS = words_of("say tell report reveal learn show suggest find claim allege believe")
# Verbs of research: a lede "researchers have analysed X" reports a study, whose own date (its
# publication) the article gives elsewhere; the lede is no happening on the publication date.
# Written for this project from common science-news verbs.
RESEARCH_VERBS = words_of("analyse analyze study examine investigate assess model simulate survey")
# Verbs of evidence: with a document or data as subject ("records show", "the figures suggest") they
# say what the evidence holds, and a date in the clause dates what is shown, not the showing. Written
# for this project from the common English verbs of indicating.
EVIDENCE_VERBS = words_of("show suggest indicate reveal imply confirm")
# Kinds that tell the result of a happening of another kind: winning, losing or defeating someone in
# an election is the election's outcome, not a happening of its own. Written for this project from
# how election reports are built (the poll in the lede, its winners and losers below).
RESULT_KINDS: dict[str, frozenset[str]] = {"election": frozenset({"race", "election"})}
