"""Title, affiliation and gender of a person, from how the article introduces them.

News introduces people in two ways: a title in front ("Kenyan Health Minister Grace Otieno", "state health
director Dr. Angela Reyes") or an apposition after ("Tomas Lindqvist, senior fellow ... at the
Nordic Energy Institute"; "Castleford's head coach, Marco Ferri"). Gender
matters for resolving "he"/"she" to the right speaker; it comes from honorifics, gendered
role words ("widow", "spokeswoman") and the pronouns that follow the person's mentions.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.extraction.text.context import ArticleContext
from app.extraction.types import PersonFact
from app.lexicon.given_names import gender_of
from app.lexicon.people import (
    COURTESY,
    FEMALE_HONORIFICS,
    GENDER_WORDS,
    HONORIFICS,
    MALE_HONORIFICS,
    ROLE_WORDS,
)
from app.tuning import tuning

SPLIT_PREPS = ("at", "with", "for", "of", "in")


def describe(
    doc: Doc, ctx: ArticleContext, fact: PersonFact, mentions: list[tuple[int, int, str | None]]
) -> None:
    """Fill ``title``, ``affiliation`` and ``gender`` of ``fact`` in place."""
    ordered = sorted(mentions)
    for start, end, _ in ordered:
        if ctx.in_quote(doc[start]):
            continue
        title, affiliation = premodifier(doc, start)
        if not title or title.lower() in COURTESY:
            app_title, app_affiliation = apposition(doc, start, end)
            title, affiliation = app_title or title, app_affiliation or affiliation
        fact.title = fact.title or title
        fact.affiliation = fact.affiliation or affiliation
        if fact.title and fact.affiliation:
            break
    fact.gender = _gender(doc, ctx, fact, ordered)


def premodifier(doc: Doc, start: int) -> tuple[str | None, str | None]:
    """The title words right before a name, possessor split off as affiliation."""
    picked: list[Token] = []
    i = start - 1
    while i >= 0 and len(picked) < tuning().max_title_words:
        tok = doc[i]
        if not _title_word(tok, start, picked):
            break
        picked.append(tok)
        i -= 1
    picked.reverse()
    while picked and picked[0].lower_ in ("of", "'s", "’s"):
        picked.pop(0)
    while len(picked) > 1 and picked[-1].lower_ in HONORIFICS and picked[-2].lower_ in ROLE_WORDS:
        picked.pop()  # "state health director Dr." -> "state health director"
    if not any(t.lower_ in ROLE_WORDS for t in picked):
        return None, None
    return _split_possessor(doc, picked)


def _title_word(tok: Token, name_start: int, picked: list[Token]) -> bool:
    low = tok.lower_
    if tok.ent_type_ == "PERSON" and tok.i < name_start - 1 and low not in HONORIFICS:
        return False
    if tok.is_punct and low not in ("'s", "’s"):
        return False
    if low in ("'s", "’s") or low in ROLE_WORDS:
        return True
    if tok.pos_ == "PROPN" or (
        tok.text[:1].isupper() and tok.pos_ in ("NOUN", "ADJ") and not tok.is_sent_start
    ):
        return True
    if (
        low == "of"
        and picked
        and picked[-1].text[:1].isupper()
        and tok.i > 0
        and tok.nbor(-1).text[:1].isupper()
    ):
        return True
    return tok.dep_ in ("compound", "amod") and tok.pos_ in ("NOUN", "ADJ") and tok.head.i > tok.i


def _split_possessor(doc: Doc, picked: list[Token]) -> tuple[str | None, str | None]:
    picked = [t for t in picked if t.dep_ != "det" and t.tag_ != "PRP$"]
    cut = max((k for k, t in enumerate(picked) if t.lower_ in ("'s", "’s")), default=-1)
    if cut < 0:
        return _text(doc, picked), None
    owner, rest = picked[:cut], picked[cut + 1 :]
    title = _text(doc, rest) if rest else None
    if not owner:
        return title, None
    if any(t.ent_type_ in ("GPE", "NORP") for t in owner):
        return _text(doc, picked), None  # "Kenya's health minister": the country belongs to the title
    if any(t.ent_type_ == "PERSON" for t in owner) or owner[-1].pos_ != "PROPN":
        return title, None  # "Bell's attorney", "the company's chief": not an affiliation
    return title, _text(doc, owner)


def apposition(doc: Doc, start: int, end: int) -> tuple[str | None, str | None]:
    """ "X, a spokesman for Y" or "Y's head coach, X": the role phrase beside the name."""
    head = doc[end - 1]
    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON" and child.pos_ in ("NOUN", "PROPN", "ADJ"):
            title, affiliation = _role_phrase(doc, child)
            return title, affiliation or _of_org(head)  # "X, head of research at Y", "at Y" hung on X
    affiliation = _of_org(head)
    if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < start:
        role = head.head
        title, owner = _split_possessor(doc, list(doc[role.left_edge.i : role.i + 1]))
        return title, affiliation or owner
    return None, affiliation


def _role_phrase(doc: Doc, role: Token) -> tuple[str | None, str | None]:
    toks: list[Token] = []
    stop = role.right_edge.i
    while stop + 1 < len(doc) and doc[stop + 1].pos_ == "PROPN" and doc[stop + 1].ent_type_ != "PERSON":
        stop += 1  # "at consultancy Kestrel Insight", where the parse hangs the name elsewhere
    for tok in doc[role.left_edge.i : stop + 1]:
        if tok.i > role.i and (
            tok.text in (",", ";", "(", "—", "–") or tok.dep_ == "relcl" or tok.lower_ in ("who", "which")
        ):
            break
        toks.append(tok)
    while toks and (toks[0].dep_ == "det" or toks[0].is_punct):
        toks.pop(0)
    if not toks:
        return None, None
    for k, tok in enumerate(toks):
        later_at = any(t.lower_ in ("at", "with") for t in toks[k + 1 :])
        if (
            k
            and tok.lower_ in SPLIT_PREPS
            and _org_like(toks[k + 1 :])
            and (tok.lower_ in ("at", "with") or not later_at)
        ):
            return _text(doc, toks[:k]), _strip_the(doc, toks[k + 1 :])
    title, affiliation = _split_possessor(doc, toks)
    return (title if title and len(title.split()) <= tuning().max_title_words else None), affiliation


def _org_like(toks: list[Token]) -> bool:
    """An organisation's name follows, perhaps after a common noun ("at consultancy Kestrel")."""
    words = [t for t in toks if t.dep_ != "det"][:3]
    return any((t.pos_ == "PROPN" or t.ent_type_ == "ORG") and t.text[:1].isupper() for t in words)


