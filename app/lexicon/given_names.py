"""Common given names and their usual gender: general knowledge used in two places.

- People: the small NER model sometimes leaves a plain "Jayson Tatum" untagged, or calls
  "Okafor" a place; a capitalised pair starting with a common given name is a person.
- Speakers: "she said" should not resolve to a man. Gender comes first from honorifics and
  pronouns in the article; a given name is the fallback.
Names that are common for both genders are left out of the gendered sets.
"""

from __future__ import annotations

from app.lexicon import words_of

MALE = words_of(
    """
    aaron abdul abdullah adam adrian ahmed ahmad ajay akira alan albert alberto alejandro alex alexander
    alexandre alexei alfred ali amir anand anders andre andrea andrei andres andrew andy angelo anil
    anthony antoine antonio antony anwar arjun arnold arthur arturo ashok aziz barack ben benjamin bernard
    bill billy bob bobby boris brad bradley brandon brendan brian bruce bruno bryan carl carlos charles
    charlie chris christian christopher claude clement colin connor craig cristiano damian dan daniel
    danny darren david dean dennis derek devon diego dmitry dominic donald doug douglas dylan eddie edgar
    eduardo edward emmanuel enrique eric erik ernesto ethan eugene evan fabio faisal farid federico felipe
    felix fernando francesco francis francisco frank franz fred frederick gabriel gareth gary gavin geoff
    geoffrey george georgios gerald gerard gianni giovanni giuseppe gordon graham greg gregory guillaume
    gustavo guy hamid hans harold harry hassan hector henri henry herbert hiroshi hugh hugo hussein ian
    ibrahim igor ilya isaac ivan jack jacob jacques jaime jake jalen james jamal jan jason javier jay
    jayson jeff jeffrey jeremy jerome jesus jim jimmy joao joe joel johan john johnny jon jonathan jorge
    jose joseph josh joshua juan julian julio justin kamal karl keith kenneth kevin khalid kieran
    kirill klaus konstantin kurt kyle lars lawrence lee leo leon leonardo lewis liam lionel louis luca
    lucas luigi luis luke marc marcel marco marcus mario mark martin mateo matt matteo matthew maurice max
    maxim michael miguel mikhail mike mohamed mohammad mohammed muhammad nasser nathan neil nelson nicholas
    nick nicolas nigel nikolai noah oliver omar oscar osama owen pablo paolo patrick paul pedro peter
    philip philippe pierre pradeep rafael rahul raj rajesh ralph ramon randy raphael raul ray raymond reza
    ricardo richard rick rob robert roberto rodrigo roger roman ron ronald rory ross roy ruben russell ryan
    salman sam samir samuel scott sean sebastian sergei sergey sergio seth shane simon stefan stephen
    steve steven stuart sunil tariq ted terry thomas tim timothy todd tom tommy tony travis trevor tyler
    umar uwe valentin vasily victor vijay vikram vincent vitaly vladimir walter wayne william xavier
    yannick youssef yuri yusuf zachary zaid
    """
)

FEMALE = words_of(
    """
    abigail ada adriana agnes aisha alejandra alexandra alice alicia alina alison amanda amber amelia amy
    ana anastasia andrea angela angelina anita ann anna anne annette antonia anya ariana asha ashley
    audrey barbara beatrice beatriz belinda beth betty beverly brenda bridget brigitte camila carla
    carmen carol caroline carolyn catherine cecilia celine charlotte chloe christina christine claire
    clara claudia colleen cristina cynthia daisy dana daniela deborah debra denise diana diane dolores
    donna dorothy edith elaine eleanor elena elisabeth elizabeth ella ellen emily emma erin esther eva
    evelyn fatima fiona florence frances francesca gabriela gabrielle gemma georgia gloria grace hannah
    heather heidi helen helena hilary hillary ines ingrid irene iris isabel isabella jacqueline jane janet
    janice jasmine jean jennifer jessica jill joan joanna josephine joy joyce judith judy julia julie
    june karen katarina kate katherine kathleen kathryn katie kelly kristen laura lauren leah leila
    lena linda lisa lorraine louise lucia lucy lydia lyudmila madeleine magdalena mai maria marian marie
    marina marion marjorie martha mary maura maya megan melanie melissa meredith mia michelle mildred
    miriam molly monica nadia nancy naomi natalia natalie natasha nicola nicole nina nora olga olivia
    paola patricia paula pauline penelope priya rachel rebecca regina rita roberta rosa rosemary ruth
    sabrina sally samantha sandra sara sarah shannon sharon sheila shirley silvia simone sofia sonia
    sophia sophie stephanie susan suzanne svetlana sylvia tamara tanya teresa theresa tiffany tina tracy
    ursula valentina valerie vanessa vera veronica victoria virginia wendy yasmin yolanda yulia yvonne
    zainab zoe
    """
)

NEUTRAL = words_of(
    """
    alexis ali andrea avery casey jamie jordan kelly kim lee morgan pat quinn riley robin sam sasha taylor
    """
)

GIVEN = MALE | FEMALE | NEUTRAL


def gender_of(given: str) -> str | None:
    """ "m", "f" or None for a given name."""
    low = given.lower()
    if low in NEUTRAL:
        return None
    if low in MALE:
        return "m"
    if low in FEMALE:
        return "f"
    return None


def is_given_name(word: str) -> bool:
    return word.lower() in GIVEN
