"""Word lists for the figure step (qualifiers, number words, currencies, units, casualty words)."""

from __future__ import annotations

# longest first when matching; the text as printed is the figure's qualifier
QUALIFIERS = (
    "more than", "over", "at least", "about", "nearly", "almost", "up to", "fewer than", "less than", "around",
    "some", "roughly", "approximately", "just over", "just under", "as many as", "at most", "under", "above",
    "below", "close to", "an estimated", "upwards of", "well over", "well above", "no fewer than", "no more than",
    "an average of", "a total of", "a further", "another", "only", "just", "between", "almost exactly", "exactly",
    "estimated", "roughly about", "in excess of", "a record",
)
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
    "half": 0.5, "a half": 0.5,
}
MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
               "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
               "tn": 1_000_000_000_000, "lakh": 100_000, "crore": 10_000_000}
# vague amounts: value stays null, the word is the qualifier
VAGUE = {"dozens", "hundreds", "thousands", "millions", "billions", "scores", "tens of thousands",
         "hundreds of thousands"}

CURRENCY_SYMBOLS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR",
                    "C$": "CAD", "A$": "AUD", "HK$": "HKD", "₩": "KRW", "₺": "TRY", "₴": "UAH"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
                  "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP", "yen": "JPY", "jpy": "JPY",
                  "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "rub": "RUB", "yuan": "CNY",
                  "renminbi": "CNY", "cny": "CNY", "rupee": "INR", "rupees": "INR", "inr": "INR", "franc": "CHF",
                  "francs": "CHF", "chf": "CHF", "lira": "TRY", "liras": "TRY", "hryvnia": "UAH", "won": "KRW",
                  "pesos": "MXN", "peso": "MXN", "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED",
                  "shekel": "ILS", "shekels": "ILS"}
