#!/usr/bin/env python3
"""Synthetic call-transcript data for the lumor_redact NER model (PERSON, LOCATION,
STREET_ADDRESS, HEALTH).

Why synthetic: real call recordings cannot be shared, and the shapes that matter (who says a
name, where an address runs, what counts as a health fact about a person) are easy to write
down as dialogue templates. Every sentence here is written for this generator; none comes from
the evaluation files.

Each document is a short stretch of a call (1-7 turns) built from turn templates whose slots
are filled with names (Faker locales plus hand-made romanised lists), Australian suburbs and
street addresses, health phrases, and unlabelled look-alikes (business and street names that
contain names, generic health words, times, prices, phone numbers, emails). A document is then
printed in one STT style:

- "lower": lowercase, no punctuation, numbers as words ("oh four one two") — the common case;
- "cased": smart-formatted text, cased and punctuated, numbers as digits;
- "mixed": a per-turn or per-feature mix (lowercase with digits, cased without punctuation ...).

Usage:
    python scripts/make_ner_data.py --out models/_work --train 22000 --dev 2000 --seed 13
    python scripts/make_ner_data.py --jsonl sample.jsonl --train 50   # inspect
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

LABELS = ("PERSON", "LOCATION", "STREET_ADDRESS", "HEALTH")

# ---------------------------------------------------------------------------------------------
# Word lists (written for this generator)
# ---------------------------------------------------------------------------------------------

FAKER_LOCALES = {
    "en_AU": 10, "en_GB": 4, "en_IN": 3, "en_NZ": 2, "en_IE": 2, "it_IT": 2, "es_ES": 2,
    "pt_BR": 1, "de_DE": 1, "fr_FR": 1, "pl_PL": 1, "tr_TR": 1, "nl_NL": 1, "en_US": 2,
}

CUSTOM_NAMES: dict[str, tuple[list[str], list[str]]] = {
    "vietnamese": (
        "minh anh thanh linh huong trang tuan hung duc phuong lan mai khanh thao hieu quang nam bao "
        "vy ngoc thu long tam hai dung trung hoa loan tien kim".split(),
        "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh lam mai "
        "trinh luu quach ta".split(),
    ),
    "chinese": (
        "wei jing xiaoming yan hui jun lei ying mei jie hao yu xin ming qiang fang kai yi wing "
        "xiu zihan yuting haoran jiahui shu ling bo".split(),
        "wang li zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo lin luo gao zheng liang "
        "xie tang feng deng cao chan cheung wong lau leung ng chow yip tsang kwok lim tan goh teo "
        "lai fong yeung".split(),
    ),
    "korean": (
        "min-jun seo-yeon ji-woo ha-eun joon hyun ji-hoon soo-jin eun-ji dong-hyun yuna jisoo "
        "minho jae sung-min hye-jin".split(),
        "kim lee park choi jung kang cho yoon jang han shin seo kwon hwang ahn song yoo hong jeon "
        "baek".split(),
    ),
    "arabic": (
        "mohammed ahmad fatima aisha omar layla yusuf zainab khaled mariam hamza noor rania tariq "
        "samir leila bilal amira jamal nadia karim rami hiba mustafa walid hussein".split(),
        "ahmed hassan hussein ali ibrahim khalil haddad nasser saleh mansour abdullah el-masri "
        "al-hassan youssef khoury aziz farah hamdan karim rahman sayed omar nassif issa "
        "el-khoury abboud".split(),
    ),
    "greek": (
        "nikos georgios dimitri eleni maria kostas yiannis sophia anastasia christos panagiotis "
        "despina vasiliki stavros katerina angelo theo spiro voula".split(),
        "papadopoulos nikolaidis georgiou konstantinidis pappas dimitriou christodoulou "
        "karagiannis vlahos economou alexopoulos theodorou kyriakou angelopoulos michaelides "
        "tsakalos manolis stamatis".split(),
    ),
    "indian": (
        "priya raj arjun ananya rohan sanjay deepa vikram sunita amit neha rahul kavya harpreet "
        "gurpreet manpreet aditya shreya ishaan lakshmi ravi anjali pooja suresh".split(),
        "sharma patel singh kumar gupta reddy iyer nair menon rao das chatterjee mukherjee joshi "
        "desai mehta shah kapoor malhotra bhatt pillai krishnan subramanian venkatesh naidu gill "
        "sandhu dhillon grewal".split(),
    ),
    "pacific_maori": (
        "sione mele losana tevita malia viliami semisi lupe toa sefa leilani kalolaine tavita "
        "siosaia aroha tane wiremu manaia hemi ngaio mere rawiri".split(),
        "tuilagi faleolo taufa fonua vaipulu tupou leota salave'a fifita mataafa lolohea havili "
        "naufahu latu moala pele ngata parata tawhiri te rangi".split(),
    ),
    "aboriginal_au": (
        "jarrah kirra jedda yindi marlee alinta lowanna kaiya bindi jiemba tarni mirri "
        "kalinda warrick".split(),
        "mundine goodes thorpe yunupingu marika wunungmurra namatjira djerrkura bropho coulthard "
        "briggs bellear mabo nona lingiari roach wanganeen rioli narkle kickett winmar ugle "
        "bamblett hayes".split(),
    ),
    "filipino": (
        "maricel jose rodel jocelyn marites rommel jomar princess angelica".split(),
        "santos reyes cruz bautista dela cruz garcia mendoza villanueva ramos aquino "
        "delos santos".split(),
    ),
    "african": (
        "chidi emeka ngozi adebayo oluwaseun tunde amara kwame kofi ama abebe tesfaye wanjiru otieno "
        "mwangi nia zawadi thabo sipho lerato ayodele chiamaka ifeoma obinna yaw".split(),
        "okafor okonkwo adeyemi mensah owusu boateng abebe tesfaye kamau otieno mwangi ndlovu dlamini "
        "nkosi okoro eze nwosu balogun oyelaran achebe diallo traore kone".split(),
    ),
    "slavic_balkan": (
        "nikolai dmitri olga svetlana ivan natasha sergei anya milan dragan jelena ana marija goran "
        "zoran vesna katarina bogdan mirela tomasz agnieszka piotr".split(),
        "petrov ivanov sokolov kuznetsov popov volkov jovanovic petrovic nikolic horvat kovacevic "
        "kowalski nowak wisniewski zielinski babic markovic novak dimitrov stojanovic".split(),
    ),
    "irish_scots_dutch": (
        "siobhan niamh aoife ciaran declan eoin saoirse fergus oisin".split(),
        "o'sullivan o'brien o'connor o'neill o'donnell o'keefe mcdonald mcarthur macleod mcgrath "
        "van der berg van dijk de jong van den heuvel de silva da costa di stefano de luca "
        "mckenzie o'reilly".split(),
    ),
}

# Names that are also everyday words: positives as names, negatives in FILLER sentences.
WORD_NAMES_FIRST = (
    "may grace hope bill rose mark will jack ruby summer dawn hunter faith joy april june "
    "august sky river storm autumn ivy jasmine daisy holly amber crystal pearl frank sandy "
    "penny chase lance gene rusty brook sunny miles drew grant dean glen wade cliff heath "
    "rocky destiny harmony melody honey cherry ginger violet iris hazel jay robin rob "
    "pat sue ray art don nick drew charity patience joy"
).split()
WORD_NAMES_LAST = (
    "cook baker king young long white brown green black wood hill fox bird may rich bell "
    "little strong love sweet price bush ward hall stone rose mason carpenter fisher shepherd "
    "knight bishop wise hunter brook summers winter march lamb nash gray moon field"
).split()

# Australian suburbs, towns and cities (lowercase; cased by _title).
SUBURBS = """
parramatta blacktown penrith liverpool campbelltown bankstown hurstville kogarah rockdale
brighton le sands cronulla sutherland miranda caringbah engadine chatswood hornsby castle hill
baulkham hills rouse hill kellyville bella vista epping ryde eastwood marrickville newtown
leichhardt annandale glebe surry hills redfern waterloo mascot bondi bondi junction coogee
randwick maroubra manly dee why mona vale brookvale frenchs forest pymble gordon wahroonga
strathfield burwood ashfield five dock concord auburn lidcombe granville merrylands fairfield
cabramatta bonnyrigg wetherill park smithfield mount druitt rooty hill st marys emu plains
richmond windsor katoomba blackheath springwood gosford terrigal woy woy the entrance wyong
newcastle maitland cessnock charlestown merewether lake macquarie wollongong shellharbour
kiama nowra ulladulla batemans bay goulburn bowral mittagong orange bathurst dubbo tamworth
armidale lismore ballina byron bay tweed heads coffs harbour port macquarie taree forster
wagga wagga albury griffith broken hill queanbeyan canberra belconnen tuggeranong gungahlin
woden civic braddon kingston melbourne carlton fitzroy collingwood richmond south yarra
prahran st kilda brunswick coburg preston reservoir thornbury northcote footscray sunshine
werribee point cook hoppers crossing williamstown altona essendon moonee ponds pascoe vale
broadmeadows craigieburn epping glenroy box hill kew hawthorn camberwell balwyn doncaster
ringwood croydon lilydale frankston dandenong springvale clayton glen waverley mount waverley
oakleigh caulfield elsternwick brighton sandringham cheltenham mentone mordialloc chelsea
carrum downs cranbourne berwick narre warren pakenham geelong torquay ballarat bendigo shepparton
mildura warrnambool traralgon sale wodonga brisbane fortitude valley new farm paddington
toowong indooroopilly kenmore chermside aspley carindale wynnum sunnybank springwood logan
beenleigh ipswich redcliffe caboolture strathpine north lakes gold coast surfers paradise
southport broadbeach robina burleigh heads coolangatta nerang sunshine coast maroochydore
mooloolaba caloundra noosa nambour toowoomba rockhampton mackay townsville cairns bundaberg
hervey bay gladstone mount isa emerald perth fremantle subiaco joondalup scarborough cottesloe
claremont midland armadale rockingham mandurah cannington morley balcatta wanneroo baldivis
bunbury busselton albany geraldton kalgoorlie broome karratha port hedland adelaide glenelg
norwood unley prospect salisbury elizabeth modbury tea tree gully marion morphett vale
noarlunga mount barker gawler whyalla port augusta port lincoln mount gambier murray bridge
hobart sandy bay glenorchy kingston launceston devonport burnie darwin palmerston casuarina
nightcliff katherine alice springs tennant creek woolloomooloo wollstonecraft toongabbie
wentworthville girraween seven hills quakers hill schofields marsden park oran park
gregory hills leppington harrington park narellan camden picton thirroul bulli dapto
warrawong corrimal mosman neutral bay cremorne crows nest lane cove artarmon willoughby
erskineville alexandria zetland rosebery kensington kingsford matraville botany arncliffe
bexley carlton penshurst mortdale oatley lugarno padstow revesby panania east hills
moorebank casula prestons edmondson park ingleburn minto leumeah macquarie fields
""".split("\n")
SUBURBS = sorted({s.strip() for line in SUBURBS for s in re.split(r"\s{2,}|\t", line) if s.strip()})
# The block above is space separated; split it into known multi-word names properly.
_MULTI = [
    "brighton le sands", "castle hill", "baulkham hills", "rouse hill", "bella vista", "surry hills",
    "bondi junction", "dee why", "mona vale", "frenchs forest", "five dock", "wetherill park",
    "mount druitt", "rooty hill", "st marys", "emu plains", "woy woy", "the entrance",
    "lake macquarie", "batemans bay", "byron bay", "tweed heads", "coffs harbour", "port macquarie",
    "wagga wagga", "broken hill", "south yarra", "st kilda", "point cook", "hoppers crossing",
    "moonee ponds", "pascoe vale", "box hill", "glen waverley", "mount waverley", "carrum downs",
    "narre warren", "fortitude valley", "new farm", "north lakes", "gold coast", "surfers paradise",
    "burleigh heads", "sunshine coast", "hervey bay", "mount isa", "port hedland", "tea tree gully",
    "morphett vale", "mount barker", "port augusta", "port lincoln", "mount gambier",
    "murray bridge", "sandy bay", "alice springs", "tennant creek", "seven hills", "quakers hill",
    "marsden park", "oran park", "gregory hills", "harrington park", "neutral bay", "crows nest",
    "lane cove", "east hills", "edmondson park", "macquarie fields", "blue mountains",
    "hills district", "inner west", "northern beaches",
]


def _split_suburbs(block: list[str]) -> list[str]:
    words = " ".join(block).split()
    out: list[str] = []
    i = 0
    multi = sorted((m.split() for m in _MULTI), key=len, reverse=True)
    while i < len(words):
        for m in multi:
            if words[i:i + len(m)] == m:
                out.append(" ".join(m))
                i += len(m)
                break
        else:
            out.append(words[i])
            i += 1
    return sorted(set(out))


SUBURBS = _split_suburbs(SUBURBS)
CITIES = ("sydney melbourne brisbane perth adelaide hobart darwin canberra newcastle wollongong "
          "geelong townsville cairns toowoomba ballarat bendigo launceston").split()
OVERSEAS = ("auckland wellington christchurch london manchester dublin manila mumbai delhi "
            "ho chi minh city hanoi shanghai beijing hong kong singapore kuala lumpur bali "
            "fiji suva apia nuku'alofa athens beirut").split()
OVERSEAS = ["auckland", "wellington", "christchurch", "london", "manchester", "dublin", "manila",
            "mumbai", "delhi", "ho chi minh city", "hanoi", "shanghai", "hong kong", "singapore",
            "kuala lumpur", "bali", "suva", "apia", "athens", "beirut", "chennai", "auckland"]
STATES = [("nsw", "NSW", "new south wales"), ("vic", "VIC", "victoria"), ("qld", "QLD", "queensland"),
          ("wa", "WA", "western australia"), ("sa", "SA", "south australia"), ("tas", "TAS", "tasmania"),
          ("act", "ACT", "a c t"), ("nt", "NT", "northern territory")]

STREET_NAMES = """railway station victoria king george queen church high main park pacific beach bay
william elizabeth pitt oxford parramatta military old northern great western princes hume
anzac marine ocean river lake hill forest bridge mill school market smith wattle banksia
acacia jacaranda waratah gum tree boronia eucalyptus bottlebrush lilly pilly grevillea
kurrajong bellevue fairview summit ridge valley harbour cliff esplanade botany canterbury
stoney creek forest king georges blaxland macquarie lachlan hunter darling murray flinders
collins bourke swanston chapel glenferrie burke toorak sydney brunswick johnston gertrude
smith lygon nicholson hoddle punt commercial stirling hay murray wellington rundle
grote gouger henley unley anzac hindley james charles albert edward alfred arthur frederick
nelson wellington wolseley cambridge oxford york windsor regent crown liverpool bathurst
goulburn campbell marion cook banks phillip hunter bligh bent spring macleay
cowper belmore bayview seaview hilltop orchard vineyard tallow ironbark stringybark paperbark
kookaburra lorikeet magpie currawong rosella wombat koala echidna platypus brolga jabiru
coolabah mulga spinifex illawarra warrigal boundary saleyards showground quarry dairy
creek gully ridgeway panorama sunnyside greenhill bellbird whipbird lyrebird wirraway
olive lemon fig mango macadamia pine cedar oak elm ash maple birch willow poplar
kent essex surrey devon cornwall norfolk suffolk dorset glebe point pennant hills
""".split() + ["old northern", "great north", "old gympie", "bells line of", "the strand", "great eastern",
              "old pacific", "kings", "mount", "grand", "new england", "old south head", "lower", "upper"]
STREET_TYPES = [("street", "Street", "St"), ("road", "Road", "Rd"), ("avenue", "Avenue", "Ave"),
                ("parade", "Parade", "Pde"), ("drive", "Drive", "Dr"), ("crescent", "Crescent", "Cres"),
                ("court", "Court", "Ct"), ("place", "Place", "Pl"), ("lane", "Lane", "Ln"),
                ("close", "Close", "Cl"), ("way", "Way", "Way"), ("terrace", "Terrace", "Tce"),
                ("highway", "Highway", "Hwy"), ("boulevard", "Boulevard", "Blvd"),
                ("circuit", "Circuit", "Cct"), ("grove", "Grove", "Gr"), ("esplanade", "Esplanade", "Esp"),
                ("square", "Square", "Sq"), ("rise", "Rise", "Rise"), ("track", "Track", "Trk")]

# ---------------------------------------------------------------------------------------------
# Health vocabulary. Each entry is a phrase as a person would say it about themselves.
# ---------------------------------------------------------------------------------------------

COND_BARE = """type two diabetes|diabetes|type one diabetes|asthma|high blood pressure|hypertension|
arthritis|osteoarthritis|rheumatoid arthritis|gout|sciatica|epilepsy|migraines|chronic fatigue|
fibromyalgia|endometriosis|pcos|coeliac disease|crohn's disease|ibs|hypothyroidism|
atrial fibrillation|heart failure|angina|copd|emphysema|bronchitis|pneumonia|covid|long covid|
glaucoma|cataracts|macular degeneration|tinnitus|hearing loss|dementia|alzheimer's|parkinson's|
multiple sclerosis|ms|cerebral palsy|autism|adhd|dyslexia|down syndrome|depression|anxiety|
ptsd|bipolar|bipolar disorder|schizophrenia|ocd|anorexia|insomnia|sleep apnoea|cancer|
breast cancer|prostate cancer|bowel cancer|skin cancer|melanoma|leukaemia|lymphoma|
kidney disease|kidney stones|gallstones|hepatitis c|hiv|shingles|eczema|psoriasis|acne|rosacea|
plantar fasciitis|tennis elbow|whiplash|concussion|varicose veins|anaemia|low iron|
high cholesterol|osteoporosis|gum disease|gingivitis|vertigo|lupus|cystic fibrosis|hay fever|
allergies|a peanut allergy|dermatitis|tonsillitis|conjunctivitis|gastro|reflux|
diverticulitis|haemorrhoids|incontinence|erectile dysfunction|infertility|menopause|
postnatal depression|morning sickness|gestational diabetes|pre-eclampsia|bursitis|tendonitis|
scoliosis|spina bifida|motor neurone disease|mnd|a heart condition|a bad back|a crook back|
a dodgy knee|a bad hip|a heart murmur|an irregular heartbeat|a thyroid problem|a stomach ulcer|
a slipped disc|a herniated disc|a bulging disc|a frozen shoulder|a rotator cuff tear|
an acl tear|a torn meniscus|a stress fracture|a hernia|a blood clot|dvt|a bunion|
an ingrown toenail|a dental abscess|an abscess|a cracked tooth|tmj|bruxism|a stroke|
a heart attack|a chest infection|an ear infection|a uti|a kidney infection|a sinus infection|
food poisoning|a learning disability|an intellectual disability|a brain injury|
an acquired brain injury|a spinal cord injury|chronic pain|chronic back pain|an eating disorder|
bulimia|a drinking problem|an alcohol addiction|a gambling addiction|postnatal anxiety|
social anxiety|panic disorder|borderline personality disorder|a mental illness|
an autoimmune disease|hashimoto's|graves disease|a fatty liver|cirrhosis|pancreatitis|
sleep apnea|restless legs|narcolepsy|tourette's|a speech delay|global developmental delay|
a vision impairment|colour blindness|a lazy eye|keratoconus|a detached retina""".replace("\n", "").split("|")

SYMPTOMS = """a really bad toothache|a toothache|chest pain|chest pains|shortness of breath|back pain|
lower back pain|a sore back|a sore neck|a stiff neck|knee pain|a sore knee|headaches|bad headaches|
dizziness|dizzy spells|nausea|vomiting|a fever|a high temperature|a rash|a swollen ankle|
swelling in my ankle|a persistent cough|a cough that won't go away|blurry vision|
numbness in my hand|pins and needles|heart palpitations|palpitations|a lump in my breast|
a lump on my neck|blood in my urine|bleeding gums|a sensitive tooth|jaw pain|hip pain|
shoulder pain|a migraine|fatigue|night sweats|unexplained weight loss|ringing in my ears|
a swollen gland|a sore throat|diarrhoea|constipation|heel pain|sore feet|cramps|panic attacks|
trouble sleeping|memory loss|hot flushes|shin splints|a sore wrist|wrist pain|elbow pain|
neck pain|a pinched nerve|a chipped tooth|a broken tooth|a loose tooth|a wobbly tooth|
a swollen face|a swollen jaw|an infected tooth|toothache|a throbbing tooth|a sore gum|
tightness in my chest|a burning feeling when i pee|stomach pain|a sore stomach|bloating|
blurred vision|floaters in my eye|an itchy rash|hives|a mole that's changed|joint pain|
muscle spasms|a locked jaw|ear pain|an earache|loss of hearing|a blocked ear|
trouble breathing|a wheeze|fainting|a seizure|seizures|tremors|mood swings|
suicidal thoughts|flashbacks|low mood|brain fog""".replace("\n", "").split("|")

MEDS = """metformin|insulin|ventolin|salbutamol|symbicort|seretide|atorvastatin|lipitor|crestor|
rosuvastatin|amlodipine|ramipril|perindopril|coversyl|irbesartan|avapro|warfarin|apixaban|
eliquis|xarelto|rivaroxaban|cardiprin|clopidogrel|plavix|thyroxine|oroxine|levothyroxine|
prednisone|panadeine forte|endone|oxycodone|tramadol|lyrica|pregabalin|endep|amitriptyline|
sertraline|zoloft|lexapro|escitalopram|fluoxetine|prozac|effexor|venlafaxine|pristiq|
mirtazapine|seroquel|quetiapine|lithium|epilim|sodium valproate|keppra|ritalin|vyvanse|
concerta|dexamphetamine|valium|diazepam|temazepam|stilnox|antibiotics|amoxicillin|augmentin|
keflex|cephalexin|doxycycline|nexium|somac|pantoprazole|esomeprazole|losec|ozempic|
semaglutide|mounjaro|jardiance|forxiga|trulicity|diabex|the pill|the contraceptive pill|mirena|
implanon|hrt|methotrexate|humira|chemo|chemotherapy|radiotherapy|an epipen|blood thinners|
antidepressants|sleeping pills|fosamax|prolia|mobic|meloxicam|celebrex|codeine|suboxone|
methadone|champix|roaccutane|targin|palexia|norspan patches|fentanyl patches|lasix|frusemide|
spironolactone|metoprolol|atenolol|bisoprolol|digoxin|entresto|nitro spray|anginine|
allopurinol|colchicine|spiriva|flixotide|qvar|montelukast|singulair|cortisone|
hydrocortisone cream|steroid cream|dupixent|biktarvy|prep|naltrexone|antabuse|
pain killers|strong pain killers|morphine|valaciclovir|valtrex|clomid|progesterone|
duromine|xenical|saxenda|ibuprofen|nurofen|panadol|voltaren|paracetamol|blood pressure tablets|
beta blockers|heart tablets|fluid tablets|thyroid tablets|my puffer|a preventer|cholesterol tablets|
diabetes medication|sleeping tablets|anti-inflammatories|strong painkillers|an antibiotic cream|
insulin injections|blood thinning medication|antipsychotics|mood stabilisers|adhd medication|
panadol osteo|nurofen plus|ventolin puffer|seretide puffer|dexamethasone|tamoxifen|letrozole|
herceptin|keytruda|enbrel|stelara|xolair|nucala|botox injections for migraines""".replace("\n", "").split("|")
# Over-the-counter products a shop simply "stocks" are negatives in the business context.
OTC = ["panadol", "nurofen", "voltaren gel", "ventolin", "sunscreen", "vitamins", "fish oil",
       "band-aids", "hand sanitiser", "cold and flu tablets", "claratyne", "telfast", "strepsils",
       "gaviscon", "blackmores", "swisse vitamins", "hydralyte", "rapid antigen tests"]

PROCEDURES = """a knee replacement|a hip replacement|a root canal|my wisdom teeth out|
wisdom teeth removal|an extraction|a tooth extraction|a crown|dental implants|an implant|
a colonoscopy|an endoscopy|a gastroscopy|a biopsy|a mastectomy|a hysterectomy|a c-section|
a caesarean|ivf|a vasectomy|an appendectomy|my appendix out|gallbladder surgery|
my gallbladder out|back surgery|a spinal fusion|a knee arthroscopy|an acl reconstruction|
shoulder surgery|a shoulder reconstruction|cataract surgery|laser eye surgery|
heart bypass surgery|a triple bypass|a stent|a pacemaker|dialysis|a mole removed|
a carpal tunnel release|a tonsillectomy|my tonsils out|bariatric surgery|a gastric sleeve|
a lap band|a bunion operation|foot surgery|a skin graft|stitches|a cortisone injection|
a nerve block|an epidural|physio for my knee|hydrotherapy|rehab|a hip operation|
open heart surgery|a lumpectomy|a joint replacement|a bone marrow transplant|
a kidney transplant|an angiogram|a cardiac ablation|grommets|an abortion|a termination|
a d and c|radiation therapy|an infusion|iron infusions|a blood transfusion|
a prostate biopsy|a breast reconstruction|a hernia repair|a fusion in my neck|braces|dentures|
a denture reline|a filling for a cavity|gum surgery|a bone graft|a sinus lift|a dental crown|
my gallbladder removed|wisdom teeth removed|a knee reconstruction|a rotator cuff repair|
a hip arthroscopy|an mri guided biopsy|a pap smear follow up|a colposcopy|a cystoscopy|
a skin cancer removed|a melanoma excision|radiation|immunotherapy|a stem cell transplant""".replace("\n", "").split("|")
LAY_HEALTH = """done my back in|put my back out|snore heaps|can't sleep|bleeds a lot|my knee's been playing up|
my sugar levels are high|my blood pressure's up|feeling really low|a bit of a cold|a stomach bug|
a crook stomach|my heart's been racing|can't keep food down|a gammy leg|a bung knee|a wonky hip|
my back's stuffed|my eyesight's going|losing my hearing|gone deaf in one ear|short of breath|
coughing up blood|passing out|fell and hit my head|broke my wrist|tore my hamstring|rolled my ankle|
cracked a rib|chipped my tooth|knocked my tooth out|pulled a muscle|jarred my neck|hurt my back lifting|
my gums bleed|a tooth is killing me|my jaw clicks|grinding my teeth|wetting the bed|my memory's going|
hearing voices|not coping|having a hard time mentally|my anxiety's been bad|my depression's come back|
having dark thoughts|drinking too much|off the grog|clean for six months""".replace("\n", "").split("|")

TESTS = """an mri|an mri on my back|an mri on my knee|a ct scan|a ct of my head|an x-ray|
an x-ray on my wrist|an ultrasound|a pelvic ultrasound|a blood test|blood tests|an ecg|
a stress echo|an echo|a sleep study|a mammogram|a pregnancy test|a glucose tolerance test|
a bone density scan|a holter monitor|a heart monitor|a nerve conduction study|
a lung function test|a hearing test for my hearing loss|a scan on my shoulder|a pet scan|
a liver function test|a psa test|an hba1c|an allergy test|a skin prick test|a covid test|
a strep test|a urine test|a spirometry test|an eeg|a dexa scan|a biopsy result|
a cardiac ct|an angiogram|a colonoscopy result|a sperm test|a genetic test for brca|
an iron study|a thyroid test""".replace("\n", "").split("|")

DISABILITY = """a wheelchair|a guide dog|a hearing aid|hearing aids|a walking frame|a walker|
crutches|a prosthetic leg|a prosthetic arm|a cochlear implant|a mobility scooter|a colostomy bag|
a stoma|a feeding tube|oxygen at home|a cpap machine|a cpap|a moon boot|a cast on my arm|
a back brace|a neck brace|a walking stick|an assistance dog|a power chair|a catheter|
an insulin pump|a glucose monitor|a libre sensor|a pacemaker|an intellectual disability|
an amputation|a below knee amputation|a vision impairment|a hearing impairment|
a physical disability|a disability""".replace("\n", "").split("|")
DIS_ADJ = """paraplegic|quadriplegic|blind|legally blind|deaf|hard of hearing|vision impaired|
non verbal|nonverbal|autistic|dyslexic|on the spectrum|epileptic|diabetic|asthmatic|
immunocompromised|in a wheelchair|wheelchair bound|housebound|bed bound|hearing impaired|
partially sighted|deaf in one ear|an amputee|a type one diabetic|a recovering alcoholic""".replace("\n", "").split("|")

PREGNANCY = """pregnant|twenty weeks pregnant|thirty two weeks pregnant|six months pregnant|
eight weeks pregnant|expecting|expecting twins|a miscarriage|a stillbirth|breastfeeding|
going through ivf|a high risk pregnancy|morning sickness|gestational diabetes|pre-eclampsia|
a threatened miscarriage|an ectopic pregnancy""".replace("\n", "").split("|")

INJURIES = """a broken arm|a broken leg|a broken wrist|a fractured ankle|a fractured wrist|
a torn hamstring|a hamstring strain|a dislocated shoulder|a burn on my hand|a dog bite|
a cut that needs stitches|a knocked out tooth|a back injury|a work injury|a workplace injury|
a rolled ankle|a sprained ankle|a pulled muscle|a torn calf|a broken collarbone|
a fractured rib|broken ribs|a head injury|a neck injury|a knee injury|a shoulder injury|
a torn achilles|a ruptured achilles|a crush injury|a fractured hip|a broken hip|
a bulging disc|a broken nose|a black eye|a deep cut|a snake bite|a spider bite|
a broken finger|a broken toe|burns|a sports injury|a groin strain|a corked thigh""".replace("\n", "").split("|")

MENTAL = """depression|anxiety|ptsd|bipolar|panic attacks|an eating disorder|postnatal depression|
adhd|ocd|schizophrenia|a breakdown|a nervous breakdown|burnout|severe anxiety|suicidal thoughts|
self harm|an addiction|a gambling problem|a drug problem|grief counselling|psychosis|
a panic disorder|agoraphobia|insomnia|a mental health plan|counselling for my anxiety|
a mental health condition|complex ptsd|trauma""".replace("\n", "").split("|")

BODY = ("back knee hip shoulder neck wrist ankle foot elbow jaw tooth teeth eye ear chest stomach "
        "hand heel leg arm head lower back").split()

RELATIONS = ("husband wife son daughter mum mother dad father partner brother sister grandmother "
             "grandfather nan pop uncle aunty aunt boyfriend girlfriend mate friend neighbour "
             "flatmate boss colleague cousin nephew niece stepson stepdaughter fiance fiancee "
             "carer client tenant landlord").split()

TITLES_PERSON = ["dr", "doctor", "mr", "mrs", "ms", "miss", "professor", "nurse", "father", "sister"]

NATO = {c: w for c, w in zip("abcdefghijklmnopqrstuvwxyz", (
    "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november "
    "oscar papa quebec romeo sierra tango uniform victor whiskey x-ray yankee zulu").split())}
NATO_ALT = {"a": "apple", "b": "boy", "c": "cat", "d": "dog", "e": "elephant", "f": "frank",
            "g": "george", "h": "harry", "i": "ice", "j": "john", "k": "king", "l": "london",
            "m": "mary", "n": "nancy", "o": "orange", "p": "peter", "r": "robert", "s": "sugar",
            "t": "tom", "u": "umbrella", "v": "victor", "w": "william", "y": "yellow"}

# ---------------------------------------------------------------------------------------------
# Industries: business names (unlabelled) and what callers/agents say about the service.
# ---------------------------------------------------------------------------------------------

INDUSTRIES: dict[str, dict[str, list[str]]] = {
    "dental": {
        "biz": ["{SUB} Dental", "Bright Smiles Dental", "{SUR} Family Dental", "Smile Studio", "Harbour Dental Care",
                "Pearl Dental Group", "{STN} Street Dental", "Kids Teeth {SUB}", "Dr {SUR} and Associates"],
        "svc": ["I need to book a check-up and clean.", "Do you do payment plans for crowns?",
                "We do have an emergency slot this afternoon.", "We're a dental clinic, we don't do x-rays on site for that.",
                "Is it a gap-free check-up with my health fund?", "Our hygienist is in on Tuesdays and Thursdays.",
                "How much is a scale and clean?", "Can I get a quote for whitening?"],
    },
    "physio": {
        "biz": ["{SUB} Physio", "{SUB} Sports Physiotherapy", "Active Motion Physio", "Peak Performance Physio",
                "{SUR} Physiotherapy", "Core Balance Pilates and Physio", "{SUB} Osteopathy", "Back in Line Chiro"],
        "svc": ["Initial consults are sixty minutes.", "Do I need a referral?", "We treat a lot of sports injuries here.",
                "Wear something comfy like shorts.", "We have a clinical pilates class on Saturdays.",
                "We're an allied health clinic so most funds cover some of it."],
    },
    "gp": {
        "biz": ["{SUB} Medical Centre", "{SUB} Family Practice", "{STN} Street Medical", "Healthwise GP",
                "{SUR} Medical Group", "{SUB} Superclinic", "Bayside Doctors"],
        "svc": ["We're a bulk billing clinic for concession card holders.", "Do you have any telehealth appointments?",
                "The doctor is running about twenty minutes late.", "We do flu shots on Wednesdays.",
                "Is it a long consult or a standard one?", "I just need a repeat script.",
                "We're a general practice, we don't do specialist referrals over the phone."],
    },
    "pharmacy": {
        "biz": ["{SUB} Pharmacy", "{SUR}'s Chemist", "Priceline {SUB}", "Chemist Warehouse {SUB}",
                "{SUB} Compounding Pharmacy", "Amcal {SUB}"],
        "svc": ["We stock {OTC} and {OTC}.", "Yes we carry {OTC}, aisle three.", "We're open till nine on Thursdays.",
                "Is your script ready for pick up?", "We can do a home delivery for over fifty dollars.",
                "Do you have any {OTC} in stock?"],
    },
    "psych": {
        "biz": ["{SUB} Psychology", "Mindful Health Psychology", "Clear Path Counselling", "{SUR} Psychology Group"],
        "svc": ["Do you have a mental health care plan from your GP?", "Sessions are fifty minutes.",
                "We have a cancellation fee within forty eight hours.", "We're a psychology practice with six clinicians."],
    },
    "plumbing": {
        "biz": ["{SUR} & Sons Plumbing", "{SUR} Plumbing", "Blue Tap Plumbing", "{SUB} Plumbing and Gas",
                "Rapid Drains", "{FIRST}'s Plumbing", "A1 Hot Water"],
        "svc": ["My hot water system's not working.", "There's water coming through the ceiling.",
                "We charge a call-out fee of {PRICE}.", "The blocked drain's in the laundry.",
                "Our tradie can be there between {TIME} and {TIME}.", "Is the gas meter outside?"],
    },
    "electrical": {
        "biz": ["{SUR} Electrical", "Bright Spark Electrical", "{SUB} Electrics", "Volt Masters", "{FIRST}'s Sparky Services"],
        "svc": ["Half the power's out in the house.", "I need a safety switch installed.", "Can you quote on downlights?",
                "Our electrician will call you thirty minutes before.", "The smoke alarms keep beeping."],
    },
    "real_estate": {
        "biz": ["Ray White {SUB}", "LJ Hooker {SUB}", "{SUR} Real Estate", "{SUB} Property Group", "McGrath {SUB}",
                "Belle Property {SUB}", "{SUR} & Co Realty"],
        "svc": ["I'm calling about the inspection on Saturday.", "Is the two bedroom unit still available?",
                "The rent is {PRICE} a week.", "I'd like to put in an application.", "The bond is four weeks rent.",
                "I want to get an appraisal on my place.", "The oven in the rental isn't working."],
    },
    "insurance": {
        "biz": ["NRMA Insurance", "Allianz", "{SUR} Insurance Brokers", "Youi", "Budget Direct", "Medibank", "Bupa",
                "HCF", "nib", "AAMI", "Suncorp"],
        "svc": ["I want to lodge a claim.", "What's my excess on the policy?", "My premium has gone up again.",
                "Is it comprehensive or third party?", "I need to update my policy details.",
                "Does my extras cover include physio?", "We'll need a quote from the repairer."],
    },
    "accounting": {
        "biz": ["{SUR} Accountants", "{SUR} & Partners", "H&R Block {SUB}", "{SUB} Tax and Accounting",
                "Numbers Plus Bookkeeping", "{SUR} {SUR} Chartered Accountants"],
        "svc": ["I need to lodge my tax return.", "Can you help with my BAS?", "We charge {PRICE} for a basic return.",
                "Do I need receipts for work expenses?", "I got a letter from the ATO.", "I'm a sole trader."],
    },
    "gym": {
        "biz": ["Anytime Fitness {SUB}", "{SUB} Fitness", "Snap Fitness", "Iron Temple Gym", "{SUB} Boxing",
                "F45 {SUB}", "{SUR}'s Gym", "Jetts {SUB}"],
        "svc": ["I want to cancel my membership.", "Can I freeze my membership for a month?",
                "Our classes start at {TIME}.", "It's {PRICE} a fortnight.", "Do you have a personal trainer free?",
                "Is there a joining fee?"],
    },
    "vet": {
        "biz": ["{SUB} Vet", "{SUB} Veterinary Hospital", "Paws and Claws Vet", "Greencross Vets {SUB}",
                "{SUR} Animal Clinic"],
        "svc": ["My dog needs his vaccinations.", "Can I book the cat in for a desex?", "We're a vet clinic, not after hours.",
                "Is he due for his heartworm?", "My puppy ate a sock."],
    },
    "car": {
        "biz": ["{SUB} Toyota", "{SUB} Mazda", "{SUR} Motors", "{SUB} Hyundai", "{FIRST}'s Auto Repairs",
                "Ultra Tune {SUB}", "{SUB} Smash Repairs", "{SUR} Mechanical"],
        "svc": ["I need a logbook service.", "Is the car ready for pick up?", "The check engine light is on.",
                "I'm interested in the used Corolla.", "Can we do a test drive on Saturday?", "The rego is due next month."],
    },
    "funeral": {
        "biz": ["{SUR} Funerals", "{SUB} Funeral Services", "White Lady Funerals", "InvoCare", "{SUR} & Daughters Funerals"],
        "svc": ["I'm calling to arrange a service.", "We can hold it at the chapel.", "Would the family like a viewing?",
                "We'll need the death certificate.", "The service will be on Friday at {TIME}."],
    },
    "solar": {
        "biz": ["{SUB} Solar", "SunPower Solutions", "{SUR} Solar and Batteries", "Bright Energy", "Solar Bros"],
        "svc": ["I want a quote for a six point six kilowatt system.", "Do you do battery installs?",
                "Is there a rebate available?", "The inverter is showing an error.", "We'll need to check the roof."],
    },
    "ndis": {
        "biz": ["{SUB} Support Services", "Ability Plus Care", "{SUR} Disability Services", "Care Connect NDIS",
                "Independent Living Supports"],
        "svc": ["Are you plan managed or self managed?", "We're an NDIS provider.", "I need to update the service agreement.",
                "How many support hours are in the plan?", "The support worker will be there at {TIME}."],
    },
    "legal": {
        "biz": ["{SUR} Lawyers", "{SUR} & {SUR} Solicitors", "{SUB} Legal", "Slater and Gordon", "Maurice Blackburn",
                "{SUR} Family Law"],
        "svc": ["I need advice about a will.", "We do a free first consultation.", "It's about a property settlement.",
                "Our fee is {PRICE} plus GST.", "I'm selling my house and need conveyancing."],
    },
    "telco": {
        "biz": ["Telstra", "Optus", "Vodafone", "TPG", "Aussie Broadband", "Belong", "iiNet"],
        "svc": ["My internet keeps dropping out.", "I want to upgrade my phone plan.", "The nbn box has a red light.",
                "Your bill is {PRICE} this month.", "Can I port my number over?"],
    },
    "removalist": {
        "biz": ["{SUR} Removals", "{SUB} Movers", "Two Blokes and a Truck", "Careful Hands Removalists"],
        "svc": ["We need a truck for a three bedroom house.", "Is it stairs or a lift?", "We charge {PRICE} an hour for two men."],
    },
    "cleaning": {
        "biz": ["{SUB} Cleaning", "Sparkle Clean", "{FIRST}'s Cleaning Services", "Bond Clean Pros"],
        "svc": ["I need an end of lease clean.", "How many bathrooms is it?", "We bring all our own products."],
    },
    "hair": {
        "biz": ["{FIRST}'s Hair Studio", "{SUB} Barbers", "Salon {FIRST}", "The Chop Shop"],
        "svc": ["Can I book a cut and colour?", "Is {FIRST} working on Saturday?", "It's {PRICE} for a men's cut."],
    },
    "tutoring": {
        "biz": ["{SUB} Tutoring", "Kip McGrath {SUB}", "Bright Minds Tutoring", "{SUR} Coaching College"],
        "svc": ["My son needs help with maths.", "Is it one on one or a group?", "We run HSC prep on weekends."],
    },
    "audiology_optom": {
        "biz": ["Specsavers {SUB}", "{SUB} Optometrists", "Hearing Australia {SUB}", "{SUR} Eyecare", "OPSM {SUB}"],
        "svc": ["I'm due for an eye test.", "Do you bulk bill eye tests?", "The frames are {PRICE}.", "We do free hearing checks."],
    },
    "pest": {
        "biz": ["{SUB} Pest Control", "Bug Busters", "{SUR} Termite Services"],
        "svc": ["I've got termites in the deck.", "We do a general spray for {PRICE}.", "Is it safe for the pets?"],
    },
}

# ---------------------------------------------------------------------------------------------
# Turn templates. Slots: {PF} caller first, {PL} caller last, {PN} caller full name, {AG} agent
# first, {TPN}/{TPF} third party full/first, {DRL} doctor surname, {RN}/{RF}/{RL} other people,
# {PSP} spelled form of the caller's last name, {PFSP} spelled first name, {LOC} suburb/town,
# {CITY}, {OVS} overseas place, {ADDR} full address, {ADDRS} number + street only,
# {H} any health phrase, {COND} condition, {SYM} symptom, {MED} medication, {PROC} procedure,
# {TEST} test, {DIS} disability/aid, {PREG} pregnancy, {INJ} injury, {MH} mental health, {BODY},
# {REL} relation. Unlabelled: {BIZ} {TIME} {DAY} {DATE} {PRICE} {PHONE} {EMAIL} {REF} {DOB}
# {STREET} (bare street name) {OTC} {SVC} {NUM} {MONTH} {FILL} (filler sentence).
# A "|" separates turns; a leading "A:" / "C:" says who speaks (default alternates).
# ---------------------------------------------------------------------------------------------

GREET = [
    "A:Thanks for calling {BIZ}, this is {AG}, how can I help?",
    "A:{BIZ}, {AG} speaking.",
    "A:Good morning, {BIZ}, you're speaking with {AG}.",
    "A:Hi, you've reached {BIZ}. My name's {AG}, how can I help you today?",
    "A:{BIZ}, it's {AG}.",
    "A:Good afternoon, {BIZ}, {AG} here.",
    "A:Hello, {BIZ}, this is {AG} speaking, how may I help?",
    "A:Thank you for calling {BIZ}. You're through to {AG}.",
    "A:Hi there, it's {AG} from {BIZ}. Is this {PF}?|C:Yes, speaking.",
    "A:Hi, is that {PN}?|C:Yep, that's me.",
    "A:Hi, I'm calling from {BIZ}, am I speaking with {PF}?|C:Yeah, this is {PF}.",
    "A:Morning, {AG} at {BIZ}.|C:Hi {AG}, it's {PF} here.",
    "A:{BIZ}, good morning.|C:Oh hi, is that {AG}?|A:It is, yes.",
    "A:Thanks for calling {BIZ}, it's {AG} speaking.", "A:{AG} here from {BIZ}, returning your call.",
    "A:Hi, it's {AG}, calling from {BIZ} about your enquiry.", "A:{BIZ}, {AG} and {RF} are on today, how can we help?",
    "A:Hello, {AG} speaking.", "A:Hi, {AG} from the front desk.",
]

CALLER_INTRO = [
    "C:Hi, my name's {PN}.", "C:Hi, it's {PF} here.", "C:Yeah hi, it's {PN}, I'm calling about {SVC}",
    "C:Hello, this is {PN}.", "C:Hi {AG}, {PF} {PL} here.", "C:Oh hi, um, my name is {PF}.",
    "C:Good morning, it's {PF} {PL} calling.", "C:Hi, {PN} speaking, I had a missed call from you.",
    "C:Hey, it's {PF} from {LOC}.", "C:Hi, I'm {PF}, I spoke to {RF} yesterday.",
    "C:Hi there, {PF} here, {PF} {PL}.", "C:It's {PF}, I'm a patient of Dr {DRL}.",
    "C:Hi, I'm ringing on behalf of my {REL}, {TPN}.", "C:Hi, my {REL} {TPF} asked me to call.",
    "C:Hi, I'm calling for {TPN}, I'm {TPF}'s carer.", "C:Yeah g'day, it's {PF}.",
    "C:Hi, {PL}'s the surname, first name {PF}.", "C:Hi, this is {TITLE} {PL}.",
]

NAME_ASK = [
    "A:Can I grab your full name?", "A:And who am I speaking with?", "A:Can I get your name please?",
    "A:What's the name for the booking?", "A:And your surname?", "A:Can I just confirm your full name?",
    "A:What's your first name?", "A:Could you spell your last name for me?", "A:Is that under your name?",
    "A:And the patient's name?", "A:Who's the policy holder?", "A:Whose name is the account in?",
    "A:And what name is it under?", "A:Sorry, what was your name again?", "A:And the name of the tenant?",
]

NAME_ANS = [
    "C:It's {PN}.", "C:{PN}.", "C:{PF} {PL}.", "C:Yeah, it's {PF}, {PF} {PL}.", "C:My name is {PN}.",
    "C:{PL}, {PSP}.", "C:It's {PF}. Surname {PL}.", "C:{PF}, and the last name is {PL}, {PSP}.",
    "C:Surname's {PL}, that's {PSP}.", "C:First name {PF}, {PFSP}, last name {PL}.",
    "C:It's under {PN}.", "C:It'd be under my {REL}'s name, {TPN}.", "C:Uh, {PF}, {PF} {PL}.",
    "C:It's {PF} {PL}, {PL} with {PSPHINT}.", "C:{PN}, sorry, {PF} {PL}.",
    "C:The patient is my {REL}, {TPN}.", "C:It's {TITLE} {PL}.", "C:Um it's {PF}.", "C:{PF}.",
    "C:It's {PF} but everyone calls me {NICK}.", "C:It's {PN}, I think I'm already in your system.",
    "C:Yep, it's {PL}.", "C:My {REL} {TPF} is the policy holder, {TPN}.",
]

READBACK = [
    "A:Thanks {PF}.", "A:Lovely, thank you {PF}.", "A:So that's {PN}?|C:That's right.",
    "A:Let me just read that back, {PF} {PL}, {PSP}?|C:Yes.", "A:Great, thanks {TITLE} {PL}.",
    "A:Perfect, I've got you here {PF}, at {ADDR}?|C:That's the one.",
    "A:Okay {PF}, and is {PHONE} still the best number?|C:Yes it is.",
    "A:No worries {PF}, we'll see you {DAY} at {TIME}.", "A:All right {PF}, you're booked in with {RF} on {DAY}.",
    "A:Sorry, was that {PL} or {ALTL}?|C:{PL}.", "A:Thanks so much {PF}, have a good one.",
    "A:Okay {PN}, you're all set.", "A:Cheers {PF}, talk soon.", "A:And it's {PF} with a {LETTER}?|C:Yep.",
]

THIRD_PARTY = [
    "C:My {REL} {TPF} is coming in with me.", "C:Can I speak to {RF}?|A:Sorry, {RF}'s not in today.",
    "A:You'll be seeing Dr {DRL}.", "C:I was referred by Dr {DRN}.", "C:Is Dr {DRL} working on {DAY}?",
    "A:{RF} will give you a call back this afternoon.", "C:I spoke with {RF} last week about it.",
    "C:My {REL}'s name is {TPN}, he's on the account too.", "C:Can you put {TPF} on as a second contact?",
    "A:I'll transfer you to {RF} in accounts.", "C:{TPF} said you'd have the paperwork ready.",
    "C:It's for my {REL}, {TPF}, she's seven.", "A:Is {TPF} the main driver?|C:Yeah, {TPF} drives it mostly.",
    "C:The previous tenant was a {RN}, I think.", "A:I've got a note here from {RN}.",
    "C:Mr {RL} next door recommended you.", "C:My accountant, {RN}, said to call.",
    "C:Our agent is {RN} from {BIZ}.", "C:Could you email it to my {REL} {TPF} as well?",
    "A:Your case manager is {RN}.", "C:{RF} and {RF2} both work there.",
    "C:I'm the executor, it's for my late {REL}, {TPN}.", "A:Is this {RF}'s phone?",
    "C:Tell {TPF} I said hi.", "A:Dr {DRL} has asked to see you again.",
    "C:I'm {TPF}'s mum.", "A:Is this {TPF}'s first visit?", "C:It's a booking for {TPN}.", "C:The appointment's for {TPF}.",
    "C:Me and {TPF} will both be there.", "C:It's {TPF} and {RF}, two adults.", "A:{RF} here, I'm covering for {RF2} today.",
    "C:Could I speak with {TITLE} {RL} please?", "A:{TITLE} {RL} is with a client.", "C:{TPF}'s dad will drop him off.",
    "A:I'm just going to pass you to my colleague {RF}.", "C:{RF} at reception said to ring back.",
    "C:Sorry, I'm his {REL}, {TPF}, I should have said.", "A:Was it {RF} or {RF2} you spoke to?|C:{RF}, I think.",
    "C:The account's in my {REL}'s name, {TPN}, but I'm authorised.", "A:Can I speak with {TPF} directly?",
    "C:I'm calling about my {REL} {TPF}'s appointment.", "A:Dr {DRN} is away, you'll see Dr {RL}.",
]

LOCATION_T = [
    "C:I'm in {LOC}.", "C:I'm out at {LOC}.", "C:I'm coming from {LOC}.", "C:I live in {LOC}.",
    "C:We're based in {LOC}.", "A:What suburb are you in?|C:{LOC}.", "A:And which suburb is that?|C:It's {LOC}.",
    "C:Do you come out to {LOC}?", "C:I just moved from {LOC} to {LOC2}.", "C:I'm staying with my {REL} in {LOC}.",
    "C:I work in {LOC} so somewhere near there.", "A:Where are you calling from?|C:{LOC}, near the station.",
    "C:I'm in {LOC}, it's about forty minutes away.", "C:We're up in {LOC} now.", "C:My {REL} lives in {LOC}.",
    "C:I'm driving down from {CITY}.", "C:I grew up in {LOC} but live in {LOC2} now.",
    "C:I'm just visiting from {OVS}.", "C:I'm originally from {OVS}.", "A:So you're in {LOC}?|C:Yep, {LOC}.",
    "C:It's a rental in {LOC}.", "C:The property is in {LOC}.", "C:I'm at work in {LOC} till five.",
    "C:I'll be in {CITY} next week.", "C:We're out past {LOC}, near {LOC2}.",
    "A:Is that {LOC} in {STATE}?|C:Yes.", "C:I moved to {LOC} last year.",
]

ADDRESS_T = [
    "A:What's the address?|C:It's {ADDR}.", "C:The address is {ADDR}.", "C:I'm at {ADDR}.",
    "A:And your residential address?|C:{ADDR}.", "C:Send it to {ADDR}.", "C:The property's at {ADDR}.",
    "A:Where's the job?|C:{ADDR}.", "C:We live at {ADDR}.", "C:It's {ADDR}, the one with the green fence.",
    "A:Can I confirm your postal address?|C:Yeah, {ADDR}.", "A:So that's {ADDR}?|C:That's right.",
    "C:I've moved, the new address is {ADDR}.", "C:The inspection is at {ADDR}.",
    "C:Pick up from {ADDR} and drop off at {ADDR2}.", "A:I've got you at {ADDR}, is that still correct?|C:Yep.",
    "C:Um, {ADDR}.", "C:My mum's place, {ADDR}.", "C:It's {ADDR}, near the shops.",
    "C:{ADDRS}, that's in {LOC}.", "A:What's the street address?|C:{ADDRS}.",
]

HEALTH_T = [
    "C:I've got {COND}.", "C:I was diagnosed with {COND} last year.", "C:I have {COND}, is that a problem?",
    "C:My {REL} has {COND}.", "C:She's got {COND}.", "C:He suffers from {COND}.", "C:I've been dealing with {COND} for years.",
    "C:I've had {SYM} for about a week.", "C:I've got {SYM} and it's getting worse.", "C:Yeah, I'm having {SYM}.",
    "C:It started with {SYM}, then {SYM2}.", "C:My {REL} has had {SYM} since {DAY}.", "C:I woke up with {SYM}.",
    "C:I'm on {MED}.", "C:I take {MED} every morning.", "C:I'm on {MED} for my {COND_BARE}.",
    "A:Are you on any medications?|C:Just {MED} and {MED2}.", "A:Any allergies?|C:I'm allergic to {MED}.",
    "C:The doctor put me on {MED}.", "C:I ran out of my {MED}.", "C:I need a repeat script for {MED}.",
    "C:I had {PROC} in {MONTH}.", "C:I'm booked in for {PROC}.", "C:I need {PROC}.", "C:I'm recovering from {PROC}.",
    "C:My {REL} just had {PROC}.", "C:The specialist said I need {PROC}.",
    "C:I need {TEST}.", "C:The GP sent me for {TEST}.", "C:I'm calling about the results of {TEST}.",
    "C:I had {TEST} on {DAY}.", "A:Have you had {TEST} before?|C:No, never.",
    "C:I use {DIS}.", "C:My {REL} is {DISA}.", "C:I'm {DISA} so I'll need help getting in.",
    "C:He's got {DIS}, is there wheelchair access?", "C:I'll be bringing {DIS}.", "C:She's {DISA}.",
    "C:My {REL} uses {DIS}.", "C:I'm {DISA}, can someone meet me at the door?", "C:He has {DIS}.",
    "C:I'm {DISA} and I've got {COND}.", "A:Do you need any assistance?|C:Yes, I'm {DISA}.",
    "C:I'm {PREG}.", "C:My wife is {PREG}.", "C:I had {PREG} last year.", "C:I'm {PREG}, is that okay?",
    "C:I've got {INJ}.", "C:I did {INJ} playing footy.", "C:My {REL} has {INJ}.", "C:I've got {INJ} from work.",
    "C:I'm seeing someone for {MH}.", "C:I've been struggling with {MH}.", "C:My {REL} has {MH}.",
    "C:I've got a mental health plan for my {MH_BARE}.",
    "C:I've got {H}, so I can't do stairs.", "C:I have {H} so mornings are better.",
    "C:Because of my {COND_BARE}, I can't lift anything heavy.", "C:My {BODY} is killing me.",
    "C:I hurt my {BODY} at the gym.", "C:I've got {COND} and {MED} makes me drowsy.",
    "A:And what's the reason for the visit?|C:{SYM}.", "A:What seems to be the problem?|C:I've got {SYM}.",
    "A:Any medical conditions we should know about?|C:I've got {COND}.",
    "A:Any medical conditions we should know about?|C:Just {COND}, and I'm on {MED}.",
    "C:It's a claim for {INJ}.", "C:My income protection claim is for {MH}.",
    "C:I can't climb ladders since {PROC}.", "C:I'm off work with {INJ}.",
    "C:The tenant is {DISA} so please knock loudly.", "C:Our son is {DISA}.",
    "A:Has the doctor mentioned {COND}?|C:Yes, they think it's {COND}.",
    "C:I get {SYM} when I'm on {MED}.", "C:I was in hospital with {COND}.",
    "C:The NDIS plan covers my {DIS_BARE}.", "C:I'm on the NDIS for {COND}.",
    "C:I've had {SYM} since {PROC}.", "C:He had {PROC} and now has {SYM}.",
    "C:Um, {LAY}.", "C:The thing is, {LAY}.", "C:It's my {REL}, {LAY}.", "C:Honestly, {LAY}, so yeah.",
    "C:I need {PROC} but I'm scared.", "C:I had {PROC} years ago.", "C:I'm getting {PROC} next month.",
    "C:The dentist said I need {PROC}.", "C:My {REL} needs {PROC}.", "C:Is {PROC} covered on my extras?",
    "C:I've got {COND}, so I might need a longer appointment.", "C:I'm on {MED} and {MED2}.",
    "C:Does {MED} interact with {MED2}?", "C:I stopped taking {MED} because of {SYM}.",
    "A:Any medical conditions?|C:{COND}.", "A:Any medical conditions?|C:{COND} and {COND2}.", "A:What medication are you on?|C:{MED}.",
    "A:What are you taking?|C:{MED}, and {MED2} at night.", "A:What's it for?|C:{COND}.", "A:And what happened?|C:{INJ}.",
    "A:Reason for the appointment?|C:{SYM}.", "C:{COND}, mainly.", "C:{MED} twice a day.", "C:{SYM}, and {SYM2}.",
    "C:I've been taking {OTCMED} for it.", "C:I took some {OTCMED} this morning.", "C:{OTCMED} isn't helping.",
    "C:I've been on {OTCMED} every day.", "A:Have you taken anything for it?|C:Just {OTCMED}.",
    "C:The doctor said it's {COND}.", "C:They think it might be {COND}.", "C:It turned out to be {COND}.",
    "C:I'm in {DISA2} so I need a ground floor room.", "C:He's in {DISA2}.", "C:My {REL} is on {MED} for {COND_BARE}.",
]

HEALTH_NEG = [
    "A:We're a {INDWORD} clinic.", "A:We do check-ups and cleans every day.", "A:We stock {OTC}.",
    "A:We offer flu shots for staff.", "A:Our physio team is in on {DAY}.", "A:We're a bulk billing practice.",
    "A:Yes, we carry {OTC} and {OTC}.", "A:The pharmacy is next door.", "A:We're a dental surgery, not a hospital.",
    "A:Our clinic has a hydrotherapy pool.", "A:We specialise in sports and spinal physio.",
    "A:The medical centre is upstairs.", "A:Our dentists do implants and crowns.", "A:We have a GP on site.",
    "A:We don't do x-rays here.", "A:Health fund rebates apply on the spot.", "A:Bring your Medicare card.",
    "A:Is it a general check-up?", "A:We're an allied health practice.", "A:We have wheelchair access at the front.",
    "A:Our optometrist does eye tests on Mondays.", "A:We're a podiatry clinic.", "C:I just need a check-up.",
    "C:I'm after a flu shot.", "C:I need a check-up and clean.", "A:Do you have private health insurance?",
    "A:Your extras cover includes dental and physio.", "A:The chemist closes at six.",
    "A:We're a mental health service for young people.", "A:The cancer council shop is two doors down.",
    "A:We're running a free skin check day.", "A:We sell {OTC} at cost.", "A:This is the hospital switchboard.",
    "A:The clinic's been open since twenty ten.", "A:We've got a new massage therapist.",
]

CONTACT = [
    "A:What's the best number to reach you?|C:It's {PHONE}.", "C:My number is {PHONE}.", "C:My mobile's {PHONE}.",
    "A:And an email address?|C:{EMAIL}.", "C:My email is {EMAIL}.", "A:Date of birth?|C:{DOB}.",
    "C:You can reach me on {PHONE}.", "A:Is {PHONE} the best number?|C:Yes.", "A:Your booking reference is {REF}.",
    "C:My reference number is {REF}.", "A:Is the email still {EMAIL}?|C:Yep.",
]

SCHED = [
    "A:We've got {DAY} at {TIME} or {TIME}.", "A:How does {DAY} at {TIME} sound?|C:That works.",
    "A:That'll be {PRICE}.", "A:The gap would be about {PRICE}.", "A:We can do {DATE} at {TIME}.",
    "C:Can I come in {DAY} morning?", "A:Our hours are {TIME} till {TIME} weekdays.",
    "A:It's {PRICE} for the first visit and {PRICE} after that.", "A:The next available is {DATE}.",
    "C:Anytime after {TIME} is good.", "A:I'll put you down for {TIME} then.", "A:You're booked for {DAY} the {ORD}.",
    "A:We're closed on public holidays.", "C:Is there parking on {STREET}?", "A:We're on {STREET}, next to the bank.",
    "A:Our office is on {STREET} above the cafe.", "C:I'll pay by card.", "A:It takes about {NUM} minutes.",
]

FILLER = [
    "C:I may need to reschedule.", "A:Will that be okay?", "C:Can you bill me later?", "C:The bill came to {PRICE}.",
    "C:I hope so.", "A:I'll mark it down for {DAY}.", "A:We'll jack the car up and have a look.",
    "C:The rose bushes out the back need doing.", "A:Summer's our busy season.", "C:They start work at dawn.",
    "A:I'll grant you that.", "C:Frank-ly I don't mind.", "A:That'll be a grand total of {PRICE}.",
    "C:We had a storm last night.", "A:It might take a while.", "C:Yeah, that'd be grand.", "A:We'll see you in June.",
    "C:We're away in April.", "A:Is August any good?", "C:The ivy has taken over the fence.", "A:Have a sunny day.",
    "C:It's a bit of a hunt to find parking.", "A:I'll chase that up for you.", "C:Can I pay the bill online?",
    "A:We might have something in May.", "C:I hope that's not too much trouble.", "A:Mark my words, it'll be fine.",
    "C:I will, thanks.", "A:Will do.", "C:Sure thing.", "A:No worries at all.", "C:Yeah, yeah, that's fine.",
    "A:Give me one sec.", "C:Sorry, you cut out there.", "A:Are you still there?", "C:Yep, I'm here.",
    "A:Just bear with me.", "C:Um, let me think.", "A:Perfect.", "C:Okay, great.", "A:Anything else I can help with?",
    "C:No, that's all, thanks.", "A:Lovely.", "C:That's grand.", "A:We've got a new king size bed in stock.",
    "C:The brown one, not the white one.", "A:It's a long wait, sorry.", "C:Young people these days.",
    "A:That's a rich colour.", "C:There's a little bird nest in the roof.", "A:Little bit of rain today.",
    "C:I love the new office.", "A:We'll do our best.", "C:Cook it on low.", "A:The price has gone up.",
    "C:The bush out the front.", "A:It's on the hill.", "C:Is it the green or the black one?",
    "A:Please hold the line.", "C:Drew up the plans last week.", "A:I'll ring you back in a tick.",
    "C:My wife will call if I can't.", "A:Can you hope on the website and check?", "C:Sandy soil out the back.",
    "A:The violet one is sold.", "C:Honey, can you grab the folder?", "A:That's a cliff-hanger.",
    "C:Dawn till dusk.", "A:It's a bit of a miles away.", "C:I'm hunting for a new place.", "A:Glen Waverley branch.",
    "C:We're in the Hunter Valley region for work.", "A:Happy Christmas.", "C:I'm keen.",
    "C:The booking's for Grace Street Cafe.", "A:It's a Jack Russell, isn't it?", "C:My dog's called Max.",
    "C:Our cat Bella is fine.", "A:What's the dog's name?|C:Charlie.", "A:What's the cat's name?|C:Luna.",
    "C:I read it in the Herald.", "A:It's the Ruby Tuesday special.", "C:Mark Street is closed.",
]


# ---------------------------------------------------------------------------------------------
# Unlabelled look-alikes. Real calls are mostly talk with no name, place or condition in it;
# without this the model learns "whatever fills the gap after 'it's' / 'i've got' / 'i'm in'
# is an entity". Numbers of every kind (cards, Medicare, TFN, ABN, amounts, durations),
# products and brands, chit-chat adjectives and APP-sensitive words other detectors own.
# ---------------------------------------------------------------------------------------------

O_NP = """a leaking tap|a question about my bill|a quote from another company|a new puppy|two kids|
a meeting at three|a spare key|a voucher|a parcel to send back|a blocked drain|a burst pipe|
a cracked windscreen|a flat battery|a dent in the door|an invoice here|a reference number|a booking|
a complaint|a few questions|a new phone|my card here|the paperwork|a referral|a letter from the ato|
a fork in the road|a gift card|a trade in|a discount code|a tax invoice|a payment plan|a pension card|
a health care card|a concession card|a new job|a big family|a busy week|a dog and two cats|
an old hot water system|a two storey house|a tiled roof|a split system|a sealing fan|a grab rail|
a leaking roof|a dead possum in the roof|a parking ticket|a receipt|a warranty|a second quote|
a cancellation|a reschedule|a mouthguard fitting booked|an impression appointment|an open inspection|
a lease renewal|a rent increase|a bond refund|a new kitchen|a bathroom reno|a pool fence|
a bosch dishwasher|a rheem hot water unit|a toyota corolla|a mazda three|a ford ranger|a hyundai i30|
some free time|a day off|the morning free|a long weekend|a few minutes|a newborn at home|school pick up""".replace("\n", "").split("|")
O_ADJ = """keen|free after three|happy with that|a new customer|an existing client|a pensioner|self employed|
a sole trader|renting|the owner|at work|on hold|running late|a bit behind|not sure|flexible|in a meeting|
in the car|home all day|an international student|on a tight budget|fine|good thanks|all good|sweet|cool|
really sorry|so sorry|just checking|calling back|a returning customer|looking to sell|looking to buy|
the landlord|the tenant|the property manager|the executor|his carer|on the way|nearly there|outside|
around the corner|available|busy|off on friday|working from home|retired|a student|a tradie|
a first home buyer|an investor|the director|the bookkeeper|new to the area|a member|not a member|
with nrma|with bupa|with medibank|with telstra|on the waitlist|on the family plan""".replace("\n", "").split("|")
O_IN = """a meeting|the car|a rush|the queue|the carpark|the waiting room|no hurry|the middle of something|
a bit of a pickle|the office|the shop|a lift|the city for work|a hurry|a bad spot for reception|
the system|the process of moving|two minds about it|the same boat|the loop|charge of the account""".replace("\n", "").split("|")
O_LIVE = """a unit|a townhouse|a granny flat|a rental|the back unit|a two bedroom place|a share house|
a caravan|student housing|a retirement village|a duplex|the top floor|a high rise|an apartment""".replace("\n", "").split("|")
O_NEED = """a quote|a plumber|a new battery|a receipt|someone to come out|a tax invoice|a callback|
an electrician|a locksmith|the invoice resent|a new card|a copy of the policy|an appraisal|a valuation|
a letter for work|to update my details|to change my address|to cancel|to pay a bill|a new password|
a service|a new tyre|a wheel alignment|a roadworthy|a pink slip|a bond clean|the gutters cleaned|
a plan upgrade|a new modem|a tax return done|help with my super|a will done|a new lease""".replace("\n", "").split("|")
BRANDS = ["Westfield", "Bunnings", "Coles", "Woolworths", "Woolies", "Kmart", "JB Hi-Fi", "Officeworks",
          "Telstra", "NRMA", "HCF", "Medibank", "Centrelink", "the ATO", "Medicare", "Service NSW", "VicRoads",
          "Rheem", "Bosch", "Toyota", "Samsung", "Apple", "Netflix", "Afterpay", "PayPal", "Commbank",
          "Westpac", "ANZ", "NAB", "Qantas", "Virgin", "Uber", "Harvey Norman", "Myer", "David Jones",
          "Aldi", "IKEA", "Big W", "Australia Post", "Foxtel", "Optus", "Origin", "AGL", "Energy Australia",
          "Ray White", "Domain", "realestate.com.au", "Seek", "Gumtree", "Facebook Marketplace", "Google",
          "Hertz", "Ampol", "7-Eleven", "Chemist Warehouse", "Priceline", "Specsavers", "Lorna Jane"]
SENSITIVE_O = """muslim|catholic|jewish|hindu|buddhist|sikh|christian|orthodox|aboriginal|
torres strait islander|an aboriginal woman|a proud wiradjuri man|gay|lesbian|bisexual|trans|
a union member|in the cfmeu|with the nurses union|a greens voter|a liberal voter|a labor member|
vegan|vegetarian|halal|kosher|on a pension|on centrelink|a single mum|a widow|divorced|separated|
a veteran|a refugee|on a bridging visa|a permanent resident|an australian citizen""".replace("\n", "").split("|")

CHAT = [
    "A:Sounds good.", "C:Cool, thanks.", "A:Go ahead.", "C:Can you hear me?", "A:Sorry, I didn't quite hear that.",
    "C:I'd like to book in.", "A:Sweet as.", "C:That's really kind of you.", "C:Is it safe to leave it?",
    "A:Lovely, I'll book that in.", "C:Yeah, nah, that's fine.", "A:Just confirming a few details.",
    "C:How long will it take?", "A:About two to three business days.", "C:Can I pay it off in instalments?",
    "A:Sure, we take Visa, Mastercard and Amex.", "C:Is there a surcharge on card?", "A:There's a one point five percent surcharge.",
    "C:Perfect, that works for me.", "A:I'll send a confirmation text.", "C:Will I get an email as well?",
    "A:Yes, it should land in your inbox shortly.", "C:Great, I'll keep an eye out.", "A:Is there anything else?",
    "C:No, that's everything.", "A:Have a lovely day.", "C:You too, bye.", "A:Bye now.", "C:Thanks heaps.",
    "A:Can I put you on hold for a sec?", "C:Yeah, no worries.", "A:Thanks for holding.", "C:That's fine.",
    "A:The system's a bit slow today.", "C:Take your time.", "A:Right, I've found your account.",
    "C:I was told someone would call me back.", "A:I'm sorry about that, let me check.", "C:It's been two weeks.",
    "A:I can see the notes here.", "C:Can you escalate it?", "A:I'll flag it with my manager.",
    "C:What are your opening hours?", "A:We're open eight till five weekdays.", "C:Are you open on Saturday?",
    "A:Saturdays we're open till twelve.", "C:Do I need to bring anything?", "A:Just some ID.",
    "C:Where do I park?", "A:There's free parking out the back.", "C:Is it upstairs?", "A:Ground floor, first door on the left.",
    "C:How much will that cost?", "A:I can't give you an exact price over the phone.", "C:Roughly?",
    "A:Somewhere between two and four hundred.", "C:That's a bit steep.", "A:I understand.", "C:Let me have a think.",
    "A:No pressure at all.", "C:I'll talk to my partner and call back.", "A:Sure, call anytime.",
    "C:My phone's about to die.", "A:I'll be quick then.", "C:The reception's terrible here.", "A:You're breaking up a bit.",
    "C:Can you say that again?", "A:I said the next appointment is on Thursday.", "C:Oh right, got it.",
    "A:Do you have a pen handy?", "C:Yep, go.", "A:Okay, I'll wait.", "C:Got it, thanks.", "A:Brilliant.",
    "C:I'm calling about the quote you sent.", "A:Which quote was that?", "C:The one for the bathroom.",
    "A:Ah yes, I've got it here.", "C:Is that price including GST?", "A:Yes, GST inclusive.",
    "C:Can you do any better on the price?", "A:I can knock off fifty dollars.", "C:Deal.",
    "A:I'll need a deposit to lock it in.", "C:How much is the deposit?", "A:Ten percent.",
    "C:Can I transfer it?", "A:Yes, the bank details are on the invoice.", "C:Okay, I'll do it tonight.",
    "A:Please use the invoice number as the reference.", "C:Will do.", "A:Thanks for your patience.",
    "C:Is the car ready yet?", "A:It'll be ready after lunch.", "C:Was there anything else wrong with it?",
    "A:The front brake pads are worn.", "C:Go ahead and replace them.", "A:No problem.",
    "C:The internet's been dropping out every night.", "A:Have you tried restarting the modem?", "C:Yes, twice.",
    "A:I'll run a line test.", "C:My kids need it for school.", "A:I completely understand.",
    "C:Is the unit still available?", "A:It is, the open home is Saturday at ten.", "C:Is it pet friendly?",
    "A:The owner will consider pets on application.", "C:What's the parking like?", "A:One car space in the basement.",
    "C:I want to cancel my membership.", "A:I'm sorry to hear that, can I ask why?", "C:It's just too expensive.",
    "A:We do have a cheaper off-peak option.", "C:Okay, tell me more.", "A:It's access before four pm only.",
    "C:I need to change my booking.", "A:What day suits you better?", "C:Any day next week.",
    "A:We're fully booked Monday.", "C:Tuesday then.", "A:Done.", "C:Awesome.", "A:Righto.", "C:Yep.", "A:Mm hmm.",
    "C:Hang on, my dog's barking.", "A:No rush.", "C:Sorry about that.", "A:All good.",
    "C:I'm just driving, you're on speaker.", "A:I'll keep it short.", "C:Thanks, appreciate it.",
    "A:Are you happy for us to text you reminders?", "C:Yes please.", "A:And can we email marketing?", "C:No thanks.",
    "C:Are you guys LGBT friendly?", "A:Absolutely, everyone's welcome.", "C:I'd prefer a female practitioner.",
    "A:We can arrange that.", "C:Do you have someone who speaks Vietnamese?", "A:We can book an interpreter.",
    "C:It's for workers comp.", "A:Do you have a claim number?", "C:It's a CTP claim.", "A:Has the insurer approved it?",
    "C:I'm still waiting to hear back.", "A:Let me know when it's approved.", "C:Will the health fund cover it?",
    "A:It depends on your level of extras.", "C:I'm on the basic cover.", "A:Then it might not be covered.",
]
NEG_T = [
    "C:I've got {ONP}.", "C:I've got {ONP} and {ONP2}.", "C:I'm {OADJ}.", "C:Yeah, I'm {OADJ}.", "A:Are you {OADJ}?|C:Yes.",
    "C:I'm in {OIN}.", "C:I live in {OLIVE}.", "C:We live in {OLIVE} now.", "C:I need {ONEED}.", "C:I just need {ONEED}.",
    "C:I had {ONP} last week.", "C:I bought it at {BRAND}.", "C:It's a {BRAND} one.", "C:I'm with {BRAND}.",
    "A:Is it through {BRAND}?|C:Yeah, {BRAND}.", "C:I paid with {BRAND}.", "C:It's {OWORD}.", "C:That's {OWORD}.",
    "C:I'm {SENS}.", "C:I'm {SENS}, just so you know.", "C:My partner is {SENS}.", "C:We're {SENS}.",
    "C:I'm {OADJ}, and {OWORD}.",
]
NUM_T = [
    "C:My Medicare number is {MEDICARE}.", "A:And the Medicare number?|C:{MEDICARE}.", "C:Date of birth is {DOB}.",
    "A:Can I get your date of birth?|C:{DOB}.", "C:Born {DOB}.", "A:What's the ABN?|C:{ABN}.", "A:And your TFN?|C:{TFN}.",
    "C:The account number is {ACCOUNT}.", "A:BSB?|C:{BSB}.", "C:Card number {CARD}, expiry {EXPIRY}, CVV {CVV}.",
    "A:Security code on the back?|C:{CVV}.", "A:And the expiry?|C:{EXPIRY}.", "C:My licence is {REF}.",
    "C:It'll be {PRICE} a {PERIOD}.", "A:That comes to {PRICE}.", "C:Can you do it for {PRICE}?", "A:It's {QTY}.",
    "C:My number's {PHONE}.", "A:Best contact number?|C:{PHONE}, or the landline {PHONE}.", "C:Call me on {PHONE}.",
    "A:Your reference is {REF}.", "C:The order number is {REF}.", "A:That's {QTY} at {PRICE} each.", "C:It's {MEDICARE}, and I'm number {DIGIT} on the card.",
    "A:And the card number?|C:{CARD}.", "C:Expiry {EXPIRY}, and the CVV is {CVV}.", "C:The card is {CARD}, expiry {EXPIRY}.",
    "C:BSB {BSB}, account {ACCOUNT}.", "C:My tax file number is {TFN}.", "C:The ABN is {ABN}.", "C:Our ABN is {ABN}.",
    "C:The rego is {REGO}.", "C:The invoice number is {REF}.", "C:The policy number is {REF}.", "C:Claim number {REF}.",
    "C:It's {QTY}.", "C:About {QTY}.", "C:It's {QTY}, maybe {QTY2}.", "A:That's {QTY}.", "C:We've got {QTY}.",
    "C:I was born in {YEAR}.", "C:The house was built in {YEAR}.", "C:Since {YEAR}.", "C:It's {PRICE} a {PERIOD}.",
    "C:My licence number is {REF}.", "A:Card ending in {FOUR}?|C:Yes.", "C:The last four digits are {FOUR}.",
    "C:My email is {SPELLEMAIL}.", "A:So that's {SPELLEMAIL}?|C:Correct.",
    "C:I'm calling from {BRAND}.", "A:You've been transferred from {BRAND}.", "C:It's {PRICE} all up.",
]
QTYS = ["five sessions", "twenty minutes", "two weeks", "a fortnight", "six weeks", "three months", "a year",
        "three bed two bath", "four bedrooms", "650 square metres", "ninety five kilos", "one eighty two",
        "two kids", "three cars", "forty five minutes", "two hours", "ten days", "a couple of days", "six weeks ago",
        "twelve months", "two point five metres", "fifteen litres", "three hundred litres", "two storeys",
        "five business days", "eight hours", "about an hour", "half an hour", "four units", "a hundred k",
        "one point eight million", "twenty percent", "ten years", "thirty years", "two and a half"]
OWORDS = ["cool", "fine", "okay", "all good", "really kind", "sweet", "perfect", "great", "no problem", "the blue one",
          "about twenty minutes", "a bit late", "booked", "paid", "sorted", "done", "pretty urgent", "not urgent",
          "the same as before", "the usual", "on the invoice", "in the email", "on my account", "a bit much",
          "the second one", "the cheaper option", "exactly right", "correct", "spot on", "my mistake",
          "worth a try", "a long story", "the main thing", "a good question", "hard to say", "safe", "secure",
          "really nice", "brand new", "second hand", "still under warranty", "out of warranty"]

CALL_WORDS = """noted ok okay asap acn abn gst female male parents fees membership memberships trustee whereabouts
midwife obstetrician paramedic nurse receptionist manager supervisor accounts billing invoice quote
deposit refund voucher surcharge excess premium policy claim claims cover extras hospital rebate gap
booking appointment consult consultation session sessions review reminder confirmation cancellation
reschedule waitlist referral script prescription certificate form forms paperwork signature details
account password username login portal app website email text voicemail callback transfer hold
tenant landlord lease bond rent inspection application agent auction settlement conveyancing strata
plumber electrician builder tradie quote job site meter inverter panels battery rebate install
service rego tyres brakes gearbox warranty finance loan repayment direct debit instalment overdue
mentioned understood sorted done finished pending approved declined processed showing shows going
wants needs mine yours theirs both either neither whatever whichever anyway somehow probably definitely
pool gym class classes trainer membership freeze pause upgrade downgrade plan bundle modem router
puppy kitten dog cat vaccination desexing microchip worming grooming boarding daycare""".split()
BIZ_SUFFIX = ("Renovations Logistics Estate Group Partners Homes Constructions Services Solutions Legal Dental "
              "Physio Motors Realty Property Removals Electrical Plumbing Cleaning Landscaping Roofing Tiling "
              "Accounting Advisory Insurance Finance Health Clinic Studio Fitness Academy Transport Freight "
              "Developments Projects Trading Holdings Enterprises Australia").split()
PETS = ("max bella charlie luna coco milo daisy buddy rocky ruby molly teddy oscar archie lola alfie "
        "bailey frankie rosie ollie zeus bruno willow pepper biscuit maple nala simba").split()
PET_T = ["C:My dog {PET} needs his shots.", "C:It's for my cat, {PET}.", "A:And what's the pet's name?|C:{PET}.",
         "A:How's {PET} going?|C:Much better.", "C:{PET} has been scratching his ears.", "C:We're bringing {PET} and {PET}.",
         "A:Is {PET} a cavoodle?|C:Yeah, a cavoodle.", "C:{PET}'s due for her vaccination.", "A:We'll see {PET} at {TIME}."]
SALAD_T = ["C:{SALAD}", "A:{SALAD}", "C:Yeah, {SALAD}", "A:Okay so {SALAD}", "C:I mean {SALAD}", "C:{SALAD}, you know?"]
WORD_T = [
    "C:It's {W}.", "C:It's {W} {W}.", "C:I'm {W}.", "C:I've got a {W}.", "C:I need a {W} {W}.", "C:It's about the {W}.",
    "C:Is {W} {W} okay?", "A:Hi, {W} {W}.", "C:Yeah, {W}.", "C:I'm in {W}.", "C:I'm a {JOB}.", "C:I work as a {JOB}.",
    "C:My {REL} is a {JOB}.", "C:I work for {COMPANY}.", "A:I'm calling from {COMPANY}.", "C:It's for {COMPANY}.",
    "C:The invoice goes to {COMPANY}.", "C:I'm calling from {COMPANY}.", "A:Thanks for calling {COMPANY}.",
    "C:We used {COMPANY} last time.", "C:The builder is {COMPANY}.", "A:Is that {COMPANY}?|C:Yes, {COMPANY}.", "A:Is that {W}?|C:Yes, {W}.", "C:Thanks, {W}.", "A:Okay, {W} {W}.",
    "C:We had {W} {W} last time.", "C:I've had a {W} {W}.", "C:Our {W} is {W}.", "C:That's {W} {W}.",
    "A:What's the {W} for?|C:For the {W}.", "C:My {W} {W} broke.", "C:Hi, it's about {W}.", "C:Just {W} {W} really.",
]
ORDER = ["GREET", "CALLER_INTRO", "NAME_ASK", "THIRD_PARTY", "HEALTH_T", "LOCATION_T", "ADDRESS_T",
         "CONTACT", "SCHED", "READBACK"]

# ---------------------------------------------------------------------------------------------
# Numbers in words
# ---------------------------------------------------------------------------------------------
ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
DAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
MONTHS = "january february march april may june july august september october november december".split()
ORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()


def n2w(n: int) -> str:
    """0-9999 as an Australian would say it ("one hundred and eight", "nineteen ninety")."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + n2w(rest))
    if n % 1000 == 0:
        return ONES[n // 1000] + " thousand"
    if n < 10000 and n % 100 != 0 and (n // 100) % 10 != 0:
        return n2w(n // 100) + " " + (n2w(n % 100) if n % 100 >= 10 else "oh " + ONES[n % 100])
    return ONES[n // 1000] + " thousand " + ("and " if n % 1000 < 100 else "") + n2w(n % 1000)


def digits_spoken(s: str, rng: random.Random) -> str:
    """Digit string read one by one with 'oh'/'zero', 'double', 'triple'."""
    out: list[str] = []
    i = 0
    zero = rng.choice(["oh", "oh", "zero"])
    while i < len(s):
        d = s[i]
        run = 1
        while i + run < len(s) and s[i + run] == d and run < 3:
            run += 1
        w = zero if d == "0" else ONES[int(d)]
        if run == 3 and rng.random() < 0.6:
            out.append("triple " + w)
            i += 3
        elif run >= 2 and rng.random() < 0.6:
            out.append("double " + w)
            i += 2
        else:
            out.append(w)
            i += 1
    return " ".join(out)


def number_spoken(n: int, rng: random.Random) -> str:
    """A house number or similar said naturally: 42 -> forty two, 118 -> one eighteen."""
    if n < 100:
        return n2w(n)
    r = rng.random()
    if n < 1000:
        if r < 0.5 and n % 100 >= 10:
            return ONES[n // 100] + " " + n2w(n % 100)
        if r < 0.75:
            return digits_spoken(str(n), rng)
        return n2w(n)
    return n2w(n) if r < 0.5 else digits_spoken(str(n), rng)


# ---------------------------------------------------------------------------------------------
# Styling
# ---------------------------------------------------------------------------------------------

PARTICLES = {"van", "der", "den", "de", "da", "di", "la", "le", "von", "del", "dos", "das", "te", "bin", "binti"}


def title_name(s: str) -> str:
    """Case a name the way smart-format STT prints it: O'Sullivan, Smith-Jones, van der Berg, McDonald."""
    words = s.split(" ")
    out = []
    for i, w in enumerate(words):
        if i < len(words) - 1 and w in PARTICLES and (i > 0 or len(words) > 2):
            out.append(w)
            continue
        parts = re.split(r"([-'])", w)
        cased = "".join(p[:1].upper() + p[1:] if p not in "-'" else p for p in parts)
        if re.match(r"^(Mc|Mac)[a-z]{3,}", cased) and not cased.lower().startswith(("mack", "mace", "macy")):
            k = 2 if cased.startswith("Mc") else 3
            cased = cased[:k] + cased[k].upper() + cased[k + 1:]
        out.append(cased)
    return " ".join(out)


def title_place(s: str) -> str:
    return " ".join(w if w in {"le", "de"} else w[:1].upper() + w[1:] for w in s.split(" "))


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).replace("ł", "l").replace("ı", "i").replace("Ł", "L")


@dataclass
class Style:
    lower: bool        # lowercase everything
    punct: bool        # keep sentence punctuation
    words: bool        # numbers as words
    prefix: bool       # "agent: " / "caller: " turn prefixes
    fillers: float     # chance of a filler word between words
    newline: bool      # turns separated by newline (else a space)


def lit_style(text: str, st: Style, rng: random.Random) -> str:
    """Style literal template text."""
    if not st.punct:
        text = re.sub(r"[.,!?;:](?=\s|$)", "", text)
        text = text.replace("&", "and")
    elif rng.random() < 0.15:
        text = text.replace(",", "")
    if st.lower:
        text = text.lower()
    return text


# ---------------------------------------------------------------------------------------------
# Document builder
# ---------------------------------------------------------------------------------------------

Seg = tuple[str, "str | None"]


@dataclass
class Ctx:
    rng: random.Random
    st: Style
    names: "NamePool"
    industry: str
    ind: dict
    cache: dict = field(default_factory=dict)


class NamePool:
    """Given names and surnames from Faker locales and the hand-made lists."""

    def __init__(self, seed: int, per_locale: int = 400) -> None:
        from faker import Faker
        self.first: dict[str, list[str]] = {}
        self.last: dict[str, list[str]] = {}
        self.weights: dict[str, float] = {}
        for i, (loc, w) in enumerate(sorted(FAKER_LOCALES.items())):
            f = Faker(loc)
            f.seed_instance(seed * 1000 + i)
            fs = sorted({fold(f.first_name()).lower() for _ in range(per_locale)})
            ls = sorted({fold(f.last_name()).lower() for _ in range(per_locale)})
            self.first[loc], self.last[loc], self.weights[loc] = fs, ls, w
        for k, (fs, ls) in CUSTOM_NAMES.items():
            self.first[k], self.last[k], self.weights[k] = fs, ls, 1.6
        f = Faker("en_AU")
        f.seed_instance(seed + 7)
        self.cities = sorted({f.city().lower() for _ in range(400)})
        self.jobs = sorted({f.job().lower() for _ in range(600)})
        self.companies = sorted({f.company() for _ in range(400)})
        from faker.providers.lorem.en_US import Provider as _Lorem
        name_like = set(WORD_NAMES_FIRST) | set(WORD_NAMES_LAST) | {w for k in self.first for w in self.first[k]} \
            | {w for k in self.last for w in self.last[k]} | set(SUBURBS)
        self.common = sorted(set(_Lorem.word_list) - name_like)
        self.keys = sorted(self.weights)
        self.w = [self.weights[k] for k in self.keys]

    def fake_city(self, rng: random.Random) -> str:
        return rng.choice(self.cities)

    def pick(self, rng: random.Random) -> tuple[str, str]:
        r = rng.random()
        if r < 0.11:
            return rng.choice(WORD_NAMES_FIRST), rng.choice(self.last[rng.choices(self.keys, self.w)[0]])
        if r < 0.15:
            return rng.choice(self.first[rng.choices(self.keys, self.w)[0]]), rng.choice(WORD_NAMES_LAST)
        k = rng.choices(self.keys, self.w)[0]
        first = rng.choice(self.first[k])
        if k == "vietnamese" and rng.random() < 0.3:
            return rng.choice(self.last[k]) + " " + rng.choice(["thi", "van", "minh", "ngoc", "duc"]), first
        k2 = k if rng.random() < 0.8 else rng.choices(self.keys, self.w)[0]
        last = rng.choice(self.last[k2])
        r = rng.random()
        if r < 0.06:
            last = last + "-" + rng.choice(self.last[rng.choices(self.keys, self.w)[0]])
        elif r < 0.09:
            last = rng.choice(CUSTOM_NAMES["irish_scots_dutch"][1])
        return first, last


def person_text(ctx: Ctx, name: str) -> str:
    rng = ctx.rng
    if ctx.st.lower:
        return name.lower()
    return title_name(name) if rng.random() > 0.03 else name.lower()


def spelled(ctx: Ctx, name: str) -> str:
    """A name spelled letter by letter (or with a phonetic alphabet)."""
    rng = ctx.rng
    letters = [c for c in name.lower() if c.isalpha()]
    r = rng.random()
    if r < 0.15:
        table = NATO if rng.random() < 0.6 else NATO_ALT
        parts = [f"{c} for {table.get(c, c)}" for c in letters[: rng.randint(2, len(letters))]] if letters else []
        s = " ".join(parts)
        return s if ctx.st.lower else s[:1].upper() + s[1:]
    if ctx.st.lower:
        if rng.random() < 0.15:
            out = []
            i = 0
            while i < len(letters):
                if i + 1 < len(letters) and letters[i] == letters[i + 1]:
                    out.append("double " + letters[i])
                    i += 2
                else:
                    out.append(letters[i])
                    i += 1
            return " ".join(out)
        return " ".join(letters)
    sep = rng.choice(["-", " ", "-", ". "])
    return sep.join(c.upper() for c in letters) + ("." if sep == ". " else "")


def place_text(ctx: Ctx, p: str) -> str:
    return p if ctx.st.lower else title_place(p)


def make_address(ctx: Ctx, full: bool = True) -> str:
    """A street address: unit/number, street, optional suburb/state/postcode."""
    rng, st = ctx.rng, ctx.st
    num = rng.choice([rng.randint(1, 60), rng.randint(1, 200), rng.randint(1, 999), rng.randint(1, 30)])
    unit = rng.randint(1, 40) if rng.random() < 0.25 else None
    sname = rng.choice(STREET_NAMES) if rng.random() < 0.75 else ctx.names.pick(rng)[1 if rng.random() < 0.7 else 0]
    if rng.random() < 0.08:
        sname = rng.choice(STREET_NAMES) + " " + rng.choice(["north", "south", "east", "west", "upper", "lower"]) \
            if rng.random() < 0.5 else "the " + rng.choice(["avenue", "boulevarde", "crescent", "strand"])
    stype = rng.choice(STREET_TYPES)
    suburb = rng.choice(SUBURBS)
    r_sub = rng.random()
    if r_sub < 0.08:
        suburb = rng.choice(["north", "south", "east", "west"]) + " " + suburb
    elif r_sub < 0.16:
        suburb = suburb + " " + rng.choice(["west", "north", "heights", "beach", "park", "vale", "east", "south"])
    elif r_sub < 0.24:
        suburb = fold(ctx.names.fake_city(rng)).lower()
    state = rng.choice(STATES)
    pc = rng.choice(["2", "3", "4", "5", "6", "7", "0"]) + "".join(str(rng.randint(0, 9)) for _ in range(3))
    has_sub = full and rng.random() < 0.8
    has_state = has_sub and rng.random() < 0.45
    has_pc = has_sub and rng.random() < 0.45
    if st.words:
        n = number_spoken(num, rng)
        if unit is not None:
            u = rng.random()
            if u < 0.4:
                n = f"unit {number_spoken(unit, rng)} {n}"
            elif u < 0.7:
                n = f"{number_spoken(unit, rng)} slash {n}"
            elif u < 0.85:
                n = f"unit {number_spoken(unit, rng)} number {n}"
            else:
                n = f"apartment {number_spoken(unit, rng)} {n}"
        elif rng.random() < 0.05:
            n = f"lot {number_spoken(num, rng)}"
        t = rng.choice([stype[0], stype[0], stype[0], stype[2].lower()]) if rng.random() < 0.9 else stype[0]
        s = f"{n} {sname} {t}" if not sname.startswith("the ") else f"{n} {sname}"
        if has_sub:
            s += " " + suburb
        if has_state:
            s += " " + (state[2] if rng.random() < 0.5 else state[0] if state[0] != "act" else "a c t")
        if has_pc:
            s += " " + (digits_spoken(pc, rng) if rng.random() < 0.6 else n2w(int(pc[:2])) + " " + (n2w(int(pc[2:])) if int(pc[2:]) >= 10 else "oh " + ONES[int(pc[3])]))
        if not st.lower:
            s = s[:1].upper() + s[1:] if rng.random() < 0.3 else " ".join(title_place(w) if w in sname.split() or w in suburb.split() or w == t else w for w in s.split(" "))
        return s
    n = str(num)
    if unit is not None:
        n = rng.choice([f"{unit}/{num}", f"Unit {unit}, {num}", f"{unit}/{num}", f"Apt {unit}, {num}"])
    t = stype[1] if rng.random() < 0.6 else stype[2]
    s = f"{n} {title_place(sname)} {t}" if not sname.startswith("the ") else f"{n} {title_place(sname)}"
    if has_sub:
        s += (", " if st.punct and rng.random() < 0.7 else " ") + title_place(suburb)
    if has_state:
        s += " " + state[1]
    if has_pc:
        s += " " + pc
    if st.lower:
        s = s.lower()
    if not st.punct:
        s = s.replace(",", "")
    return s


def phone(ctx: Ctx) -> str:
    rng = ctx.rng
    d = "04" + "".join(str(rng.randint(0, 9)) for _ in range(8)) if rng.random() < 0.7 else \
        "0" + rng.choice("2378") + "".join(str(rng.randint(0, 9)) for _ in range(8))
    if ctx.st.words:
        return digits_spoken(d[:4], rng) + " " + digits_spoken(d[4:7], rng) + " " + digits_spoken(d[7:], rng)
    return f"{d[:4]} {d[4:7]} {d[7:]}" if rng.random() < 0.8 else d


def email(ctx: Ctx) -> str:
    rng = ctx.rng
    f, l = ctx.cache.get("caller", ctx.names.pick(rng))
    f, l = re.sub(r"[^a-z]", "", f.lower()), re.sub(r"[^a-z]", "", l.lower())
    user = rng.choice([f"{f}.{l}", f"{f}{l}", f"{f[:1]}{l}", f"{f}{rng.randint(1, 99)}", f"{f}_{l}", f"{l}{f[:1]}"])
    dom = rng.choice(["gmail.com", "outlook.com", "hotmail.com", "bigpond.com", "icloud.com", "yahoo.com.au", "optusnet.com.au"])
    if ctx.st.words:
        if rng.random() < 0.4:
            user = re.sub(r"[a-z]+", lambda m: " ".join(m.group(0)) if rng.random() < 0.6 else m.group(0), user)
        u = user.replace(".", " dot ").replace("_", " underscore ")
        u = re.sub(r"(\d+)", lambda m: n2w(int(m.group(1))), u)
        return f"{u} at {dom.replace('.', ' dot ')}"
    return f"{user}@{dom}"


def time_s(ctx: Ctx) -> str:
    rng = ctx.rng
    h, m = rng.randint(7, 18), rng.choice([0, 0, 15, 30, 45, 10, 20, 40, 50])
    h12 = h if h <= 12 else h - 12
    if ctx.st.words:
        if m == 0:
            return rng.choice([f"{n2w(h12)} o'clock", f"{n2w(h12)}", f"{n2w(h12)} {rng.choice(['am', 'pm', 'in the morning'])}"])
        return f"{n2w(h12)} {n2w(m) if m >= 10 else 'oh ' + n2w(m)}" if rng.random() < 0.8 else f"half past {n2w(h12)}"
    ap = "am" if h < 12 else "pm"
    return f"{h12}:{m:02d}" + (f" {ap}" if rng.random() < 0.4 else "") if m or rng.random() < 0.5 else f"{h12}{ap}"


def price(ctx: Ctx) -> str:
    rng = ctx.rng
    v = rng.choice([rng.randint(20, 400), rng.randint(1, 30) * 10, rng.randint(100, 3000)])
    if ctx.st.words:
        return n2w(v) + " dollars" + (" fifty" if rng.random() < 0.1 else "")
    return f"${v}" + (".50" if rng.random() < 0.1 else "")


def date_s(ctx: Ctx, dob: bool = False) -> str:
    rng = ctx.rng
    d, mo = rng.randint(1, 28), rng.choice(MONTHS)
    y = rng.randint(1940, 2015) if dob else rng.randint(2024, 2026)
    if ctx.st.words:
        yw = n2w(y) if y < 2000 or y >= 2010 or rng.random() < 0.5 else "two thousand and " + n2w(y - 2000)
        if y >= 2010 and rng.random() < 0.5:
            yw = "twenty " + n2w(y - 2000)
        day = ORDS[d - 1] if d <= 20 else "twenty " + ORDS[d - 21] if d < 30 else "thirtieth"
        return rng.choice([f"the {day} of {mo}", f"{day} of {mo}", f"{mo} {day}"]) + (f" {yw}" if dob or rng.random() < 0.3 else "")
    s = rng.choice([f"{d} {mo.title()}", f"{d}/{MONTHS.index(mo) + 1}", f"{mo.title()} {d}"])
    return s + (f" {y}" if "/" not in s else f"/{y}") if dob or rng.random() < 0.3 else s


def ref(ctx: Ctx) -> str:
    rng = ctx.rng
    s = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(rng.randint(1, 3))) + str(rng.randint(1000, 999999))
    if ctx.st.words:
        return " ".join(c.lower() if c.isalpha() else ONES[int(c)] for c in s)
    return s


def fmt_biz(ctx: Ctx, pattern: str) -> str:
    rng = ctx.rng
    out = pattern
    while "{SUR}" in out:
        out = out.replace("{SUR}", title_name(ctx.names.pick(rng)[1]), 1)
    while "{FIRST}" in out:
        out = out.replace("{FIRST}", title_name(ctx.names.pick(rng)[0]), 1)
    out = out.replace("{SUB}", title_place(rng.choice(SUBURBS))).replace("{STN}", title_place(rng.choice(STREET_NAMES)))
    return out


def bare_street(ctx: Ctx) -> str:
    rng = ctx.rng
    nm = rng.choice(STREET_NAMES) if rng.random() < 0.5 else ctx.names.pick(rng)[rng.randint(0, 1)]
    t = rng.choice(STREET_TYPES)
    return f"{title_place(nm)} {t[1]}"


def health_phrase(ctx: Ctx, kind: str) -> str:
    rng = ctx.rng
    lists = {"COND": COND_BARE, "SYM": SYMPTOMS, "MED": MEDS, "PROC": PROCEDURES, "TEST": TESTS,
             "DIS": DISABILITY, "DISA": DIS_ADJ, "PREG": PREGNANCY, "INJ": INJURIES, "MH": MENTAL}
    if kind == "H":
        kind = rng.choice([k for k in lists if k != "DISA"])
    p = rng.choice(lists[kind])
    if kind == "MED" and rng.random() < 0.2:
        p = f"{p} {rng.choice(['five hundred', 'twenty', 'forty', 'ten', 'one hundred'])} {rng.choice(['milligrams', 'mg', 'mil'])}" if ctx.st.words \
            else f"{p} {rng.choice(['500', '20', '40', '10', '100'])}mg"
    if kind == "PREG" and not ctx.st.words:
        p = p.replace("twenty weeks", "20 weeks").replace("thirty two weeks", "32 weeks").replace("eight weeks", "8 weeks") if rng.random() < 0.5 else p
    return p


def bare_health(p: str) -> str:
    return re.sub(r"^(a|an|the) ", "", p)


def _upper_acr(s: str) -> str:
    acr = {"ms", "mnd", "adhd", "ocd", "ptsd", "copd", "ibs", "pcos", "hiv", "uti", "dvt", "tmj", "mri", "ct", "ecg",
           "eeg", "psa", "hrt", "acl", "cpap", "ivf", "ndis", "hba1c", "brca", "dexa", "pet"}
    return " ".join(w.upper() if w in acr else w for w in s.split(" "))


def health_text(ctx: Ctx, p: str) -> str:
    if ctx.st.lower:
        return p
    return _upper_acr(p) if ctx.rng.random() < 0.8 else p


class Builder:
    """Fills one template into labelled segments."""

    SLOT = re.compile(r"\{([A-Z_0-9]+)\}")

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx

    def person(self, key: str) -> tuple[str, str]:
        c = self.ctx.cache
        if key not in c:
            c[key] = self.ctx.names.pick(self.ctx.rng)
        return c[key]

    def slot(self, name: str) -> list[Seg]:
        ctx, rng, st = self.ctx, self.ctx.rng, self.ctx.st
        c = ctx.cache
        P = "PERSON"
        if name in ("PF", "PL", "PN", "PSP", "PFSP", "PSPHINT", "NICK", "ALTL"):
            f, l = self.person("caller")
            if name == "PF":
                return [(person_text(ctx, f), P)]
            if name == "PL":
                return [(person_text(ctx, l), P)]
            if name == "PN":
                if rng.random() < 0.08:
                    m = self.person("middle")[0]
                    return [(person_text(ctx, f"{f} {m} {l}"), P)]
                return [(person_text(ctx, f"{f} {l}"), P)]
            if name == "PSP":
                return [(spelled(ctx, l), P)]
            if name == "PFSP":
                return [(spelled(ctx, f), P)]
            if name == "PSPHINT":
                letters = [ch for ch in l.lower() if ch.isalpha()]
                hint = rng.choice(["an", "a"]) + " " + (letters[-1] if letters else "e") + " on the end"
                return [(hint, None)]
            if name == "NICK":
                return [(person_text(ctx, f[: max(2, len(f) // 2 + 1)]), P)]
            if name == "ALTL":
                alt = l[:-1] + rng.choice("aeiosy") if len(l) > 3 else l + "e"
                return [(person_text(ctx, alt), P)]
        if name in ("AG",):
            return [(person_text(ctx, self.person("agent")[0]), P)]
        if name in ("TPN", "TPF"):
            f, l = self.person("third")
            if name == "TPF":
                return [(person_text(ctx, f), P)]
            if rng.random() < 0.3:
                return [(person_text(ctx, f"{f} {self.person('caller')[1]}"), P)]
            return [(person_text(ctx, f"{f} {l}"), P)]
        if name in ("DRL", "DRN"):
            f, l = self.person("doctor")
            return [(person_text(ctx, l if name == "DRL" else f"{f} {l}"), P)]
        if name in ("RF", "RF2", "RL", "RN"):
            f, l = self.person(name + str(rng.randint(0, 1)))
            v = {"RF": f, "RF2": f, "RL": l, "RN": f"{f} {l}"}[name]
            return [(person_text(ctx, v), P)]
        if name == "TITLE":
            t = rng.choice(["mr", "mrs", "ms", "dr", "miss"])
            return [(t if st.lower else t.title() + ("." if st.punct and rng.random() < 0.3 else ""), None)]
        if name == "LETTER":
            return [(rng.choice("abcdefghijklmnopqrstuvwxyz") if st.lower else rng.choice("ABCDEFGHIJKLMNOPRSTUVWY"), None)]
        if name in ("LOC", "LOC2"):
            return [(place_text(ctx, rng.choice(SUBURBS)), "LOCATION")]
        if name == "CITY":
            return [(place_text(ctx, rng.choice(CITIES)), "LOCATION")]
        if name == "OVS":
            return [(place_text(ctx, rng.choice(OVERSEAS)), "LOCATION")]
        if name == "STATE":
            s = rng.choice(STATES)
            return [(s[2] if st.lower or rng.random() < 0.5 else s[1], None)]
        if name in ("ADDR", "ADDR2"):
            return [(make_address(ctx, True), "STREET_ADDRESS")]
        if name == "ADDRS":
            return [(make_address(ctx, False), "STREET_ADDRESS")]
        if name == "UNITNUM":
            return [(number_spoken(rng.randint(1, 30), rng) if st.words else str(rng.randint(1, 30)), "STREET_ADDRESS")]
        if name in ("H", "COND", "SYM", "SYM2", "MED", "MED2", "PROC", "TEST", "DIS", "DISA", "PREG", "INJ", "MH", "COND2"):
            p = health_phrase(ctx, name.rstrip("2"))
            return [(health_text(ctx, p), "HEALTH")]
        if name in ("COND_BARE", "MH_BARE", "DIS_BARE"):
            src = {"COND_BARE": COND_BARE, "MH_BARE": MENTAL, "DIS_BARE": DISABILITY}[name]
            return [(health_text(ctx, bare_health(rng.choice(src))), "HEALTH")]
        if name in ("LAY", "LAY2"):
            p = rng.choice(LAY_HEALTH)
            if name == "LAY2":
                p = re.sub(r"^(done|put|fell|broke|tore|rolled|cracked|chipped|knocked|pulled|jarred|hurt) ", lambda m: m.group(1) + " ", p)
            return [(health_text(ctx, p), "HEALTH")]
        if name == "W":
            w = rng.choice(ctx.names.common) if rng.random() < 0.6 else rng.choice(CALL_WORDS)
            return [(w if st.lower or rng.random() < 0.8 else w.title(), None)]
        if name == "SALAD":
            ws = [rng.choice(ctx.names.common) if rng.random() < 0.7 else rng.choice(CALL_WORDS) for _ in range(rng.randint(4, 13))]
            txt = " ".join(ws)
            return [(txt + ("." if st.punct and not st.lower else ""), None)]
        if name == "JOB":
            j = rng.choice(ctx.names.jobs)
            return [(lit_style(j, st, rng), None)]
        if name == "COMPANY":
            if rng.random() < 0.5:
                c2 = rng.choice(ctx.names.companies)
            else:  # made-up trading names of capitalised ordinary words
                ws = [rng.choice(ctx.names.common + CALL_WORDS).title() for _ in range(rng.randint(1, 2))]
                c2 = " ".join(ws + [rng.choice(BIZ_SUFFIX)])
            return [(lit_style(c2.lower() if st.lower else c2, st, rng), None)]
        if name == "PET":
            pt = rng.choice(PETS)
            return [(pt if st.lower else pt.title(), None)]
        if name == "OTCMED":
            m = rng.choice(["panadol", "nurofen", "ventolin", "voltaren", "panadeine", "codral", "claratyne",
                            "telfast", "gaviscon", "imodium", "mylanta", "sudafed", "panadol osteo", "nurofen zavance"])
            return [(health_text(ctx, m if st.lower else m.title()), "HEALTH")]
        if name == "DISA2":
            return [(health_text(ctx, rng.choice(["a wheelchair", "a wheelchair full time", "a power chair", "a moon boot", "a cast", "a neck brace", "a walking frame"])), "HEALTH")]
        if name in ("ONP", "ONP2"):
            return [(lit_style(rng.choice(O_NP), st, rng), None)]
        if name == "OADJ":
            return [(lit_style(rng.choice(O_ADJ), st, rng), None)]
        if name == "OIN":
            return [(lit_style(rng.choice(O_IN), st, rng), None)]
        if name == "OLIVE":
            return [(lit_style(rng.choice(O_LIVE), st, rng), None)]
        if name == "ONEED":
            return [(lit_style(rng.choice(O_NEED), st, rng), None)]
        if name == "OWORD":
            return [(lit_style(rng.choice(OWORDS), st, rng), None)]
        if name == "SENS":
            return [(lit_style(rng.choice(SENSITIVE_O), st, rng), None)]
        if name == "BRAND":
            b = rng.choice(BRANDS)
            return [(b.lower() if st.lower else b, None)]
        if name in ("QTY", "QTY2"):
            q = rng.choice(QTYS)
            if not st.words:
                q = re.sub(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty five|ninety five|a hundred)\b",
                           lambda m: {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                                      "eight": "8", "nine": "9", "ten": "10", "twelve": "12", "fifteen": "15", "twenty": "20",
                                      "thirty": "30", "forty five": "45", "ninety five": "95", "a hundred": "100"}[m.group(1)] if rng.random() < 0.7 else m.group(1), q)
            return [(lit_style(q, st, rng), None)]
        if name == "PERIOD":
            return [(rng.choice(["week", "fortnight", "month", "year", "session", "visit"]), None)]
        if name in ("MEDICARE", "TFN", "ABN", "CARD", "CVV", "BSB", "ACCOUNT", "FOUR", "DIGIT"):
            groups = {"MEDICARE": [4, 5, 1], "TFN": [3, 3, 3], "ABN": [2, 3, 3, 3], "CARD": [4, 4, 4, 4], "CVV": [3],
                      "BSB": [3, 3], "ACCOUNT": [rng.randint(6, 9)], "FOUR": [4], "DIGIT": [1]}[name]
            ds = ["".join(str(rng.randint(0, 9)) for _ in range(g)) for g in groups]
            if st.words:
                return [((", " if st.punct and rng.random() < 0.3 else " ").join(digits_spoken(d, rng) for d in ds), None)]
            sep = "-" if name == "BSB" else " "
            return [(sep.join(ds) if rng.random() < 0.8 else "".join(ds), None)]
        if name == "EXPIRY":
            m, y = rng.randint(1, 12), rng.randint(25, 31)
            if st.words:
                return [(rng.choice([f"{digits_spoken(f'{m:02d}', rng)} {n2w(y)}", f"{MONTHS[m - 1]} twenty {n2w(y)}",
                                     f"{n2w(m)} {n2w(y)}"]), None)]
            return [(f"{m:02d}/{y}", None)]
        if name == "REGO":
            r = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + str(rng.randint(10, 999))
            return [(" ".join(c.lower() if c.isalpha() else ONES[int(c)] for c in r) if st.words else r, None)]
        if name == "YEAR":
            y = rng.randint(1950, 2025)
            return [(n2w(y) if st.words else str(y), None)]
        if name == "SPELLEMAIL":
            f, l = self.person("caller")
            f2 = re.sub(r"[^a-z]", "", f.lower())
            l2 = re.sub(r"[^a-z]", "", l.lower())
            dom = rng.choice(["gmail dot com", "outlook dot com", "hotmail dot com", "bigpond dot com", "icloud dot com"])
            user = " ".join(f2) if rng.random() < 0.5 else f2
            if rng.random() < 0.6:
                user += " dot " + (" ".join(l2) if rng.random() < 0.5 else l2)
            return [(f"{user} at {dom}" if st.words or st.lower else f"{f2}.{l2}@{dom.replace(' dot ', '.')}", None)]
        if name == "BODY":
            return [(rng.choice(BODY), None)]
        if name == "REL":
            return [(rng.choice(RELATIONS), None)]
        if name == "BIZ":
            if "biz" not in c:
                c["biz"] = fmt_biz(ctx, rng.choice(ctx.ind["biz"]))
            b = c["biz"]
            b = b.lower() if st.lower else b
            return [(b.replace("&", "and") if not st.punct else b, None)]
        if name == "SVC":
            s = rng.choice(ctx.ind["svc"]).replace("{FIRST}", "{RF}")
            segs = self.fill(s)
            return segs
        if name == "INDWORD":
            return [(rng.choice(["dental", "physio", "medical", "skin", "podiatry", "chiro", "fertility", "sleep",
                                 "eye", "hearing", "pain", "women's health", "cancer care"]), None)]
        if name == "OTC":
            return [(rng.choice(OTC) if st.lower else title_place(rng.choice(OTC)), None)]
        if name == "TIME":
            return [(time_s(ctx), None)]
        if name == "DAY":
            d = rng.choice(DAYS + ["tomorrow", "today", "next week"])
            return [(d if st.lower else d.title() if d in DAYS else d, None)]
        if name == "MONTH":
            m = rng.choice(MONTHS)
            return [(m if st.lower else m.title(), None)]
        if name == "DATE":
            return [(date_s(ctx), None)]
        if name == "DOB":
            return [(date_s(ctx, dob=True), None)]
        if name == "ORD":
            return [(rng.choice(ORDS) if st.words else str(rng.randint(1, 28)) + "th", None)]
        if name == "PRICE":
            return [(price(ctx), None)]
        if name == "PHONE":
            return [(phone(ctx), None)]
        if name == "EMAIL":
            return [(email(ctx), None)]
        if name == "REF":
            return [(ref(ctx), None)]
        if name == "NUM":
            n = rng.randint(5, 90)
            return [(n2w(n) if st.words else str(n), None)]
        if name == "STREET":
            s = bare_street(ctx)
            return [(s.lower() if st.lower else s, None)]
        raise KeyError(name)

    def fill(self, template: str) -> list[Seg]:
        ctx = self.ctx
        segs: list[Seg] = []
        pos = 0
        for m in self.SLOT.finditer(template):
            if m.start() > pos:
                segs.append((lit_style(template[pos:m.start()], ctx.st, ctx.rng), None))
            segs.extend(self.slot(m.group(1)))
            pos = m.end()
        if pos < len(template):
            segs.append((lit_style(template[pos:], ctx.st, ctx.rng), None))
        # a cased turn starts with a capital even when it opens with a slot
        return segs


FILLER_WORDS = ["um", "uh", "um", "like", "yeah", "you know", "ah", "er", "so"]


def add_fillers(segs: list[Seg], st: Style, rng: random.Random) -> list[Seg]:
    """Drop hesitation words between words of unlabelled text."""
    if st.fillers <= 0:
        return segs
    out: list[Seg] = []
    for text, lab in segs:
        if lab is not None or " " not in text:
            out.append((text, lab))
            continue
        words = text.split(" ")
        new = []
        for i, w in enumerate(words):
            new.append(w)
            if w and i < len(words) - 1 and rng.random() < st.fillers:
                fw = rng.choice(FILLER_WORDS)
                new.append(fw if st.lower else fw)
        out.append((" ".join(new), lab))
    return out


def build_doc(names: NamePool, rng: random.Random, style_kind: str | None = None) -> tuple[str, list[tuple[int, int, str]]]:
    """One short stretch of a call: text and (start, end, label) spans."""
    kind = style_kind or rng.choices(["lower", "cased", "mixed"], [0.55, 0.25, 0.20])[0]

    def mk_style() -> Style:
        if kind == "lower":
            return Style(True, rng.random() < 0.08, rng.random() < 0.85, rng.random() < 0.8, rng.choice([0, 0.02, 0.05]), True)
        if kind == "cased":
            return Style(False, True, rng.random() < 0.1, rng.random() < 0.8, rng.choice([0, 0, 0.02]), True)
        return Style(rng.random() < 0.5, rng.random() < 0.5, rng.random() < 0.5, rng.random() < 0.75,
                     rng.choice([0, 0.03]), rng.random() < 0.8)

    base = mk_style()
    industry = rng.choice(sorted(INDUSTRIES))
    ctx = Ctx(rng, base, names, industry, INDUSTRIES[industry])
    b = Builder(ctx)
    pools = {k: globals()[k] for k in ORDER}
    pools["HEALTH_NEG"] = HEALTH_NEG
    pools["FILLER"] = FILLER
    pools["CHAT"] = CHAT
    pools["NEG_T"] = NEG_T
    pools["NUM_T"] = NUM_T
    pools["SALAD_T"] = SALAD_T
    pools["WORD_T"] = WORD_T
    pools["PET_T"] = PET_T
    # choose blocks
    n_blocks = rng.choice([1, 2, 2, 3, 3, 4, 5])
    weights = {"GREET": 0.7, "CALLER_INTRO": 1.0, "NAME_ASK": 1.6, "THIRD_PARTY": 1.0, "HEALTH_T": 1.6,
               "LOCATION_T": 1.0, "ADDRESS_T": 1.0, "CONTACT": 0.6, "SCHED": 0.6, "READBACK": 1.0,
               "HEALTH_NEG": 0.6, "FILLER": 0.9}
    keys = sorted(weights)
    chosen = set()
    while len(chosen) < n_blocks:
        chosen.add(rng.choices(keys, [weights[k] for k in keys])[0])
    order = [k for k in ORDER if k in chosen]
    extras = [k for k in ("HEALTH_NEG", "FILLER") if k in chosen]
    # most of a real call carries no entity: add unlabelled turns to every document
    extras += rng.choices(["CHAT", "NEG_T", "NUM_T", "FILLER", "HEALTH_NEG", "SVC_T", "SALAD_T", "WORD_T", "PET_T"],
                          [3, 3, 2.5, 1, 1, 1.5, 2, 2.5, 0.6], k=rng.choice([1, 1, 2, 2, 3, 3, 4, 5]))
    for extra in extras:
        order.insert(rng.randint(0, len(order)), extra)
    turns: list[tuple[str, list[Seg]]] = []
    for blk in order:
        if blk == "NAME_ASK":
            tpl = rng.choice(NAME_ASK) + "|" + rng.choice(NAME_ANS)
        elif blk == "SVC_T":
            tpl = rng.choice(["C:", "A:"]) + "{SVC}"
        else:
            tpl = rng.choice(pools[blk])
        for part in tpl.split("|"):
            who = "agent" if part.startswith("A:") else "caller"
            if part[:2] in ("A:", "C:"):
                part = part[2:]
            if kind == "mixed" and rng.random() < 0.3:
                ctx.st = mk_style()
            segs = b.fill(part)
            segs = add_fillers(segs, ctx.st, rng)
            turns.append((who, segs))
    ctx.st = base
    # assemble
    text_parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for i, (who, segs) in enumerate(turns):
        if i:
            sep = "\n" if base.newline else " "
            text_parts.append(sep)
            pos += len(sep)
        if base.prefix:
            pre = f"{who}: "
            text_parts.append(pre)
            pos += len(pre)
        first = True
        for text, lab in segs:
            if first and text and not base.lower and text[0].isalpha() and lab is None:
                text = text[0].upper() + text[1:]
            first = False
            if lab:
                spans.append((pos, pos + len(text), lab))
            text_parts.append(text)
            pos += len(text)
    text = "".join(text_parts)
    text, spans = _squeeze(text, spans)
    if rng.random() < 0.15:
        text, spans = _window(text, spans, rng)
    return text, spans


def _squeeze(text: str, spans: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """Collapse runs of spaces and strip spans, keeping offsets right."""
    keep = []
    for i, ch in enumerate(text):
        if ch == " " and (i == 0 or text[i - 1] in " \n" or i + 1 == len(text) or text[i + 1] in " \n,.?!"):
            continue
        keep.append(i)
    new_index = {}
    for j, i in enumerate(keep):
        new_index[i] = j
    out = "".join(text[i] for i in keep)
    new_spans: list[tuple[int, int, str]] = []
    for s, e, lab in spans:
        idx = [new_index[i] for i in range(s, e) if i in new_index]
        if not idx:
            continue
        ns, ne = idx[0], idx[-1] + 1
        while ns < ne and out[ns] in " ,.":
            ns += 1
        while ne > ns and out[ne - 1] in " ,.":
            ne -= 1
        if ne > ns:
            # "{first} {last}" from two slots is one name: merge same-label spans split by a space
            if new_spans and new_spans[-1][2] == lab and out[new_spans[-1][1]:ns].strip() == "" and "\n" not in out[new_spans[-1][1]:ns]:
                new_spans[-1] = (new_spans[-1][0], ne, lab)
            else:
                new_spans.append((ns, ne, lab))
    return out, new_spans


def _window(text: str, spans: list[tuple[int, int, str]], rng: random.Random):
    """A random stretch of whole words, as a streaming chunker would see it (entities kept whole)."""
    bounds = [m.start() for m in re.finditer(r"(?<=\s)\S", text)]
    bounds = [b for b in bounds if not any(s < b < e for s, e, _ in spans)]
    if len(bounds) < 4:
        return text, spans
    a = rng.choice([0] + bounds[: len(bounds) // 2])
    later = [b for b in bounds if b > a + 20] + [len(text)]
    z = rng.choice(later)
    t = text[a:z].rstrip()
    sp = [(s - a, e - a, l) for s, e, l in spans if s >= a and e <= a + len(t)]
    return t, sp


def generate(n: int, seed: int, names: NamePool | None = None) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """n documents, deterministic in seed."""
    rng = random.Random(seed)
    try:
        from faker import Faker
        Faker.seed(seed)
    except ImportError:  # pragma: no cover
        pass
    names = names or NamePool(seed)
    return [build_doc(names, rng) for _ in range(n)]


def to_docbin(docs, nlp=None):
    import spacy
    from spacy.tokens import DocBin
    nlp = nlp or spacy.blank("en")
    db = DocBin(store_user_data=False)
    dropped = 0
    for text, spans in docs:
        doc = nlp.make_doc(text)
        ents = []
        for s, e, lab in sorted(spans):
            sp = doc.char_span(s, e, label=lab, alignment_mode="expand")
            if sp is None:
                dropped += 1
                continue
            if ents and sp.start < ents[-1].end:
                dropped += 1
                continue
            ents.append(sp)
        doc.ents = ents
        db.add(doc)
    return db, dropped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="models/_work")
    ap.add_argument("--train", type=int, default=22000)
    ap.add_argument("--dev", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--jsonl", help="write the train docs as JSONL here instead (for inspection)")
    a = ap.parse_args(argv)
    names = NamePool(a.seed)
    if a.jsonl:
        with open(a.jsonl, "w") as f:
            for text, spans in generate(a.train, a.seed, names):
                f.write(json.dumps({"text": text, "spans": [{"start": s, "end": e, "label": l} for s, e, l in spans]}) + "\n")
        return 0
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    train = generate(a.train, a.seed, names)
    dev = generate(a.dev, a.seed + 1000, NamePool(a.seed + 1000))
    for name, docs in (("train", train), ("dev", dev)):
        db, dropped = to_docbin(docs)
        db.to_disk(out / f"{name}.spacy")
        with open(out / f"{name}.jsonl", "w") as f:
            for text, spans in docs:
                f.write(json.dumps({"text": text, "spans": [{"start": s, "end": e, "label": l} for s, e, l in spans]}) + "\n")
        n_ents = sum(len(s) for _, s in docs)
        print(f"{name}: {len(docs)} docs, {n_ents} entities, {dropped} misaligned dropped -> {out / (name + '.spacy')}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
