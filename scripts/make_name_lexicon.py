"""Build src/lumor_redact/data/names.tsv: given names and surnames for the name detector.

Sources (both fit to ship as derived data):
- Faker's person providers (MIT licence): first and last names of latin-script locales, folded
  to ASCII the way an STT engine prints them;
- the US Census 1990 given-name lists (public domain) as shipped in the `names` package (MIT):
  the 1,000 most frequent of each sex count as common given names, the rest (down to names like
  "rosalind", "garth", "rusty") as given names that need a cue;
- hand lists below, written for this project (MIT), of names common in Australia that Faker's
  locales miss (Vietnamese, Chinese, Korean, Arabic, Greek, Pacific, Indian, African,
  Aboriginal-Australian surnames).

A name is marked *ambiguous* when it is also an ordinary lowercase English word in the system
word list (/usr/share/dict/words, SCOWL, used at build time only and not shipped): "will",
"grace", "summer", "mark" need a cue ("my name's …", "thanks …") before they count as names.

Run:  .venv/bin/pip install names==0.3.0 && .venv/bin/python scripts/make_name_lexicon.py
      (deterministic: sorted output; without `names` the census lists are left out)
"""
from __future__ import annotations

import importlib
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "lumor_redact" / "data" / "names.tsv"
WORDS = Path("/usr/share/dict/words")

# Locales whose given names are common enough in Australian calls to count alone.
CORE_FIRST = ("en_US", "en_GB", "en_NZ", "en_IE", "en_IN", "en_PK")
OTHER = ("it_IT", "es_ES", "pt_BR", "de_DE", "fr_FR", "nl_NL", "tr_TR", "id_ID", "hr_HR", "sk_SK", "pl_PL",
         "el_GR", "yo_NG", "zu_ZA", "ga_IE", "fi_FI", "sv_SE", "da_DK", "no_NO", "ro_RO", "hu_HU", "cs_CZ")

HAND_FIRST = """
minh anh thuy linh huong lan mai hoa tuan dung hung thanh quang duc hai phuong trang ngoc khanh vy
wei jing ming hui ling xin yan jun hao lei qing fang jie xiaoming yong zhen mei
ji-woo min-jun seo-yeon ji-hoon soo-jin hyun jae-won eun-ji
mohammed muhammad mohamed ahmed ahmad ali hassan hussein omar khaled youssef ibrahim fatima aisha zainab
mariam layla noor yasmin karim samir tariq bilal hamza amira rania leila nadia yusuf mustafa
priya rahul arjun anjali amit sunil rajesh deepak pooja neha vikram ravi sanjay anil suresh ramesh kavita
sunita divya aarav aditya ishaan ananya diya saanvi harpreet gurpreet manpreet jaspreet simran navjot
dimitra georgios giorgos kostas nikos yiannis eleni despina maria stavros vasilis panagiota christos
sione siosaia mele losana tevita viliami salote ana lupe tama manu sefa ofa
shivon siobhan niamh aoife saoirse caoimhe ciaran oisin padraig
tayla kayla jayden jaxon brayden kai harper isla aria mila zara evie lachlan angus hamish fergus
nikhil rohan varun karan akash kunal sneha shreya riya meera lakshmi ganesh venkat srinivas prakash naveen
harish gaurav abhishek ankit manish ritu swati nidhi pallavi
seun oluwaseun chidi emeka ngozi chinedu adaeze kwame kofi abena tendai tatenda thabo sipho zanele amara
ifeanyi obinna uchenna babajide tunde ayodele folake yetunde kemi funmi segun femi wale dayo
yusra huda hiba samira lina zaid faisal majid walid nabil rami ziad ayesha sana iqra hamid rashid imran
irfan shahid sajid
aroha mere hemi tane wiremu rangi moana kiri manaia
"""
HAND_LAST = """
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh lam luu
wang li zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo lin luo zheng liang xie tang
feng deng cao peng zeng xiao tian dong pan yuan cai jiang du ye cheng wong cheung chan leung ng lau yip
kim lee park choi jung kang cho yoon jang lim shin
rahman khan haddad nasser saleh mansour aziz hussain siddiqui qureshi malik chaudhry
sharma patel singh kumar gupta reddy rao iyer nair mehta shah joshi verma agarwal chopra kapoor
malhotra bhat pillai menon das banerjee chatterjee mukherjee ghosh bose sen dutta
papadopoulos georgiou nikolaidis kostopoulos dimitriou papadakis konstantinou ioannou christodoulou
tupou fonua taufa faleolo tuilagi leota fifita vaipulu
mundine briggs kickett pearson yunupingu gurrumul walker mabo thorpe goolagong
o'sullivan o'brien o'connor o'neill o'rourke o'loughlin mcdonald mckenzie macdonald
"""
# Place names that are also given names: never a person on their own in Australian calls.
NOT_NAMES = set("""
sydney melbourne adelaide perth brisbane darwin hobart canberra victoria tasmania florence jordan
georgia india kent chelsea paris lincoln austin dallas houston phoenix orlando geelong ballarat
bendigo cairns townsville mackay albury wagga dubbo orange bathurst newcastle wollongong
""".split())