# currency words that several countries use: the country named before the word ("Kenyan
# shillings") or, failing that, the first of these places the article names decides the code
# (rule figure.currency-by-place); none named: the currency stays null ("3,000 shillings" is still
# money).  "dollar" without a place stays USD, as printed news means it most often.
CURRENCY_BY_PLACE = {
    "shilling": {"kenya": "KES", "kenyan": "KES", "uganda": "UGX", "ugandan": "UGX", "tanzania": "TZS",
                 "tanzanian": "TZS", "somalia": "SOS", "somali": "SOS", "somaliland": "SLS"},
    "dollar": {"canada": "CAD", "canadian": "CAD", "australia": "AUD", "australian": "AUD", "new zealand": "NZD",
               "hong kong": "HKD", "singapore": "SGD", "singaporean": "SGD", "taiwan": "TWD", "taiwanese": "TWD",
               "zimbabwe": "ZWL", "zimbabwean": "ZWL", "jamaica": "JMD", "jamaican": "JMD", "liberia": "LRD",
               "liberian": "LRD", "namibia": "NAD", "namibian": "NAD", "fiji": "FJD", "fijian": "FJD"},
    "dinar": {"iraq": "IQD", "iraqi": "IQD", "kuwait": "KWD", "kuwaiti": "KWD", "jordan": "JOD", "jordanian": "JOD",
              "libya": "LYD", "libyan": "LYD", "algeria": "DZD", "algerian": "DZD", "tunisia": "TND",
              "tunisian": "TND", "serbia": "RSD", "serbian": "RSD", "bahrain": "BHD", "bahraini": "BHD"},
    "rupee": {"india": "INR", "indian": "INR", "pakistan": "PKR", "pakistani": "PKR", "sri lanka": "LKR",
              "sri lankan": "LKR", "nepal": "NPR", "nepalese": "NPR", "mauritius": "MUR", "mauritian": "MUR"},
    "peso": {"mexico": "MXN", "mexican": "MXN", "argentina": "ARS", "argentine": "ARS", "argentinian": "ARS",
             "chile": "CLP", "chilean": "CLP", "colombia": "COP", "colombian": "COP", "philippines": "PHP",
             "philippine": "PHP", "filipino": "PHP", "cuba": "CUP", "cuban": "CUP", "uruguay": "UYU",
             "uruguayan": "UYU", "dominican republic": "DOP", "dominican": "DOP"},
    "franc": {"switzerland": "CHF", "swiss": "CHF", "rwanda": "RWF", "rwandan": "RWF", "burundi": "BIF",
              "congo": "CDF", "congolese": "CDF", "guinea": "GNF", "guinean": "GNF"},
    "krona": {"sweden": "SEK", "swedish": "SEK", "iceland": "ISK", "icelandic": "ISK"},
    "krone": {"denmark": "DKK", "danish": "DKK", "norway": "NOK", "norwegian": "NOK"},
    "pound": {"egypt": "EGP", "egyptian": "EGP", "lebanon": "LBP", "lebanese": "LBP", "syria": "SYP",
              "syrian": "SYP", "sudan": "SDG", "sudanese": "SDG", "south sudan": "SSP"},
    "riyal": {"saudi arabia": "SAR", "saudi": "SAR", "qatar": "QAR", "qatari": "QAR", "oman": "OMR",
              "omani": "OMR", "yemen": "YER", "yemeni": "YER", "iran": "IRR", "iranian": "IRR"},
}
# cities that stand for their country in CURRENCY_BY_PLACE (issue #16): a Nairobi story's "3,000
# shillings" are Kenyan though it never writes "Kenya"; capitals and the largest cities, leaving
# out names several countries share (Tripoli: Libya or Lebanon; Santiago; Kingston)
PLACE_COUNTRY = {
    "nairobi": "kenya", "mombasa": "kenya", "kisumu": "kenya", "nakuru": "kenya", "eldoret": "kenya",
    "kampala": "uganda", "entebbe": "uganda", "gulu": "uganda", "dar es salaam": "tanzania", "dodoma": "tanzania",
    "arusha": "tanzania", "zanzibar": "tanzania", "mogadishu": "somalia", "kismayo": "somalia",
    "hargeisa": "somaliland",
    "ottawa": "canada", "toronto": "canada", "montreal": "canada", "vancouver": "canada", "calgary": "canada",
    "canberra": "australia", "sydney": "australia", "melbourne": "australia", "brisbane": "australia",
    "perth": "australia", "wellington": "new zealand", "auckland": "new zealand", "christchurch": "new zealand",
    "taipei": "taiwan", "harare": "zimbabwe", "bulawayo": "zimbabwe", "monrovia": "liberia",
    "windhoek": "namibia", "suva": "fiji",
    "baghdad": "iraq", "basra": "iraq", "mosul": "iraq", "erbil": "iraq", "kuwait city": "kuwait",
    "amman": "jordan", "benghazi": "libya", "algiers": "algeria", "oran": "algeria", "tunis": "tunisia",
    "sfax": "tunisia", "belgrade": "serbia", "novi sad": "serbia", "manama": "bahrain",
    "new delhi": "india", "delhi": "india", "mumbai": "india", "kolkata": "india", "chennai": "india",
    "bengaluru": "india", "bangalore": "india", "hyderabad": "india", "islamabad": "pakistan",
    "karachi": "pakistan", "lahore": "pakistan", "peshawar": "pakistan", "colombo": "sri lanka",
    "kathmandu": "nepal", "port louis": "mauritius",
    "mexico city": "mexico", "guadalajara": "mexico", "monterrey": "mexico", "buenos aires": "argentina",
    "bogota": "colombia", "bogot\u00e1": "colombia", "medellin": "colombia", "medell\u00edn": "colombia",
    "manila": "philippines", "quezon city": "philippines", "havana": "cuba", "montevideo": "uruguay",
    "santo domingo": "dominican republic",
    "bern": "switzerland", "zurich": "switzerland", "z\u00fcrich": "switzerland", "geneva": "switzerland",
    "kigali": "rwanda", "bujumbura": "burundi", "gitega": "burundi", "kinshasa": "congo", "conakry": "guinea",
    "stockholm": "sweden", "gothenburg": "sweden", "reykjavik": "iceland", "copenhagen": "denmark",
    "oslo": "norway", "bergen": "norway",
    "cairo": "egypt", "beirut": "lebanon", "damascus": "syria", "aleppo": "syria", "khartoum": "sudan",
    "omdurman": "sudan", "juba": "south sudan",
    "riyadh": "saudi arabia", "jeddah": "saudi arabia", "mecca": "saudi arabia", "doha": "qatar",
    "muscat": "oman", "sanaa": "yemen", "aden": "yemen", "tehran": "iran", "isfahan": "iran",
}
# each form of an ambiguous currency word -> its key in CURRENCY_BY_PLACE
CURRENCY_FORMS = {"shilling": "shilling", "shillings": "shilling", "dinar": "dinar", "dinars": "dinar",
                  "krona": "krona", "kronor": "krona", "kronur": "krona", "krone": "krone", "kroner": "krone",
                  "dollar": "dollar", "dollars": "dollar", "rupee": "rupee", "rupees": "rupee", "peso": "peso",
                  "pesos": "peso", "franc": "franc", "francs": "franc", "pound": "pound", "pounds": "pound",
                  "riyal": "riyal", "riyals": "riyal"}
