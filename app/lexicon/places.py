"""A small gazetteer of place names, because the small spaCy model often tags capitals as PERSON.

"Kyiv", "Riga" or "Doha" standing alone are read as people by ``en_core_web_sm``; a person name
that is also a well-known country, capital, major city, US state or region is not accepted as a
person unless it comes with a first name or a title. This is general world knowledge, not data
about any article.
"""

from __future__ import annotations

COUNTRIES = """Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan
Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil
Brunei Bulgaria Burkina Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros Congo
Croatia Cuba Cyprus Czechia Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia
Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti
Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan
Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya
Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania
Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Burma
Namibia Nauru Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palau Palestine Panama
Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia Seychelles
Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan
Tanzania Thailand Togo Tonga Trinidad Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine Uruguay
Uzbekistan Vanuatu Vatican Venezuela Vietnam Yemen Zambia Zimbabwe Britain England Scotland Wales
Greenland Crimea Donbas Gaza Tibet Xinjiang Kashmir Catalonia Chechnya Abkhazia Transnistria"""

CITIES = """Kabul Tirana Algiers Luanda Yerevan Canberra Vienna Baku Nassau Manama Dhaka Minsk Brussels
Thimphu Sarajevo Gaborone Brasilia Sofia Ouagadougou Phnom Penh Yaounde Ottawa Santiago Beijing Bogota
Kinshasa Brazzaville Zagreb Havana Nicosia Prague Copenhagen Quito Cairo Asmara Tallinn Addis Ababa
Suva Helsinki Paris Libreville Banjul Tbilisi Berlin Accra Athens Conakry Georgetown Tegucigalpa
Budapest Reykjavik Delhi Jakarta Tehran Baghdad Dublin Jerusalem Rome Kingston Tokyo Amman Astana
Nairobi Pristina Bishkek Vientiane Riga Beirut Maseru Monrovia Tripoli Vilnius Antananarivo Lilongwe
Bamako Valletta Nouakchott Chisinau Ulaanbaatar Podgorica Rabat Maputo Naypyidaw Windhoek Kathmandu
Amsterdam Wellington Managua Niamey Abuja Pyongyang Skopje Oslo Muscat Islamabad Ramallah Asuncion
Lima Manila Warsaw Lisbon Doha Bucharest Moscow Kigali Dakar Belgrade Freetown Bratislava Ljubljana
Mogadishu Pretoria Seoul Juba Madrid Colombo Khartoum Paramaribo Stockholm Bern Damascus Taipei
Dushanbe Dodoma Bangkok Lome Tunis Ankara Ashgabat Kampala Kyiv Kiev Abu Dhabi London Washington
Montevideo Tashkent Caracas Hanoi Sanaa Lusaka Harare Shanghai Hong Kong Shenzhen Guangzhou
Wuhan Chengdu Tianjin Osaka Mumbai Bangalore Kolkata Chennai Karachi Lahore Istanbul Dubai Riyadh
Jeddah Tel Aviv Haifa Gaza Aleppo Mosul Basra Kandahar Lagos Johannesburg Cape Town Durban Casablanca
Marrakesh Alexandria Sydney Melbourne Brisbane Perth Auckland Toronto Montreal Vancouver Calgary
Chicago Houston Phoenix Philadelphia Dallas Austin Boston Seattle Denver Atlanta Miami Detroit
Baltimore Cleveland Pittsburgh Minneapolis Portland Nashville Memphis Orlando Tampa Sacramento
Oakland Brooklyn Manhattan Geneva Zurich Milan Naples Turin Venice Florence Barcelona Seville
Valencia Munich Hamburg Frankfurt Cologne Stuttgart Lyon Marseille Nice Bordeaux Toulouse Antwerp
Rotterdam Manchester Liverpool Birmingham Glasgow Edinburgh Belfast Cardiff Leeds Bristol Krakow
Gdansk Odesa Odessa Kharkiv Lviv Dnipro Mariupol Bakhmut Kherson Zaporizhzhia Donetsk Luhansk
Sevastopol Minsk Petersburg Vladivostok Novosibirsk Yekaterinburg Kazan Sochi Kaliningrad Almaty
Sao Paulo Rio Buenos Aires Medellin Guadalajara Monterrey Tijuana Havana Anchorage Honolulu
Brussels Strasbourg Luxembourg Davos Versailles Westminster Whitehall Beverly"""

STATES = """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho
Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota
Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah
Vermont Virginia Wisconsin Wyoming Ontario Quebec Alberta Manitoba Saskatchewan Bavaria
Kent Surrey Essex Yorkshire Cornwall Devon Punjab Bengal Kerala Sichuan Guangdong"""

REGIONS = """Africa Asia Europe America Americas Oceania Antarctica Arctic Eurasia Scandinavia Balkans
Caucasus Sahel Maghreb Levant Gulf Pacific Atlantic Mediterranean Baltic Caribbean Patagonia Sahara
Himalayas Alps Andes Amazon Mideast"""

PLACES = frozenset(w.lower() for block in (COUNTRIES, CITIES, STATES, REGIONS) for w in block.split())


def is_place(name: str) -> bool:
    """True when every word of ``name`` is a known place word ("Kyiv", "Hong Kong")."""
    words = name.replace("-", " ").split()
    return bool(words) and all(w.lower().strip(".,") in PLACES for w in words)