def _of_org(head: Token) -> str | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "from", "with"):
            objs = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ == "ORG"]
            if objs:
                obj = objs[0]
                return _strip_the(head.doc, list(head.doc[obj.left_edge.i : obj.i + 1]))
    return None


def _strip_the(doc: Doc, toks: list[Token]) -> str | None:
    """The organisation's name: no article, no common noun before it, no trailing "in <place>"."""
    while toks and (toks[0].dep_ == "det" or toks[0].lower_ == "the" or not toks[0].text[:1].isupper()):
        toks = toks[1:]
    for k, tok in enumerate(toks):
        if (
            k
            and tok.lower_ in ("in", ",", "(")
            and all(t.ent_type_ in ("GPE", "LOC") for t in toks[k + 1 :] if t.is_alpha)
        ):
            toks = toks[:k]
            break
    return _text(doc, toks) if toks else None


def _text(doc: Doc, toks: list[Token]) -> str | None:
    if not toks:
        return None
    return doc[toks[0].i : toks[-1].i + 1].text.strip(" ,") or None


def _gender(doc: Doc, ctx: ArticleContext, fact: PersonFact, mentions: list[tuple[int, int, str | None]]):
    for _, _, honorific in mentions:
        low = (honorific or "").lower()
        if low in MALE_HONORIFICS:
            return "m"
        if low in FEMALE_HONORIFICS:
            return "f"
    title_words = set((fact.title or "").lower().split())
    for gender, words in GENDER_WORDS.items():
        if title_words & words:
            return gender
    votes = {"m": 0.0, "f": 0.0}
    by_name = gender_of(fact.name.split()[0]) if len(fact.name.split()) > 1 else None
    if by_name:
        votes[by_name] += tuning().name_prior
    own = {i for s, e, _ in mentions for i in range(s, e)}
    for start, end, _ in mentions:
        if ctx.in_quote(doc[start]):
            continue
        vote = _next_pronoun(doc, ctx, end, own)
        if vote:
            votes[vote] += 1
    if votes["m"] == votes["f"]:
        return None
    return "m" if votes["m"] > votes["f"] else "f"


def _next_pronoun(doc: Doc, ctx: ArticleContext, end: int, own: set[int]) -> str | None:
    for i in range(end, min(end + tuning().gender_window, len(doc))):
        tok = doc[i]
        if ctx.in_quote(tok):
            continue
        if tok.ent_type_ == "PERSON" and i not in own:
            return None
        if tok.lower_ == "he":
            return "m"
        if tok.lower_ == "she":
            return "f"
    return None
