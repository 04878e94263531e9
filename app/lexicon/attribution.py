"""General English resources for attribution: speech verbs, roles, source nouns, pronouns.

These are linguistic facts about how news copy attributes speech, not facts about any article:
the verbs reporters use ("said", "warned", "according to"), the words that name roles ("judge",
"spokeswoman") and organisations ("ministry", "union"), and the nouns that are never speakers
("data", "calculations"). Keeping them in one module makes the rules auditable and extendable.
"""

from __future__ import annotations


def words_of(text: str) -> frozenset[str]:
    """A word list written as one string, for readable lexicons."""
    return frozenset(text.split())


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
    repeat specify
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
DOCUMENT_NOUNS = words_of(
    """
    statement readout letter release memo note post notice communique communiqué transcript
    announcement report filing tweet message email
    """
)

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

# Nouns naming unnamed people; a speaker headed by one, with no name, is an anonymous source.
PERSON_NOUNS = words_of(
    """
    official officials source sources analyst analysts expert experts observer observers
    diplomat diplomats mp mps mep meps spokesperson spokesman spokeswoman spokespeople representative
    representatives person people resident residents witness witnesses investor investors trader
    traders economist economists executive executives lawyer lawyers attorney attorneys aide
    aides adviser advisers advisor advisors insider insiders employee employees worker workers
    member members leader leaders critic critics supporter supporters activist activists officer
    officers scientist scientists researcher researchers doctor doctors nurse nurses teacher
    teachers student students parent parents fan fans player players voter voters lawmaker
    lawmakers legislator legislators minister ministers banker bankers strategist strategists
    negotiator negotiators organizer organizers organiser organisers prosecutor prosecutors
    investigator investigators detective detectives friend friends relative relatives neighbor
    neighbors neighbour neighbours colleague colleagues man men woman women informant manager
    managers director directors engineer engineers farmer farmers owner owners customer
    customers patient patients victim victims survivor survivors staff
    """
)

# Roles and titles that stand before a name ("Chief Executive Helen Marsh") or after it in an
# apposition ("Helen Marsh, chief executive of ..."). Lower-case forms; multiword titles as phrases.
ROLE_WORDS = words_of(
    """
    president premier minister secretary chancellor leader king queen prince princess governor
    mayor senator sen. rep. representative congressman congresswoman lawmaker legislator judge
    justice magistrate prosecutor attorney lawyer counsel solicitor barrister spokesman
    spokeswoman spokesperson executive ceo cfo coo cto chairman chairwoman chair chairperson
    director head founder co-founder analyst economist strategist professor scholar researcher
    fellow expert scientist doctor dr. dr nurse pediatrician paediatrician physician surgeon
    epidemiologist coach manager captain striker player midfielder defender goalkeeper forward
    winger quarterback pitcher batter driver rider officer official commissioner chief general
    gen. colonel col. commander admiral ambassador diplomat envoy adviser advisor aide deputy
    vice secretary-general organizer organiser activist campaigner teacher principal student
    owner businessman businesswoman investor partner editor reporter author historian economist
    candidate nominee ceo boss superintendent inspector sergeant sgt. lieutenant lt. detective
    sheriff chairman president-elect rabbi bishop pope cardinal imam pastor priest gov. mr. mrs.
    ms. miss mr mrs ms dame sir lord lady baroness prof. prof firefighter teenager veteran widow
    widower substitute teammate skipper referee umpire counterpart
    """
)

HONORIFICS = words_of(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady gov gov. sen sen. rep rep.
    gen gen. col col. lt lt. sgt sgt. capt capt. rev rev. fr fr. judge justice president premier
    minister senator governor mayor chancellor king queen prince princess pope
    """
)
# Courtesy forms that say nothing about a role: a title made only of these is no title.
COURTESY = words_of("mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame")
MALE_HONORIFICS = words_of("mr mr. sir lord king prince")
FEMALE_HONORIFICS = words_of("mrs mrs. ms ms. miss dame lady queen princess baroness")

# Role nouns that describe a person generically rather than by office; "the teenager told ..."
# refers to whoever the previous sentence was about.
GENERIC_PERSON_DESCRIPTORS = words_of(
    """
    teenager veteran youngster newcomer rookie man woman boy girl father mother widow widower
    husband wife son daughter victim survivor defendant plaintiff suspect winner loser champion
    incumbent challenger striker forward midfielder defender goalkeeper winger player star
    """
)

# Equivalent role words for matching a descriptor ("the French leader") to a titled person.
ROLE_SYNONYMS = {
    "leader": {"president", "premier", "chancellor", "prime", "leader", "king", "queen", "chairman", "head"},
    "president": {"president", "leader", "head"},
    "premier": {"premier", "prime", "leader"},
    "coach": {"coach", "manager", "boss", "head"},
    "manager": {"manager", "coach", "boss", "head"},
    "boss": {"boss", "manager", "coach", "executive", "ceo", "chief", "head"},
    "executive": {"executive", "ceo", "chief", "chairman", "president", "head"},
    "lawyer": {"lawyer", "attorney", "counsel", "solicitor", "barrister"},
    "attorney": {"attorney", "lawyer", "counsel"},
    "senator": {"senator", "sen."},
    "governor": {"governor", "gov."},
    "minister": {"minister", "secretary"},
    "diplomat": {"diplomat", "minister", "ambassador", "envoy", "secretary"},
    "judge": {"judge", "justice", "magistrate"},
    "doctor": {"doctor", "dr.", "physician", "pediatrician", "surgeon"},
}

MALE_PRONOUNS = words_of("he him his himself")
FEMALE_PRONOUNS = words_of("she her hers herself")
PLURAL_PRONOUNS = words_of("they them their themselves")
NEUTER_PRONOUNS = words_of("it its itself")
RELATIVE_PRONOUNS = words_of("who which that whom")

GENDER_WORDS = {
    "m": words_of("man father husband son brother widower boy businessman chairman spokesman king"),
    "f": words_of("woman mother wife daughter sister widow girl businesswoman chairwoman spokeswoman queen"),
}

# Heads that follow a surname without making it a place or thing: "the Harlan administration".
PERSON_MODIFIED_HEADS = words_of("administration era presidency government campaign family cabinet doctrine")

# Words introducing the title of a work, which is not a quote ("the song 'Summer Rain'").
WORK_NOUNS = words_of(
    """
    song album film movie book novel show series play documentary poem anthem hymn painting
    exhibition opera musical single track podcast programme program slogan headline titled
    entitled dubbed
    """
)
