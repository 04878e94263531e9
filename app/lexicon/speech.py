"""Speech and its opposite: the verbs news copy uses to attribute words, and the nouns that
report no speech.

Origin: hand-written for this project from general English usage in news writing (the reporting
verbs of wire copy: "said", "told", "warned", "according to"), in the spirit of the documented verb
lists of open quote extractors such as the SFU Gender Gap Tracker. Membership rule: a verb is a
reporting verb when "X <verb> (that) <clause>" reports what X said or wrote; a characterising verb
when it attributes a quoted fragment as its object ("called it 'a disgrace'"); cognition and
evidence verbs ("think", "find", "show") never attribute speech. Entries are lemmas, lower case.
"""

from __future__ import annotations

from app.lexicon import words_of

# Verbs that introduce reported content ("X said that ...", "..., X warned"). Used for indirect
# speech: a clause complement of one of these is what the subject said or wrote.
REPORTING_VERBS = words_of(
    """
    say tell add write note stress warn argue state emphasize emphasise agree explain insist
    claim declare announce suggest reply respond recall remark observe acknowledge admit concede
    confirm deny assert contend maintain reiterate caution predict promise pledge complain
    reveal disclose report estimate forecast testify allege tweet post mention underline
    underscore affirm assure reckon comment continue conclude counter retort answer threaten vow
    hint lament boast grumble joke quip inform advise remind announce proclaim charge accuse
    repeat specify recommend reason rule
    """
)

# Verbs whose object or complement can carry quoted words ("called it a 'disgrace'", "hailed X as
# 'historic'"); they attribute a short quoted fragment but do not introduce clauses.
CHARACTERIZING_VERBS = words_of(
    """
    call describe tout hail dub label brand term characterize characterise praise criticize
    criticise condemn slam blast dismiss reject decry denounce welcome laud deride mock urge
    thank congratulate refer
    """
)

# Any verb that can be the cue of a direct or partial quote.
CUE_VERBS = (
    REPORTING_VERBS | CHARACTERIZING_VERBS | words_of("ask shout yell scream whisper plead demand recount")
)

# Verbs of cognition or evidence: "found", "showed" and "believes" report no speech.
NOT_SPEECH = words_of("think believe know hope expect find show feel fear want wish see mean")

# Heads of noun phrases that are evidence rather than speakers: what a study "found" is not a quote.
NON_SOURCE_NOUNS = words_of(
    """
    data datum figure figures calculation calculations estimate estimates statistic statistics
    study studies survey surveys poll polls research analysis analyses record records document
    documents filing filings evidence result results number numbers chart map model models index
    price prices website database table graph image images footage video videos picture pictures
    photo photos speculation rumor rumour rumors rumours indication indications sign signs
    experience history logic theory consensus sense trend trends move decision outcome paper
    """
)

# Documents that speak for whoever issued them ("a statement from the ministry said").
# Heads of titled publications ("the Harbour Water Quality Review") that a later "the report"
# refers back to. Origin: hand-written from general English names of official publications.
TITLED_DOCUMENT_HEADS = words_of("report study survey review assessment inquiry audit")

DOCUMENT_NOUNS = words_of(
    """
    statement readout letter release memo note post notice communique communiqué transcript
    announcement report filing tweet message email comment remark response
    lawsuit suit complaint petition indictment affidavit
    """
)

# Collective nouns for the news media that speak as a body ("media have said the plan ...").
MEDIA_NOUNS = words_of("media press")

# "X expressed concern (that) <clause>": a verb of voicing and the stance noun whose clause is what
# X said. Origin: hand-written from news usage ("voiced doubt that", "expressed confidence the").
VOICING_VERBS = words_of("express voice")
STANCE_NOUNS = words_of(
    """
    concern concerns confidence doubt doubts hope hopes fear fears belief optimism worry worries
    frustration view opinion regret skepticism scepticism
    """
)

# Words introducing the title of a work, which is not a quote ("the song 'Summer Rain'"); a website
# is a work with a title too ("a new website, 'The Harbour Tide Tables'").
WORK_NOUNS = words_of(
    """
    song album film movie book novel show series play documentary poem anthem hymn painting
    exhibition opera musical single track podcast programme program slogan headline titled
    entitled dubbed website site blog
    """
)
# Participles that give a thing its name: the title-case words after them are that name, not
# speech ("a boat named 'Second Wind'", "an order called 'Safer Harbours First'"). Compiled by hand.
NAMING_WORDS = words_of(
    """
    named called titled entitled dubbed nicknamed renamed
    """
)