# one country's currency words (ISO 4217), besides CURRENCY_WORDS
CURRENCY_WORDS.update({"naira": "NGN", "cedi": "GHS", "cedis": "GHS", "rand": "ZAR", "birr": "ETB", "taka": "BDT",
                       "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "zloty": "PLN", "zlotys": "PLN",
                       "forint": "HUF", "forints": "HUF", "hryvnias": "UAH", "lari": "GEL", "tenge": "KZT",
                       "shilingi": "TZS", "ksh": "KES", "kes": "KES", "ugx": "UGX", "tzs": "TZS", "afghanis": "AFN",
                       "dong": "VND", "kyat": "MMK", "kwanza": "AOA", "leone": "SLE", "leones": "SLE",
                       "dirhams": "AED", "kina": "PGK", "reais": "BRL"})
# symbols printed before a number that name one currency ("KSh 3,000", "Ksh3,000")
CURRENCY_SYMBOLS.update({"KSh": "KES", "Ksh": "KES", "USh": "UGX", "TSh": "TZS", "R$": "BRL", "₦": "NGN",
                         "₱": "PHP", "₫": "VND", "₪": "ILS", "S$": "SGD", "NZ$": "NZD"})
# multiplier abbreviations printed glued to the number ("€3m", "$1.5bn", "10k"), which the model
# leaves out of the entity span
GLUED_MULTIPLIERS = frozenset(("k", "m", "mn", "bn", "tn"))
PERCENT_WORDS = ("percent", "per cent", "%", "percentage points", "percentage point")
UNITS = {"km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre",
         "meter", "feet", "foot", "tons", "tonnes", "ton", "tonne", "kg", "kilograms", "kilogrammes", "pounds",
         "barrels", "barrel", "litres", "liters", "gallons", "hectares", "acres", "square", "mw", "gw", "kwh",
         "degrees", "mph", "km/h"}
# a figure counting these (or the object of these verbs) is a casualty figure
CASUALTY_WORDS = {"dead", "death", "deaths", "killed", "casualty", "casualties", "victim", "victims", "fatality",
                  "fatalities", "injured", "wounded", "injuries", "toll", "died"}
CASUALTY_VERBS = {"kill", "wound", "injure", "die", "slay", "massacre", "execute"}
AGE_PATTERNS = (r"^(\d{1,3})-year-old$", r"^(\d{1,3}) years? old$", r"^aged (\d{1,3})$", r"^age (\d{1,3})$")
# prepositions whose object tells where a figure applies ("members in Iraq and Syria")
WHERE_PREPS = {"in", "across", "within", "throughout", "inside", "from"}
FIGURE_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