def fold(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()
    return s


def names_of(locale: str) -> tuple[list[str], list[str]]:
    try:
        p = importlib.import_module(f"faker.providers.person.{locale}").Provider
    except ModuleNotFoundError:
        return [], []
    def flat(x):  # noqa: ANN001, ANN202
        return list(x.keys()) if isinstance(x, dict) else list(x)
    return flat(getattr(p, "first_names", ())), flat(getattr(p, "last_names", ()))


CENSUS_COMMON = 1000  # per sex: the most frequent given names count alone


def census_first_names() -> tuple[set[str], set[str]]:
    """(common, other) given names from the US Census 1990 lists in the `names` package."""
    try:
        import names  # noqa: F401 - the package is only a carrier of the census files
    except ImportError:
        print("names package not installed: census given names left out")
        return set(), set()
    folder = Path(names.__file__).parent
    common: set[str] = set()
    other: set[str] = set()
    for fname in ("dist.female.first", "dist.male.first"):
        for rank, line in enumerate((folder / fname).read_text().splitlines()):
            if line.split():
                (common if rank < CENSUS_COMMON else other).add(line.split()[0].lower())
    return common, other - common


def main() -> None:
    lower_words = {w.strip() for w in WORDS.read_text(encoding="utf-8", errors="ignore").split("\n")
                   if w.strip() and w.strip().islower()} if WORDS.exists() else set()
    first_core: set[str] = set()
    first_other: set[str] = set()
    last: set[str] = set()
    for loc in CORE_FIRST:
        f, l = names_of(loc)
        first_core.update(fold(x) for x in f)
        last.update(fold(x) for x in l)
    for loc in OTHER:
        f, l = names_of(loc)
        first_other.update(fold(x) for x in f)
        last.update(fold(x) for x in l)
    first_core.update(HAND_FIRST.split())
    census_common, census_other = census_first_names()
    first_core.update(census_common)
    first_other.update(census_other)
    last.update(HAND_LAST.split())
    rows = []
    for name in sorted(first_core | first_other | last):
        if not name or " " in name or len(name) < 2 or not name.replace("-", "").replace("'", "").isalpha():
            continue
        if name in NOT_NAMES:
            continue
        kinds = []
        if name in first_core:
            kinds.append("first")
        elif name in first_other:
            kinds.append("first_rare")
        if name in last:
            kinds.append("last")
        ambiguous = name in lower_words or len(name) <= 2
        rows.append(f"{name}\t{','.join(kinds)}\t{int(ambiguous)}")
    header = ("# name<TAB>kinds (first: common given name; first_rare: given name from other locales; last: "
              "surname)<TAB>ambiguous (1 = also an English word or very short)\n"
              "# Generated by scripts/make_name_lexicon.py from Faker's person providers (MIT), the US Census "
              "1990 given names (public domain, via the names package) and hand lists (MIT); do not edit by hand.\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
