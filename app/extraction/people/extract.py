"""People in one article: every mention of a real person, merged into one PersonFact each.

Why more than spaCy's PERSON entities: the small model misses or mislabels names (a surname
alone is often ORG or GPE: "Brandt said"), tags capitals and teams as people ("Kyiv",
"Castleford 3-2"), and glues possessives onto names ("Varga's Paris"). So mentions come from three
sources - cleaned PERSON entities, names anchored by a role in apposition ("X Y, a spokesman
for ..."), and bare surnames or given names of people already found - and a bare name stands
for a person of its own only with evidence that it is one (a title, a speech verb, "the Harlan
administration"). Bylines, credits and captions never contribute people.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from app.extraction.people import details as person_details
from app.extraction.people import non_people
from app.extraction.people.listed import listed_name_spans
from app.extraction.people.mentions import Cluster, Mention
from app.extraction.people.singles import attach_singles, bare_name_mentions, validated_singles
from app.extraction.text.context import ArticleContext
from app.extraction.types import ArticleMeta, PersonFact, Span
from app.lexicon.given_names import is_given_name
from app.lexicon.organisations import ORG_HEADS, ORG_SUFFIXES
from app.lexicon.people import HONORIFICS, PERSON_NOUNS, ROLE_WORDS
from app.lexicon.places import is_place
from app.lexicon.things import THING_ENDS, THING_STARTS
from app.names import PARTICLES, POSSESSIVE, clean_tokens, core_words, hyphen_part, is_initial, join_name, key

NOT_PERSON_ENTS = ("ORG", "GPE", "LOC", "FAC", "DATE", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW")


def extract_people(doc: Doc, meta: ArticleMeta) -> list[PersonFact]:
    ctx = ArticleContext.of(doc)
    excluded = _excluded_keys(meta)
    mentions = _entity_mentions(doc, ctx, excluded)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    mentions += _anchored_mentions(doc, ctx, excluded, taken)
    mentions += _titled_mentions(doc, ctx, excluded, taken)
    mentions += _given_name_mentions(doc, ctx, excluded, taken)
    mentions += _listed_mentions(doc, ctx, excluded, taken)
    clusters = _cluster_full([m for m in mentions if len(m.name.split()) > 1])
    singles = [m for m in mentions if len(m.name.split()) == 1]
    taken = {i for m in mentions for i in range(m.start, m.end)}
    _full_name_repeats(doc, ctx, clusters, taken)
    clusters = [c for c in clusters if not _written_lowercase(c)]
    singles += bare_name_mentions(doc, ctx, clusters, taken, excluded)
    loose = attach_singles(singles, clusters)
    clusters += validated_singles(doc, loose)
    clusters = _without_affiliations(doc, clusters)
    clusters.sort(key=Cluster.first)
    return [_to_fact(doc, ctx, n, c) for n, c in enumerate(clusters)]


def _excluded_keys(meta: ArticleMeta) -> set[str]:
    return {key(n) for n in (*meta.authors, *meta.credits) if n and n.strip()}


def _usable(doc: Doc, ctx: ArticleContext, start: int, end: int, name: str, excluded: set[str]) -> bool:
    """Not furniture, not a reporter (nor a reporter's bare surname)."""
    if not name or ctx.is_furniture(doc[start].idx):
        return False
    k = key(name)
    return k not in excluded and not any(" " in e and e.split()[-1] == k for e in excluded)


def _entity_mentions(doc: Doc, ctx: ArticleContext, excluded: set[str]) -> list[Mention]:
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        mention = _clean_mention(_with_untagged_given(ent))
        if mention and _usable(doc, ctx, mention.start, mention.end, mention.name, excluded):
            out.append(mention)
    return out


def _with_untagged_given(ent: SpacySpan) -> SpacySpan:
    """ "the Refugee Council Enver Solomon": the NER gave the organisation its words and the
    surname alone to PERSON; an untagged capitalised proper noun glued in front of a one-word
    PERSON is the given name the NER dropped."""
    doc = ent.doc
    if len(ent) != 1 or ent.start == 0:
        return ent
    prev = doc[ent.start - 1]
    if (
        prev.pos_ == "PROPN"
        and prev.ent_type_ == ""
        and prev.is_alpha
        and prev.text[:1].isupper()
        and not prev.is_sent_start
        and prev.lower_ not in HONORIFICS | ROLE_WORDS
    ):
        return doc[ent.start - 1 : ent.end]
    return ent


def _clean_mention(span: SpacySpan) -> Mention | None:
    """Strip honorifics, possessives and non-name words; map the rest back onto tokens."""
    toks = list(span)
    if (
        len(toks) > 2
        and is_given_name(toks[1].text)
        and not is_given_name(toks[0].text)
        and toks[1].lower_ not in PARTICLES  # "Karim Ben Haddou": "Ben" is a particle here
        and not is_initial(toks[0].text)  # "J. Ronald Pennick": an initial, not a role word
    ):
        toks = toks[1:]  # "Farmer Jack Quinn": a capitalised role word glued to the name
        span = span.doc[span.start + 1 : span.end]
    front, name_words = clean_tokens([t.text for t in toks])
    if not name_words:
        return None
    start = span.start + len(front)
    honorific = front[-1] if front else None
    prev = span.doc[start - 1] if start > 0 else None
    if honorific is None and prev is not None and prev.text.lower() in HONORIFICS and prev.text[:1].isupper():
        honorific = prev.text
    end = start + len(name_words)
    doc = span.doc
    if end == span.end and doc[end - 1].text == name_words[-1]:
        end = _past_hyphen(doc, end)  # "Hau Lung" + "-bin", cut by the NER
        name_words = name_words + [t.text for t in doc[start + len(name_words) : end]]
    if end == span.end and doc[end - 1].text == name_words[-1]:
        while end + 1 < len(doc) and doc[end].lower_ in PARTICLES and _surname_like(doc[end + 1]):
            name_words += [doc[end].text, doc[end + 1].text]  # "Abdulaziz" + "bin Salman"
            end += 2
    if _names_a_thing(name_words) or _names_a_thing(_proper_run(doc, start, end)) or _suffixed(doc, end):
        return None
    if non_people.after_work_noun(doc, start) or non_people.owned_thing(doc, start, end):
        return None
    return Mention(start, end, join_name(name_words), honorific)


def _suffixed(doc: Doc, end: int) -> bool:
    """ "Harbourside Loan Servicing, LLC": a company suffix after the name, a comma aside."""
    k = end + 1 if end < len(doc) and doc[end].text == "," else end
    return k < len(doc) and doc[k].lower_.rstrip(".") in ORG_SUFFIXES


def _proper_run(doc: Doc, start: int, end: int) -> list[str]:
    """The whole run of capitalised words the name sits in ("Joe Gibbs" in "Joe Gibbs Racing")."""
    while start > 0 and _capitalised(doc[start - 1]):
        start -= 1
    while end < len(doc) and _capitalised(doc[end]):
        end += 1
    return [t.text for t in doc[start:end]]


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha and not tok.is_sent_start


def _names_a_thing(name_words: list[str]) -> bool:
    """ "Joe Gibbs Racing", "Castlefrank Road", "Space Shuttle Columbia": the head or the kind
    word makes the name a thing; "Doris Day" (a given name and one more word) stays a person."""
    low = [w.lower() for w in name_words]
    if len(low) < 2:
        return False
    if any(w in THING_STARTS for w in low[:-1]):
        return True
    return low[-1] in THING_ENDS and not (len(low) == 2 and is_given_name(name_words[0]))


def _anchored_mentions(doc: Doc, ctx: ArticleContext, excluded: set[str], taken: set[int]) -> list[Mention]:
    """Names the NER missed or mislabelled, found through a role in apposition.

    "Olivia Brandt, head of research at ..." / "the club's owner, Graham Holt": a run of
    capitalised proper nouns standing in apposition to a person noun is a person.
    """
    out = []
    for tok in doc:
        if tok.dep_ != "appos" or tok.i in taken:
            continue
        pairs = ((tok, tok.head), (tok.head, tok))
        for name_head, role in pairs:
            if name_head.pos_ != "PROPN" or role.lemma_.lower() not in ROLE_WORDS | PERSON_NOUNS:
                continue
            if name_head.ent_type_ not in ("", "PERSON", "ORG", "GPE", "NORP") or name_head.i in taken:
                continue
            left = name_head.i
            while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].pos_ == "PROPN":
                left -= 1
            span = doc[left : name_head.i + 1]
            mention = _clean_mention(span)
            if mention is not None and _new_full_name(doc, ctx, mention, excluded):
                out.append(mention)
                taken.update(range(mention.start, mention.end))
    return out


