"""Words about people: roles and titles, honorifics, generic descriptors, pronouns, gendered nouns.

Origin: hand-written for this project from general English (job titles and offices common in news,
the courtesy titles of English style guides, English pronouns). Membership rules: a role word can
stand before a name as a title or after it in an apposition ("Helen Marsh, chief executive"); a
person noun names an unnamed person ("officials", "a resident"), so a speaker headed by one with no
name is an anonymous source; a generic descriptor refers back to someone already introduced ("the
teenager"); honorifics and gendered nouns give a person's gender only when the word itself does.
Lower case; multiword titles as phrases.
"""

from __future__ import annotations

from app.lexicon import words_of

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
    widower substitute teammate skipper referee umpire counterpart administrator
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
