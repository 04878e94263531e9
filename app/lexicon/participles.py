"""Past participles of common irregular English verbs, to write "laps led by Ortega" from "Ortega led".

Origin: the standard list of English irregular verbs (any grammar's appendix), limited to verbs
that take an object in news copy. Membership rule: an irregular verb whose past participle is not
its lemma plus "-ed"/"-d". Regular verbs are inflected by rule in the caller.
"""

from __future__ import annotations

# fmt: off
IRREGULAR_PARTICIPLES: dict[str, str] = {
    "be": "been", "beat": "beaten", "become": "become", "begin": "begun", "bid": "bid", "bring": "brought",
    "build": "built", "buy": "bought", "catch": "caught", "choose": "chosen", "cost": "cost", "cut": "cut",
    "do": "done", "draw": "drawn", "drink": "drunk", "drive": "driven", "eat": "eaten", "fight": "fought",
    "find": "found", "fly": "flown", "forecast": "forecast", "forget": "forgotten", "freeze": "frozen",
    "get": "got", "give": "given", "go": "gone", "grow": "grown", "have": "had", "hear": "heard",
    "hide": "hidden", "hit": "hit", "hold": "held", "keep": "kept", "know": "known", "lay": "laid",
    "lead": "led", "leave": "left", "lend": "lent", "let": "let", "lose": "lost", "make": "made",
    "mean": "meant", "meet": "met", "pay": "paid", "put": "put", "quit": "quit", "read": "read",
    "ride": "ridden", "ring": "rung", "rise": "risen", "run": "run", "say": "said", "see": "seen",
    "sell": "sold", "send": "sent", "set": "set", "shake": "shaken", "shed": "shed", "shoot": "shot",
    "show": "shown", "shut": "shut", "sing": "sung", "sink": "sunk", "sit": "sat", "sleep": "slept",
    "speak": "spoken", "spend": "spent", "split": "split", "spread": "spread", "stand": "stood",
    "steal": "stolen", "strike": "struck", "swim": "swum", "take": "taken", "teach": "taught",
    "tear": "torn", "tell": "told", "think": "thought", "throw": "thrown", "understand": "understood",
    "wear": "worn", "win": "won", "withdraw": "withdrawn", "write": "written", "overtake": "overtaken",
    "undertake": "undertaken", "outsell": "outsold", "upset": "upset", "wind": "wound", "seek": "sought",
    "light": "lit", "feed": "fed", "flee": "fled", "bind": "bound", "dig": "dug", "stick": "stuck",
}
# fmt: on