def _titled_mentions(doc: Doc, ctx: ArticleContext, excluded: set[str], taken: set[int]) -> list[Mention]:
    """ "Labour leader Keir Holt", "striker Ivo Brandt": two or three capitalised proper nouns
    right after a lower-case role word are a person's name, whatever the NER made of them."""
    out = []
    for tok in doc:
        if tok.i in taken or not tok.is_lower or tok.lower_ not in ROLE_WORDS or tok.i + 2 > len(doc):
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 3 and _surname_like(doc[end]) and end not in taken:
            end += 1
        end = _past_hyphen(doc, end)
        if end - tok.i < 3 or (end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()):
            continue
        if any(doc[i].ent_type_ in ("GPE", "LOC", "FAC", "DATE") for i in range(tok.i + 1, end)):
            continue
        mention = _clean_mention(doc[tok.i + 1 : end])
        if mention is not None and _new_full_name(doc, ctx, mention, excluded):
            out.append(mention)
            taken.update(range(mention.start, mention.end))
    return out


def _given_name_mentions(doc: Doc, ctx: ArticleContext, excluded: set[str], taken: set[int]) -> list[Mention]:
    """ "Jayson Tatum led Boston ...", untagged by the NER: a common given name followed by a
    capitalised proper noun is a person, unless the pair is the start of a longer name."""
    out = []
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or not is_given_name(tok.text) or not tok.text[:1].isupper():
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i < 3 and _surname_like(doc[end]):
            end += 1
        if end == tok.i + 1 or (end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()):
            continue
        end = _past_hyphen(doc, end)
        if any(i in taken for i in range(tok.i, end)) or doc[end - 1].ent_type_ in (
            "GPE",
            "LOC",
            "FAC",
            "DATE",
        ):
            continue
        mention = _clean_mention(doc[tok.i : end])
        if mention is not None and _new_full_name(doc, ctx, mention, excluded):
            out.append(mention)
            taken.update(range(mention.start, mention.end))
    return out


