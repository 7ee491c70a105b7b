"""Held-out news: hand-spun texts the lexicons were not written from.

Every `<name>.spun.txt` in corpora/news has its original in `<name>.reference.txt`.
The word errors of the repaired texts, summed over all pairs present, are pinned.
"""

import pytest
from conftest import CORPORA

from unspin import plausibility, repair
from unspin.score import word_errors

NEWS = CORPORA / "news"
PAIRS = sorted(
    (spun, spun.with_name(spun.name.replace(".spun.txt", ".reference.txt")))
    for spun in NEWS.glob("*.spun.txt")
)
# Pinned at the level reached; lower it when the lexicons improve, raise it only to take in new pairs
# or for a rule that corpora/news/README.md explains (closed quotations: 3127 -> 3156;
# round 30's five pairs: 3156 -> 3327, --ngram 3040 -> 3200;
# round 31's five pairs, measured on the code they were written against: 3324 -> 3476, --ngram 3197 -> 3342;
# round 32's five pairs, likewise: 3425 -> 3572, --ngram 3290 -> 3427;
# round 33's five pairs, measured on 52696e4: 3515 -> 3656, --ngram 3369 -> 3503;
# round 34's five pairs, measured on 69c5cc0: 3531 -> 3731, --ngram 3388 -> 3572;
# round 35's five pairs, measured on 83c7bc3: 3711 -> 3914, --ngram 3550 -> 3738;
# round 36's five pairs, measured on 128e98a: 3883 -> 4062, --ngram 3718 -> 3883;
# round 37's five pairs, measured on eda4ab5: 4032 -> 4223, --ngram 3853 -> 4035;
# round 38's five pairs, measured on d9c893b: 4203 -> 4434, --ngram 4017 -> 4228;
# round 39's five pairs, measured on f53bf6a: 4329 -> 4568, --ngram 4121 -> 4347;
# round 40's five pairs, measured on 400b457: 4251 -> 4433, --ngram 4087 -> 4257;
# spin evidence taken back from 34 entries whose clean sentences it changed in spun
# documents, 'it remains to be seen', 'forged an alliance': 4433 -> 4582, --ngram 4257 -> 4369;
# exclusions for 37 such entries that still broke their clean sentences: 4593, --ngram 4380;
# round 41's five pairs, measured on f0cdcca: 4593 -> 4751, --ngram 4380 -> 4532;
# round 42's five pairs, measured on 10119f7: 4751 -> 4978, --ngram 4532 -> 4750;
# round 42's general habits (7d8bad4): 4962, --ngram 4734;
# round 43's five pairs, measured on ba06804 (249 of them): 4962 -> 5211, --ngram 4734 -> 4976;
# round 43's general habits and the breadth entries of sports, education, technology, health,
# weather and institutions: 5173, --ngram 4942;
# round 44's five pairs, written blind on ba06804, measured on 03f0744 (200 of them;
# 203 on ba06804): 5173 -> 5373, --ngram 4942 -> 5137;
# round 44's general habits, words swapped back inside phrases as echoes: 5320, --ngram 5085;
# round 45's five pairs, measured on 09a51ef (268 of them, the same on 9398355): 5320 -> 5588, --ngram 5085 -> 5343;
# round 45's general habits, entries that yield to another: 5534, --ngram 5295;
# round 47's five pairs, measured on 43dbded (231 of them): 5534 -> 5765, --ngram 5295 -> 5518;
# "this system" -> the program, rest area, reach an agreement: 5735, --ngram 5488;
# round 47's general habits, officers, meals, towards, "so as to add": 5692, --ngram 5445;
# round 49's five pairs, written blind on 0091811 (222 there and on e5153ab): 5692 -> 5914, --ngram 5445 -> 5662;
# round 49's general habits, summer season, very own, authorised: 5880, --ngram 5629;
# round 51's five pairs, written blind on d87b11f (247 there, 246 on bfc9396): 5880 -> 6126, --ngram 5629 -> 5862;
# round 51's general habits: 6104, --ngram 5842;
# round 53's five pairs, written blind on eefb425 (227 there and on 71ca418): 6104 -> 6331, --ngram 5842 -> 6056;
# round 53's general habits: 6297, --ngram 6032;
# round 55's five pairs, written blind on e23f874 (196 there and on its renaming): 6297 -> 6493, --ngram 6032 -> 6220;
# round 55's general habits: 6480, --ngram 6207;
# round 57's five pairs, written blind on 6192b9a (218 there and on 654caf8): 6480 -> 6698, --ngram 6207 -> 6418;
# round 57's general habits: 6685, --ngram 6405;
# rounds 46, 48, 50, 52, 54, 56 and 58, written blind through the session and taken in unread
# at its end (3547 -> 1578 on eb2a531, the final lexicons): 6685 -> 8263, --ngram 6405 -> 7915;
# context read with the repairs beside a candidate made: 8184, --ngram 7842;
# commission, Department of, the agency, and seven more entries that spin evidence suffices for: 8048, --ngram 7723;
# accredited, supplied, guests, strolling, beginning pay and dates, present how, has employed: 7971, --ngram 7640;
# launched reports, will shut, a transfer that, different before a plural, a Texas firm: 7906, --ngram 7588;
# spin evidence suffices for native, knowledge, normally, many years, giant; an amount after "as much as",
# "the girl" in a story with no child: 7809, --ngram 7512;
# brand new, enterprise, occasion, out of doors, darkish; lots of, no less than, the climate, up to now two years: 7740,
# --ngram 7481;
# together with his son, milk and oil costs, water and sewer charges: 7706, --ngram 7440;
# rounds 59 and 60, written blind in the seventeenth session and taken in unread (998 -> 413 on 96cdcb3):
# 7706 -> 8119, --ngram 7440 -> 7846;
# body shops and armor, electricity restored, charges a case led to, shopping centers, aging, the NCAA
# Tournament, U.S. Highway, the Red Cross, pc, customers of a utility: 8100, --ngram 7827;
# "on the plant" and other places in lower case, "on the time of": 8075, --ngram 7802;
# rounds 61 and 62, written blind in the seventeenth session and taken in unread (973 -> 331 on c18ae51):
# 8075 -> 8406, --ngram 7802 -> 8118; "medical clinics" no longer a tortured phrase for hospitals
# (shelter-61's reference has them): 8404, --ngram 8116;
# exclusions read with the repairs beside a candidate made: 8401, --ngram 8113;
# rounds 63 and 64, written blind in the eighteenth session and taken in unread (1204 -> 494 on a5803d8):
# 8401 -> 8895, --ngram 8113 -> 8583; "3rd" outside names, Might before a day or after "from",
# "the pores and skin", Bowling Inexperienced, the maximum high quality: 8878, --ngram 8567;
# rounds 65 and 66, written blind in the eighteenth session (1221 -> 448 on 4f475b1), taken in with
# the entries written from them (Could and Might inside a sentence, Accomplice monuments, Freeway 15,
# a price range presentation, preliminary public choices, critically in poor health, youthful than,
# on the poll, no highway overpass): 9301, --ngram 8965;
# the U.S. Justice Division; spin evidence suffices for "together with" (including): 9248, --ngram 8912;
# rounds 67 and 68, written blind in the eighteenth session and taken in unread (1021 -> 421 on fb9b832):
# 9248 -> 9669, --ngram 8912 -> 9328; a prison file, getting old locks, a manufacturing unit,
# the Advertising and marketing Committee, insurance coverage fraud, the minimal sentence, a county
# Historic Society: 9637, --ngram 9296; no join that takes the first words of a later phrase: 9634,
# --ngram 9293; "testified on the hearing": 9633, --ngram 9292;
# rounds 69 and 70, written blind at the session's end and taken in unread (1192 -> 467 on 81b51bc):
# 9633 -> 10100, --ngram 9292 -> 9739); in the nineteenth session, single words and phrases the
# spinner writes for everyday ones (sporting, altering, round 3 a.m., partitions, stuffed, lined,
# a challenge that will cost, luggage, lodge rooms, telephones, midday, an outdoor firm, a gathering
# on the plan, carry a hearing, a bunch of parents, insurance coverage, householders, the declare,
# the sting of town, lethal, instructor, minimal, nook, facet, the Nice Lakes ...): 9901, --ngram 9526;
# permits the county to ask, a workforce of a dozen or in a game, acquired 400 complaints, the
# undertaking is expected to cost, winter guests, a skating membership: 9882, --ngram 9507;
# rounds 71-74, written blind in the nineteenth session (2147 -> 979 on 089aa1a), taken in after
# the entries written from them: 9882 -> 10807, --ngram 9507 -> 10380; "had been already" (were
# already), "throughout Idaho" (across), confronted up to 20 years (faced), a contract value
# $100 million (worth), the Home handed (passed), up to date its guidance, signs and symptoms,
# ordinals below 10 (4th -> fourth), properly previous midnight (well past): 10764, --ngram 10328;
# photographs fired, canceled courses, a neighborhood hospital, no menace to, informed to boil,
# 100,000 clients without power; "the Navy" in capitals no longer "the Military": 10762, --ngram 10326;
# has harm (hurt), Republicans management the Senate, the New Hampshire major, nothing mistaken,
# $200 billion in American items: 10758, --ngram 10323; rounds 75 and 76, written blind in the
# nineteenth session (1124 -> 484 on 089aa1a), taken in after entries written partly from round 75:
# 10758 -> 11225, --ngram 10323 -> 10768; journey after "on" (travel), cover hire (rent), his client
# is harmless in a court story (innocent), the very best infection rate (highest): 11214, --ngram 10756;
# rounds 77 and 78, written blind at the session's end and taken in unread (1173 -> 478 on f752c35
# and after): 11214 -> 11692, --ngram 10756 -> 11212.  Twentieth session: rounds 79 and 80, written
# blind and taken in unread (1252 -> 505 on ccabcb4, news entries unchanged since 6fac326):
# 11692 -> 12197, --ngram 11212 -> 11697.  Twenty-first session: "an analyst on the research
# firm" (at), and a repair within 12 characters, not 6, changes what a condition reads ("a invoice
# that might": would): 12159, --ngram 11668; "throughout the repairs" (during) before a period,
# a stretch or a check; "the bus had been" is no plural's: 12141, --ngram 11651; "from the 12 months
# earlier than" (the year before), "the eighth straight 12 months", "the mall which as soon as held"
# (once), "voted to take away 11 books" (remove), "in lower than four minutes" (less), "…, in
# response to the health department." (according to): 12042, --ngram 11552; "the primary warning
# signs", "a primary offense", "who was primary elected" (first): 12014, --ngram 11524; "mentioned
# her 8-year-old son has", "mentioned in a written response" (said), "the corporate earned" and
# "pays the corporate about" (the company): 11987, --ngram 11497; "allowed again into their homes",
# "hit the again of a pickup" (back): 11978, --ngram 11488; rounds 81 and 82, written blind at the
# session's start and taken in unread (1050 -> 425 on 1687a6c, 419 on the session's news entries):
# 11978 -> 12397, --ngram 11488 -> 11876; from their residuals: "they don't seem to be handled"
# (are not), "lively tuberculosis" (active), "a skinny black crust" (thin), "would make investments
# $185 million" (invest), "a 2019 examine by" (study), "sentencing pointers", "a constructive
# outcome": 12379, --ngram 11860; rounds 83 and 84, written blind in the session and taken in unread
# (928 -> 358 on 1687a6c, 351 on the session's entries): 12379 -> 12730, --ngram 11860 -> 12194.
MAX_ERRORS_AFTER_REPAIR = 12730
# With the n-gram model (extra `ngram`, installed in CI) standing in for some unmet context.
MAX_ERRORS_WITH_NGRAM = 12194


def _read(path):
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("spun, reference", PAIRS, ids=lambda p: p.name)
def test_every_spun_text_has_its_reference(spun, reference):
    assert reference.is_file(), f"{spun.name} has no {reference.name}"


def test_repair_removes_word_errors_from_every_text():
    for spun, reference in PAIRS:
        before = word_errors(_read(spun), _read(reference)).errors
        after = word_errors(repair(_read(spun)), _read(reference)).errors
        assert after < before, f"{spun.name}: {before} → {after} word errors"


def test_word_errors_after_repair_are_pinned():
    assert PAIRS, "corpora/news holds no spun texts"
    errors = sum(word_errors(repair(_read(s)), _read(r)).errors for s, r in PAIRS)
    assert errors <= MAX_ERRORS_AFTER_REPAIR, f"{errors} word errors after repair"


@pytest.mark.skipif(not plausibility.available(), reason="pocketsphinx is not installed (extra: ngram)")
def test_word_errors_with_the_ngram_model_are_pinned():
    errors = sum(word_errors(repair(_read(s), ngram=True), _read(r)).errors for s, r in PAIRS)
    assert errors <= MAX_ERRORS_WITH_NGRAM, f"{errors} word errors after repair with the n-gram model"
