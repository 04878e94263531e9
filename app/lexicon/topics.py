"""The words that signal each topic of the taxonomy, with weights: a transparent, editable lexicon.

Terms are lower case; a trailing ``*`` matches any ending ("sanction*" covers sanctioned, sanctions).
Weight 2 marks words that on their own decide a topic ("barrels", "tariff"); weight 1 is the default;
weight 0.5 marks words that only tip a balance ("market", "officials"). General vocabulary aligned
with the IPTC Media Topics definitions, never names or facts from particular articles.
"""

from __future__ import annotations

# fmt: off
LEXICON: dict[str, dict[str, float]] = {
    "energy": {
        "oil": 2, "crude": 2, "petroleum": 2, "natural gas": 2, "gas": 1.5, "lng": 2,
        "liquefied natural gas": 2,
        "pipeline*": 1.5, "barrel*": 2, "bpd": 2, "opec*": 2, "refiner*": 2, "refinery": 2, "refineries": 2,
        "gasoline": 2, "diesel": 2, "fuel*": 1.5, "coal": 2, "electricity": 2, "power plant*": 2,
        "power station*": 2, "power grid": 2, "nuclear power": 2, "renewable*": 1.5, "solar": 1.5,
        "wind farm*": 2, "wind power": 2, "turbine*": 1, "energy": 2, "kilowatt*": 2, "megawatt*": 2,
        "gigawatt*": 2, "terawatt*": 2, "oilfield*": 2, "drilling": 1, "brent": 2, "hydrogen": 1,
        "uranium": 1.5, "utility": 1, "utilities": 1, "gas field*": 2, "gas price*": 2, "oil price*": 2,
        "storage sites": 1, "heating": 0.5,
    },
    "trade": {
        "trade": 2, "trading partner*": 2, "export*": 2, "import*": 2, "tariff*": 2, "customs": 1.5,
        "trade deficit": 2, "trade surplus": 2, "shipments": 1, "wto": 2, "duties": 1, "quota*": 1,
        "bilateral trade": 2, "supplier": 0.5,
    },
    "sanctions": {
        "sanction*": 3, "embargo*": 3, "punitive measure*": 3, "blacklist*": 2.5, "entity list": 3,
        "export control*": 3, "asset freeze*": 3, "price cap": 2, "punitive": 1.5,
    },
    "economy": {
        "economy": 1.5, "economic*": 1, "gdp": 2, "gross domestic product": 2, "inflation": 2,
        "interest rate*": 2, "central bank*": 2, "revenue*": 2, "profit*": 2, "earnings": 2, "sales": 1.5,
        "net income": 2, "margin*": 1.5, "shares": 1.5, "stock*": 1, "investor*": 1, "market*": 0.5,
        "analyst*": 0.5, "forecast*": 1, "dividend*": 2, "valuation": 2, "debt": 1, "bond*": 1,
        "budget": 1, "deficit": 1, "spending": 1, "tax*": 1, "price*": 0.5, "cost*": 0.5, "saving*": 0.5,
        "investment*": 1, "bank*": 1, "loan*": 1, "currency": 1, "exchange rate*": 2, "consumer*": 1,
        "retail*": 1, "company": 0.5, "firm": 0.5, "business*": 1, "backlog": 2, "orders": 1,
        "per share": 2, "quarter": 1, "quarterly": 1, "full-year": 1.5, "shareholder*": 1, "funding": 1,
        "recession": 2, "growth": 0.5, "shipped": 1, "factory": 1, "manufactur*": 1, "chamber of commerce": 2,
        "bankrupt*": 1.5, "creditors": 1, "wall street": 2, "nasdaq": 2, "index": 0.5,
    },
    "military": {
        "military": 2, "troops": 2, "soldier*": 1.5, "army": 2, "navy": 2, "air force": 2, "weapon*": 2,
        "missile*": 2, "ammunition": 2, "defense": 1.5, "defence": 1.5, "armed forces": 2, "drone*": 1,
        "warship*": 2, "fighter jet*": 2, "tank*": 0.5, "artillery": 2, "nato": 2, "deploy*": 1.5,
        "national security": 2, "security council": 1, "defense minister": 1, "arms": 1.5,
    },
    "armed-conflict": {
        "war": 2, "wars": 2, "invasion": 2, "invade*": 2, "offensive": 1.5, "battlefield": 2, "ceasefire": 2,
        "truce": 2, "fighting": 1.5, "shelling": 2, "airstrike*": 2, "air strike*": 2, "front line": 2,
        "hostilities": 2, "killed": 1, "casualt*": 1.5, "civilians": 1, "peace plan": 2, "peace talks": 2,
        "insurgen*": 1.5, "rebels": 1.5, "rebel forces": 2, "militant*": 1.5, "incursion": 2, "war effort": 2,
    },
    "conflict": {
        "conflict": 1.5, "terror*": 2, "protest*": 1, "unrest": 2, "riot*": 2, "clash*": 1,
    },
    "diplomacy": {
        "diplomat*": 2, "diplomacy": 2, "summit*": 2, "talks": 1, "state visit": 2,
        "visit": 1.5, "visits": 1.5, "visited": 1.5, "visiting": 1,
        "foreign minister*": 2, "foreign ministry": 2, "foreign policy": 2, "ambassador*": 2, "embassy": 2,
        "bilateral": 1, "partnership": 1, "relations": 1.5, "ties": 1, "treaty": 2, "alliance": 1,
        "delegation": 1.5, "envoy*": 2, "joint statement": 2, "trip": 1, "counterpart*": 1, "anniversary": 1,
        "officials": 0.5, "dinner": 1, "recognition": 1, "leaders": 0.5, "meeting": 0.5,
        "secretary of state": 2,
    },
    "politics": {
        "election*": 2, "vote*": 1, "mps": 2, "mp": 1.5, "backbench*": 2, "rebellion": 1, "tories": 2,
        "conservatives": 1.5, "councils": 1, "council": 0.5, "voter*": 2, "parliament*": 1.5,
        "president": 0.5, "prime minister": 1,
        "government": 1, "minister": 0.5, "lawmaker*": 2, "congress": 1.5, "senate": 1.5, "party": 1,
        "campaign*": 1, "poll*": 1, "inaugurat*": 2, "opposition": 1, "legislat*": 1.5, "referendum": 2,
        "cabinet": 1.5, "policy": 0.5, "term": 0.5, "ballot*": 2, "re-elect*": 2, "mayor": 1.5,
        "asylum": 2, "immigration": 2, "visa": 1.5, "visas": 1.5, "travel ban": 2, "executive order*": 2,
    },
    "health": {
        "health*": 2, "disease*": 2, "virus*": 2, "vaccin*": 2, "hospital*": 2, "patient*": 2, "doctor*": 1.5,
        "medical": 2, "medicine*": 2, "drug*": 1, "outbreak*": 2, "infection*": 2, "infected": 2,
        "cases": 1, "measles": 2, "covid*": 2, "pandemic": 2, "epidemic": 2, "cancer": 2, "mortality": 1.5,
        "clinic*": 2, "dose*": 1.5, "treatment*": 1, "nurses": 1, "obesity": 2, "diabetes": 2, "deaths": 0.5,
        "aids": 2, "hiv": 2, "malnutrition": 2, "undernourish*": 2, "nutrition*": 1.5, "medication*": 1.5,
    },
    "environment": {
        "climate": 2, "emission*": 2, "carbon": 2, "co2": 2, "greenhouse": 2, "warming": 2,
        "temperature*": 1, "pollution": 2, "deforestation": 2, "biodiversity": 2, "wildlife": 2,
        "environment*": 2, "conservation": 1.5, "drought": 1, "heatwave*": 1.5, "glacier*": 2,
        "sea level*": 2, "net zero": 2, "plastic*": 1, "recycling": 2, "forest*": 1, "species": 1.5,
    },
    "technology": {
        "technolog*": 2, "tech": 1.5, "software": 2, "chip*": 2, "semiconductor*": 2, "ai": 2,
        "artificial intelligence": 2, "computer*": 1.5, "computing": 2, "data centre*": 2, "data center*": 2,
        "internet": 1.5, "smartphone*": 2, "robot*": 2, "digital": 1, "cyber*": 2, "app": 1, "apps": 1,
        "platform*": 0.5, "electronics": 1.5, "processor*": 2, "wafer*": 2, "cloud": 1, "startup*": 1,
        "satellite*": 1.5, "hardware": 1.5, "online": 0.5,
    },
    "science": {
        "scien*": 2, "research*": 1, "study": 1, "researcher*": 1.5, "laboratory": 2, "experiment*": 1.5,
        "physics": 2, "biology": 2, "space": 1, "astronom*": 2, "telescope*": 2, "species": 0.5,
    },
    "crime": {
        "court*": 2, "judge*": 2, "jury": 2, "trial*": 1.5, "prison*": 2, "jail*": 2, "sentence*": 1.5,
        "convict*": 2, "fraud*": 2, "prosecut*": 2, "lawyer*": 1, "lawsuit*": 2, "police": 1.5,
        "arrest*": 2, "charged": 1.5, "guilty": 2, "crime*": 2, "criminal*": 2, "murder*": 2, "theft": 2,
        "fine": 1, "fined": 2, "restitution": 2, "forfeit*": 2, "appeal*": 1, "victims": 1, "ponzi": 2,
        "indict*": 2, "investigation": 1, "defrauded": 2, "defrauding": 2, "counts of": 1.5, "bail": 2,
    },
    "disaster": {
        "earthquake*": 2, "flood*": 2, "hurricane*": 2, "storm": 1, "storms": 0.5, "wildfire*": 2,
        "fire": 1, "crash*": 1,
        "accident*": 2, "explosion*": 1.5, "disaster*": 2, "tsunami": 2, "landslide*": 2, "evacuat*": 1.5,
        "rescue*": 1.5, "typhoon*": 2, "cyclone*": 2, "collapse": 0.5,
        "plane crash*": 2, "air crash*": 2, "crashed": 1.5, "airliner*": 1.5, "shot down": 1.5, "wreckage": 2,
    },
    "sport": {
        "league": 2, "championship*": 2, "tournament*": 2, "marathon*": 2, "olympic*": 2, "medal*": 2,
        "athlete*": 2, "stadium": 2, "world record": 2, "coach*": 1, "season": 1, "race": 1, "match": 1,
        "team*": 0.5, "player*": 1.5, "club*": 1, "goal*": 0.5, "scored": 1, "victory": 1, "win": 0.5,
        "won": 0.5, "beat": 0.5, "runner*": 1.5, "cup": 1, "final": 0.5, "prize money": 2, "striker": 2,
        "transfer fee": 2, "grand slam": 2, "innings": 2, "fans": 1,
    },
    "society": {
        "population": 1.5, "census": 2, "migrant*": 2, "migration": 2, "refugee*": 2, "poverty": 2,
        "housing": 1.5, "homeless*": 2, "welfare": 1.5, "communit*": 1, "religio*": 1.5, "demonstrat*": 1,
        "marchers": 1.5, "rights": 1, "gender": 1.5, "families": 1, "charity": 1.5, "charities": 1.5,
        "commuters": 1, "traffic": 1, "residents": 1,
        "festival*": 2, "visitors": 1, "tourism": 1.5, "celebrat*": 1, "petition*": 1, "fundrais*": 1,
    },
    "labour": {
        "worker*": 2, "unions": 1.5, "trade union*": 2, "labour union*": 2, "labor union*": 2,
        "union leader*": 2, "union member*": 2, "strike*": 2, "walkout*": 2, "walked off the job": 2,
        "wage*": 2,
        "pay rise": 2, "pay": 1, "salary": 2, "salaries": 2, "employ*": 1.5, "unemployment": 2,
        "jobless": 2, "jobs": 2, "job": 1.5, "labour": 2, "labor": 2, "workforce": 2, "staff": 1,
        "layoff*": 2, "redundanc*": 2, "hiring": 2, "pension*": 1.5, "minimum wage": 2,
    },
    "education": {
        "school*": 2, "universit*": 2, "student*": 2, "teacher*": 1.5, "education": 2, "pupil*": 2,
        "tuition": 2, "curriculum": 2, "exam*": 1.5, "college*": 1.5, "academic": 1,
    },
}
# fmt: on

# Units that settle the topic of a figure on their own ("barrels_per_day" is energy).
# fmt: off
UNIT_TOPICS: dict[str, str] = {
    "barrels_per_day": "energy", "barrels": "energy", "cubic_meters": "energy", "cubic_feet": "energy",
    "TWh": "energy", "GWh": "energy", "MWh": "energy", "kWh": "energy", "GW": "energy", "MW": "energy",
    "kW": "energy",
}
# fmt: on