def _listed_mentions(doc: Doc, ctx: ArticleContext, excluded: set[str], taken: set[int]) -> list[Mention]:
    """Names listed beside a PERSON-tagged name, whatever the NER made of them (listed.py)."""
    out = []
    for start, end in listed_name_spans(doc, taken):
        mention = _clean_mention(doc[start:end])
        if mention is not None and _new_full_name(doc, ctx, mention, excluded):
            out.append(mention)
            taken.update(range(mention.start, mention.end))
    return out


def _new_full_name(doc: Doc, ctx: ArticleContext, mention: Mention | None, excluded: set[str]) -> bool:
    if mention is None or len(mention.name.split()) < 2 or is_place(mention.name):
        return False
    return _usable(doc, ctx, mention.start, mention.end, mention.name, excluded)


def _past_hyphen(doc: Doc, end: int) -> int:
    """The end of a name whose last word goes on after a hyphen ("Lee Hsien" + "-loong")."""
    if end + 1 >= len(doc) or doc[end].text != "-" or doc[end - 1].whitespace_ or doc[end].whitespace_:
        return end
    return end + 2 if hyphen_part(doc[end + 1].text) and doc[end + 1].is_alpha else end


def _surname_like(tok: Token) -> bool:
    low = tok.lower_
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and low not in ORG_HEADS and low not in ORG_SUFFIXES


def _cluster_full(mentions: list[Mention]) -> list[Cluster]:
    """Full names merge when their words agree, middle initials aside."""
    clusters: dict[tuple[str, ...], Cluster] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        clusters.setdefault(tuple(core_words(m.name)), Cluster()).mentions.append(m)
    return list(clusters.values())


def _full_name_repeats(doc: Doc, ctx: ArticleContext, clusters: list[Cluster], taken: set[int]) -> None:
    """Full names the NER missed at another place ("... meet Elena Varga" in a headline)."""
    firsts: dict[str, list[tuple[list[str], Cluster]]] = {}
    for c in clusters:
        ws = [w for m in c.mentions for w in [m.name.split()] if len(w) > 1]
        for form in ws:
            firsts.setdefault(key(form[0]), []).append(([key(w) for w in form], c))
    for tok in doc:
        if tok.i in taken or key(tok.text) not in firsts or ctx.is_furniture(tok.idx):
            continue
        for form, cluster in firsts[key(tok.text)]:
            end = tok.i + len(form)
            if end <= len(doc) and [key(t.text) for t in doc[tok.i : end]] == form:
                if not any(i in taken for i in range(tok.i, end)):
                    cluster.mentions.append(Mention(tok.i, end, " ".join(t.text for t in doc[tok.i : end])))
                    taken.update(range(tok.i, end))
                break


def _written_lowercase(cluster: Cluster) -> bool:
    """A name the article also writes in lower case ("the Lunar Rover" ... "the lunar rover") is
    a common noun phrase the parser tagged PERSON: people's names are never written lower case."""
    return any(m.name == m.name.lower() for m in cluster.mentions)


def _without_affiliations(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Drop a "person" whose name stands in the possessive right before another person's name
    ("Linefold's Mara Tenz"): it is that person's party, team or company."""
    out = []
    for c in clusters:
        others = {m.start for o in clusters if o is not c for m in o.mentions}
        if not any(non_people.possessive_before_person(doc, m.end, others) for m in c.mentions):
            out.append(c)
    return out


def _to_fact(doc: Doc, ctx: ArticleContext, n: int, cluster: Cluster) -> PersonFact:
    name = cluster.name
    aliases = []
    for m in sorted(cluster.mentions, key=lambda m: m.start):
        if key(m.name) != key(name) and m.name not in aliases:
            aliases.append(m.name)
    fact = PersonFact(key=f"p{n}", name=name, aliases=aliases)
    fact.mentions = [_mention_span(doc, ctx, m) for m in sorted(cluster.mentions, key=lambda m: m.start)]
    person_details.describe(doc, ctx, fact, [(m.start, m.end, m.honorific) for m in cluster.mentions])
    return fact


def _mention_span(doc: Doc, ctx: ArticleContext, m: Mention) -> Span:
    """Evidence for the name itself, without a possessive glued to its last token."""
    last = doc[m.end - 1]
    return ctx.span(doc[m.start].idx, last.idx + len(POSSESSIVE.sub("", last.text) or last.text))
