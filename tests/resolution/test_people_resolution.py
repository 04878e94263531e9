"""Cross-article person matching: one person per real person, never two merged into one."""

from __future__ import annotations

from app.extraction.types import PersonFact
from app.resolution.people import KnownPerson, aliases_for, lookup_keys, match_person, name_key, should_rename


def fact(name: str, aliases: tuple[str, ...] = (), title: str | None = None) -> PersonFact:
    return PersonFact(key="p0", name=name, aliases=list(aliases), title=title)


def known(pid: int, name: str, *aliases: str) -> KnownPerson:
    return KnownPerson(id=pid, name=name, aliases=[name, *aliases])


def test_surname_here_is_the_full_name_there():
    gabuev = known(1, "Alexander Gabuev", "Gabuev")
    assert match_person(fact("Gabuev"), [gabuev]) is gabuev


def test_full_name_here_matches_a_person_known_only_by_surname():
    bare = known(7, "Gabuev")
    assert match_person(fact("Alexander Gabuev", ("Gabuev",)), [bare]) is bare
    assert should_rename(bare, fact("Alexander Gabuev"))


def test_similar_full_names_stay_two():
    wang_yi = known(1, "Wang Yi")
    assert match_person(fact("Wang Yiwei", ("Wang",)), [wang_yi]) is None
    assert match_person(fact("Kim Jong Il"), [known(2, "Kim Jong Un", "Kim")]) is None


def test_bare_surname_shared_by_two_known_people_is_ambiguous():
    candidates = [known(1, "Wang Yi", "Wang"), known(2, "Wang Yiwei", "Wang")]
    assert match_person(fact("Wang"), candidates) is None
    candidates = [known(3, "Tom Delgado", "Delgado"), known(4, "Irene Delgado", "Delgado")]
    assert match_person(fact("Delgado"), candidates) is None


def test_two_people_sharing_a_given_name_stay_two():
    assert match_person(fact("Maria Lopez"), [known(1, "Maria Santos", "Santos")]) is None


def test_middle_names_and_initials_do_not_split_a_person():
    bush = known(1, "George Walker Bush", "Bush", "George Bush")
    assert match_person(fact("George W. Bush"), [bush]) is bush
    assert match_person(fact("George Bush"), [bush]) is bush
    assert match_person(fact("George Walker Bush"), [known(2, "George Bush", "Bush")]) is not None


def test_accents_and_case_do_not_matter():
    jose = known(1, "José Álvarez", "Álvarez")
    assert match_person(fact("Jose Alvarez"), [jose]) is jose
    assert name_key("  JOSÉ  Álvarez ") == name_key("jose alvarez")


def test_family_name_first_is_learnt_from_how_articles_shorten_the_name():
    xi = known(1, "Xi Jinping", "Xi")
    assert match_person(fact("Xi"), [xi]) is xi
    assert match_person(fact("Jinping"), [xi]) is None


def test_aliases_for_storage():
    forms = aliases_for(fact("Vladimir Vladimirovich Putin", ("Putin",), title="Russian President"))
    assert forms[0] == "Vladimir Vladimirovich Putin"
    assert {"Putin", "Vladimir Putin", "President Putin"} <= set(forms)
    east = aliases_for(fact("Kim Jong Un", ("Kim",), title="North Korean leader"))
    assert "Kim" in east and "Kim Un" not in east and "Un" not in east


def test_aliases_for_titles_used_before_surnames():
    assert "Judge Coleman" in aliases_for(fact("Harriet Coleman", ("Coleman",), title="U.S. District Judge"))
    assert not any(
        a.startswith("Executive") for a in aliases_for(fact("Helen Marsh", title="Chief Executive"))
    )


def test_lookup_keys_cover_both_ends_of_the_name():
    keys = lookup_keys(fact("Alexander Gabuev", ("Gabuev",)))
    assert {"alexander gabuev", "gabuev", "alexander"} <= keys


def test_no_candidates_means_a_new_person():
    assert match_person(fact("Meia Nouwens"), []) is None
