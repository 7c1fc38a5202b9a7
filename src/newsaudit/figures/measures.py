"""What a figure measures: the counted noun, the event, the place and the time frame around it.

Read from the figure's sentence with the small grammar in `figures.phrases`; the result is a
`phrases.Context` whose parts make the measure key (`phrases.key`).
"""

from __future__ import annotations

import math
import re

from newsaudit.config import MONTHS, WEEKDAYS, FiguresConfig
from newsaudit.figures import attribution, lemmas, phrases, shares, units
from newsaudit.figures.phrases import UNKNOWN, Token
from newsaudit.figures.span import DATE_KINDS, Span
from newsaudit.figures.words import WORDS

_MONTHS = "|".join(MONTHS)
_WEEKDAYS = "|".join(WEEKDAYS)
_REPORTED = re.compile(rf"\b(?:{'|'.join(re.escape(v) for v in WORDS.reporting_verbs)})\s+$")
# A level told with a change ("rose to 7%", "climbed 2 points to 7%", "rose from 5 to 7%",
# "up from 5%") or a level verb ("reached 6%", "stood at 6%"), right before the number; a number
# right after "by" or the verb is a change amount ("rose by 2 points", "rose 2%"): no match.
_CHANGE_WORDS = "|".join(re.escape(w) for w in WORDS.change_words)
_LEVEL_WORDS = "|".join(re.escape(w) for w in WORDS.level_verbs)
_LEVEL_BEFORE = re.compile(
    rf"\b(?:(?:{_CHANGE_WORDS})(?:\s+[^\s,;:()]+){{0,6}}?\s+(?:to|at|from)"
    rf"|(?:{_LEVEL_WORDS})(?:\s+at)?)\s+$",
    re.IGNORECASE,
)
_LEVEL_VERB = re.compile(rf"\b(?:{_CHANGE_WORDS}|{_LEVEL_WORDS})\b", re.IGNORECASE)
_CAUSE = re.compile(
    r"\b(?:in|by|from|during|through)\s+(?:[\w-]+\s+){0,2}?"
    rf"({'|'.join(re.escape(n) for n in WORDS.cause_nouns)})(?:e?s)?\b"
)

# A change amount ("jumped 40 per cent", "raised fuel prices by 40%", "a 40% rise in fuel
# prices", "an increase of 5 per cent in wages"): its word's direction, by word.
_DIRECTION = {w: d for d, ws in WORDS.change_amounts.items() for w in ws}
_AMOUNT_WORDS = "|".join(re.escape(w) for w in sorted(_DIRECTION, key=len, reverse=True))
# The amount right after its verb, or after "by" with the verb's object between them.
_AMOUNT_AFTER_VERB = re.compile(
    rf"\b({_AMOUNT_WORDS})(?:(?:\s+[^\s\d,;:()]+){{0,4}}?\s+by)?\s+$", re.IGNORECASE
)
_NOT_OBJECT = frozenset({"to", "at", "from", "of"})
# Word sets the subject and change readers look words up in, built once.
_AUXILIARIES = frozenset(WORDS.auxiliaries)
_BREAKS = frozenset(WORDS.phrase_breaks)
_MEASURE_NOUNS = phrases.measure_nouns()
_SUBJECTS = frozenset(WORDS.subject_synonyms.values())
# Measures the grammar reads on its own, before any stance beside a share (`_answer_of`).
_SPECIFIC_MEASURES = _MEASURE_NOUNS | frozenset(WORDS.measure_synonyms.values())

# Prepositions that attach a year or date to the clause before it ("joined the Reserves in
# 1971", "launched in 2007"): the date relations and "in", "on", "during".
_DATING = re.compile(
    rf"\b(?:{'|'.join(re.escape(w) for w in (*WORDS.date_relations, 'in', 'on', 'during'))})"
    r"\s+$",
    re.IGNORECASE,
)


def _dated_clause(text: str, toks: list[Token], s: Span, sent_start: int) -> list[Token]:
    """The tokens of the clause a year or date in a prepositional phrase dates, left of the
    preposition ("joined the Marine Corps Reserves in 1971 and served": joined ...); [] when
    the date is not so attached or opens its sentence ("In 1970, ... he landed": the clause
    follows)."""
    if s.kind not in DATE_KINDS:
        return []
    m = _DATING.search(text[max(sent_start, s.start - 12) : s.start])
    if not m:
        return []
    at = s.start - (len(text[max(sent_start, s.start - 12) : s.start]) - m.start())
    return [t for t in toks if sent_start <= t.start and t.end <= at]


def _what(
    text: str, toks: list[Token], s: Span, config: FiguresConfig, sent_start: int = 0
) -> tuple[str, tuple[str, ...]]:
    """Event (or object) a unit-figure (year, duration, money, percent...) is about."""
    classes = {**WORDS.date_event_classes, **WORDS.event_classes}
    dated = _dated_clause(text, toks, s, sent_start)
    attached = bool(dated)
    if s.kind in DATE_KINDS:
        classes = dict(WORDS.date_event_classes)
        toks = _past_attribution(text, toks, s, sent_start)
        kept = set(toks)
        dated = [t for t in dated if t in kept]
    # 1. the noun it modifies: "a 2013 rebellion", "decade-long mission", "a decade of operations"
    # (not for a date in a prepositional phrase: "a program launched in 2007 called PRISM")
    after_np = [] if attached else phrases.noun_phrase(text, toks, s.end, config)
    if after_np and (s.kind != "year" or not re.match(r"\s*(?:of)\b", text[s.end :])):
        hits = phrases.class_hits(after_np, classes)
        if hits:
            return hits[0][2], ()
        if s.kind not in DATE_KINDS or not after_np[0].text[:1].isupper() or len(after_np) > 1:
            thing, mods = phrases.thing_of(after_np, config, names=True)
            if thing and thing not in WORDS.duration_units:
                return thing, mods
    if s.kind not in DATE_KINDS:
        left, _ = phrases.clause(text, toks, s.start, s.end)
        noun = _measure_noun(left, s, config, sent_start) or _level_noun(
            text, toks, s, sent_start, config
        )
        if noun:
            return noun, ()
    window = config.date_event_window if s.kind in (*DATE_KINDS, "duration") else 8
    # A physical amount belongs to the nearest event on either side ("6,500 people had been
    # evacuated and 21,000 hectares had burned"); dates and money to the one before them.
    event = phrases.nearest_class(
        toks,
        s.start,
        s.end,
        classes,
        window,
        prefer_left=s.kind != "quantity",
        stop_right=frozenset({"to"}),
        ignore=WORDS.event_ignore,
    )
    if not event and s.kind in DATE_KINDS:
        # "Since 2013, thousands of people have been killed in attacks": the dated event may sit
        # past the subject; look twice as far, still stopping at a purpose clause.
        event = phrases.nearest_class(
            toks,
            s.start,
            s.end,
            classes,
            2 * window,
            prefer_left=True,
            stop_right=frozenset({"to"}),
            ignore=WORDS.event_ignore,
        )
    if event:
        return event, ()
    # A date in a prepositional phrase dates the verb before it ("joined the Marine Corps
    # Reserves in 1971 and served": joined, not served); else the nearest verb on either side.
    verb = phrases.nearest_verb(dated, s.start, s.end, config) if dated else ""
    return verb or phrases.nearest_verb(toks, s.start, s.end, config), ()


def _past_attribution(text: str, toks: list[Token], s: Span, sent_start: int) -> list[Token]:
    """The sentence's tokens outside its attribution clauses (`attribution.outside`): "The
    lawsuit said he was fired in 2015" dates the firing, not the lawsuit."""
    if not toks:
        return toks
    sentence = text[sent_start : toks[-1].end]
    out = attribution.outside(sentence, text[s.start : s.end])
    return [t for t in toks if out[t.start - sent_start] != " "]


def _measure_noun(left: list[Token], s: Span, config: FiguresConfig, sent_start: int) -> str:
    """A quantity noun written with the number: "magnitude 6.8", "7.1-magnitude", "turnout was
    61%" (as the subject of the clause), folded by `measure_synonyms` ("the jobless rate" ->
    "unemployment"); a generic one with no telling modifier ("a rate of 14%") is UNKNOWN."""
    nouns = set(WORDS.measure_nouns)
    if s.hyphen and _noun(s.hyphen) in nouns:
        return _noun(s.hyphen)
    at = -1
    if left and left[-1].low in nouns:
        at = len(left) - 1
    elif len(left) >= 2 and left[-1].low == "of" and _noun(left[-2].low) in nouns:
        at = len(left) - 2  # "a capacity of 150", "a turnout of 61%"
    else:
        subject = phrases.owner(left, config, sent_start, measure_noun=True)
        if subject and _noun(subject.split()[-1]) in nouns:
            head = _noun(subject.split()[-1])
            hits = [i for i, t in enumerate(left) if _noun(t.low) == head]
            at = hits[-1] if hits else -1
            if at < 0:
                return head
    if at < 0:
        return ""
    return _fold_measure(left, at, config)


def _noun(word: str) -> str:
    """A measure noun as `measure_nouns` lists it (the word or its plural: "rating", "ratings"),
    else the lemma: the crude lemma reads "rating" as a form of "rat"."""
    return lemmas.noun_lemma(word, _MEASURE_NOUNS)


def _level_noun(
    text: str, toks: list[Token], s: Span, sent_start: int, config: FiguresConfig
) -> str:
    """The measure a level told with a change verb is the level of: the subject's noun
    ("unemployment in the region rose from 5 to 7 per cent", "the jobless rate climbed to 7 per
    cent", "the death toll reached 50"), folded as `_fold_measure` does; '' when the number is
    not such a level or its subject names no measure ("the company rose to 5%"). After a comma
    ("reached 6%, up from 5%") the subject is that of the change verb before."""
    m = _LEVEL_BEFORE.search(text, sent_start, s.start)
    if not m:
        return ""
    at = m.start()
    verb = _LEVEL_VERB.match(text, at)
    # A transitive change names the measure as its object ("raised interest rates to 5%").
    between = [t for t in toks if verb and verb.end() <= t.start and t.end <= m.end()][:-1]
    noun = _subject_measure(between, config) if between else ""
    if noun:
        return noun
    for _ in range(2):
        left = phrases.clause(text, toks, at, at + 1)[0]
        noun = _subject_measure(left, config)
        if noun or left:
            return noun
        verbs = list(_LEVEL_VERB.finditer(text, sent_start, at))
        if not verbs:
            return ""
        at = verbs[-1].start()
    return ""


def _subject_measure(left: list[Token], config: FiguresConfig) -> str:
    """The measure noun heading the subject before a verb: the word right before it or the
    head before a prepositional phrase ("unemployment in the region", "the rate among women")."""
    i = len(left) - 1
    while i >= 0 and left[i].low in _AUXILIARIES:
        i -= 1
    candidates = [i]
    candidates += [
        j - 1
        for j in range(i - 1, max(0, i - 5), -1)
        if left[j].low in _BREAKS and left[j - 1].low not in _BREAKS
    ][:1]
    for at in candidates:
        if at < 0:
            continue
        head = _noun(left[at].low)
        before = lemmas.lemma(left[at - 1].low) if at > 0 else ""
        synonyms = WORDS.measure_synonyms
        if head in _MEASURE_NOUNS or head in synonyms or f"{before} {head}" in synonyms:
            return _fold_measure(left, at, config)
    return ""


def _fold_measure(toks: list[Token], at: int, config: FiguresConfig) -> str:
    """Canonical name of the measure noun toks[at] with the word before it ("jobless rate")."""
    head = _noun(toks[at].low)
    before = lemmas.lemma(toks[at - 1].low) if at > 0 else ""
    synonyms = WORDS.measure_synonyms
    for phrase in (f"{before} {head}", head):
        if phrase in synonyms:
            return synonyms[phrase]
    if head in WORDS.generic_measure_nouns:
        if not before or before in WORDS.determiners or not toks[at - 1].text.isalpha():
            return UNKNOWN
        return f"{before} {head}"
    return head


def context(
    text: str,
    toks: list[Token],
    s: Span,
    sent_start: int,
    sent_end: int,
    config: FiguresConfig,
) -> phrases.Context:
    """Thing, event, place and modifiers of one figure from its sentence's tokens."""
    left, right = phrases.clause(text, toks, s.start, s.end)
    place = ""
    if s.kind not in DATE_KINDS:
        place = phrases.place_after(text, s.end, sent_end, config) or phrases.place_before(
            text, sent_start, s.start, config
        )
    # A hyphenated count counts its own noun and belongs to the noun it modifies, read as a
    # duration's is: "a 24-page indictment" page|indictment, "a two-year sentence" years|sentence.
    compound = units.counted_noun(s)
    compound = "" if compound in _MEASURE_NOUNS else compound  # "a 7.1-magnitude quake"
    if s.kind in ("count", "ordinal") and not compound:
        phrase = phrases.noun_phrase(text, toks, s.end, config, need_of=s.vague)
        thing, mods = phrases.thing_of(phrase, config)
        change, direction = change_of(
            text, toks, s, sent_start, config, None if s.vague else phrase
        )
        if change and "point" in (thing, s.hyphen):
            # "unemployment rose 2 points", "a 2-point drop in unemployment": a change in points
            return phrases.Context("point", change, place, direction)
        noun = _measure_noun(left, s, config, sent_start) or _level_noun(
            text, toks, s, sent_start, config
        )
        who = phrases.owner(left, config, sent_start)
        if noun:
            thing, mods = noun, ()
            who = "" if who and lemmas.lemma(who.split()[-1]) == noun else who
        event = "deployed" if s.hyphen == "strong" else _count_event(phrase, left, right, config)
        if noun:
            event = ""  # "a magnitude 6.8 earthquake killed ...": the magnitude is not killed
        if not thing and not phrase and event not in WORDS.implicit_things:
            # "The death toll ... has risen to 1,500", "the number of dead rose to 45": the
            # subject names what is counted.
            hits = [
                h
                for h in phrases.class_hits(left, WORDS.event_classes, WORDS.event_ignore)
                if h[2] in WORDS.implicit_things
            ]
            toll = [t for t in left if _noun(t.low) in _MEASURE_NOUNS]
            if hits:
                event = hits[-1][2]
            elif toll:
                thing = _noun(toll[-1].low)
        if not thing:
            thing = WORDS.implicit_things.get(event, "")
        if thing and event and thing == event:
            event = ""
        alias = WORDS.measure_aliases.get(f"{thing}|{event}")
        if alias:
            thing, _, event = alias.partition("|")
        if event in WORDS.presence_events and thing not in WORDS.generic_things:
            event = ""
        if thing in WORDS.people_groups and event in WORDS.harm_events:
            thing = "people"  # "14 protesters killed" and "9 people killed": one toll
        if thing in WORDS.generic_things and not event:
            event = UNKNOWN
        if s.kind == "ordinal":
            thing, event = "ordinal", thing or event
        return phrases.Context(thing, event, place, "", mods, who)
    unit_thing = {
        "count": compound,
        "year": "year",
        "date": "date" if s.unit == "date" else "month-day",
        "duration": s.unit,
        "age": "age",
        "percent": "percent",
        "money": s.unit,
        "quantity": s.unit,
        "ratio": "ratio",
    }[s.kind]
    event, mods = _what(text, toks, s, config, sent_start)
    relation = s.relation
    change, direction = change_of(text, toks, s, sent_start, config)
    if change and (s.kind in ("percent", "money", "quantity") or compound == "point"):
        # A change amount is the change of its measure, never its level: "jumped 40 per cent"
        # and "a 40% rise in fuel prices" meet under percent|price|increase.
        event, mods, relation = change, (), direction
    # Whose money or share it is goes into the context (compared), not the key: "the World Bank
    # offered $100m" and "the government pledged $250m" are then never called inconsistent.
    who = phrases.owner(left, config, sent_start) if s.kind in ("money", "percent") else ""
    # Lower case: a subject opening its sentence is read lower-cased ("Romney won 47 percent"),
    # elsewhere as written ("In Ohio, Romney took 50 percent"); one owner either way.
    who = WORDS.subject_synonyms.get(who.lower(), who.lower())
    if who and lemmas.lemma(who.split()[-1]) == event:
        who = ""
    if s.kind == "percent" and not change:
        # Whose share it is, its population and its poll are compared as context; a poll answer
        # is keyed by its stance (`shares`: "54 percent of voters oppose" / "57 percent of
        # voters are against": percent|oppose, voter), so opposite answers never meet. Owners
        # are folded as populations ("Hispanic voters made up 10 percent" / "Hispanics": latino).
        who = " ".join(shares.group(who.split()))
        share = shares.read(text, toks, s, sent_start, event)
        if share.stance and _answer_of(event):
            # An answer about someone named is its own measure ("45 percent support Clinton",
            # "41 percent support Trump"): the name joins the stance in the key.
            event = f"{share.stance} {share.named}" if share.named else share.stance
            who = "" if share.before else who
        return phrases.Context(
            unit_thing,
            event or UNKNOWN,
            place,
            relation,
            share.population or tuple(w for m in mods for w in shares.group([m])),
            who or share.source,
        )
    return phrases.Context(
        unit_thing, event or UNKNOWN, place, relation, (*mods, who) if who else mods
    )


def _answer_of(event: str) -> bool:
    """Whether a share read with `event` may be keyed by the stance read beside it: unless the
    grammar read a measure of its own ("unemployment rose to 7 percent against 6 percent"),
    other than a share or a stance ("the share of voters who support", "approval")."""
    return (
        event not in _SPECIFIC_MEASURES
        or event in shares.share_nouns()
        or event in shares.stance_names()
    )


def _count_event(
    phrase: list[Token], left: list[Token], right: list[Token], config: FiguresConfig
) -> str:
    """Event of a count: first class word within the noun phrase and the few tokens after it
    ("300 peacekeepers have also been killed"), else the nearest just before the number
    ("killing 500 civilians", "the execution of 500 civilians"), within the clause."""
    classes = WORDS.event_classes
    after = right[: len(phrase) + 1 + config.event_window]
    numbers = [i for i, t in enumerate(after) if i >= len(phrase) and t.text[:1].isdigit()]
    after = after[: numbers[0]] if numbers else after  # "46 drowned and 130 were rescued"
    hits = phrases.class_hits(after, classes, WORDS.event_ignore)
    if hits:
        return hits[0][2]
    before = left[-config.event_left_window :] if config.event_left_window else []
    hits = phrases.class_hits(before, classes, WORDS.event_ignore)
    return hits[-1][2] if hits else ""


def timeframe(
    s: Span, others: list[Span], sentence: str, config: FiguresConfig, text: str = ""
) -> tuple[str, ...]:
    """Dates in the same sentence as a count, as 'relation year' strings ('since 2013'); a bare
    month ('since January') gives 'since January'."""
    began = re.search(
        r"\bsince\s+(?:\w+\s+){1,4}?(?:began|started|erupted|broke out)\s+in\s+", sentence
    )
    out = [
        f"{'since' if began and began.start() < m.start() < began.end() else m.group(1).lower()} "
        f"{m.group(2)}"
        for m in re.finditer(
            rf"\b((?i:since|in|during|until|by|from|before|after))\s+({_MONTHS})\b(?!\s+\d)",
            sentence,
        )
    ]
    out += [
        f"on {m.group(1)}"
        for m in re.finditer(rf"\bon\s+({_WEEKDAYS})\b", sentence)
        if not _REPORTED.search(sentence[: m.start()])
    ]
    for o in others:
        if o is s or o.kind not in DATE_KINDS:
            continue
        rel = o.relation or "in"
        if text and o.end <= s.start and re.match(r"\s*,\s*when\b", text[o.end : s.start]):
            rel = "in"  # "the worst since 2019, when 21 people died": 21 is the 2019 toll
        if math.isinf(o.low):
            out.append(f"{rel} ?")
            continue
        lo = int(o.low // 10000) if o.unit == "date" else int(o.low)
        hi = int(o.high // 10000) if o.unit == "date" else int(o.high)
        if o.unit == "month-day":
            continue
        out.append(f"{rel} {lo}" if lo == hi else f"{rel} {lo}-{hi}")
    return tuple(dict.fromkeys(out))


def causes(text: str, s: Span, sent_end: int, config: FiguresConfig) -> tuple[str, ...]:
    found = _CAUSE.finditer(text[s.end : sent_end])
    return tuple(dict.fromkeys(m.group(1).lower() for m in found))


def change_of(
    text: str,
    toks: list[Token],
    s: Span,
    sent_start: int,
    config: FiguresConfig,
    phrase: list[Token] | None = None,
) -> tuple[str, str]:
    """(measure, direction) when the figure is a change amount of a named measure, told with a
    verb ("fuel prices jumped 40 per cent", "raised fuel prices by 40%": price, increase) or a
    noun ("a 40% rise in fuel prices", "a 40 per cent fuel price rise", "an increase of 5 per
    cent in wages"); ("", "") otherwise, and for a level ("rose to 40%"). `phrase` is the noun
    phrase after the figure when the caller has read it already."""
    m = _AMOUNT_AFTER_VERB.search(text, sent_start, s.start)
    if m:
        between = [t for t in toks if m.end(1) <= t.start and t.end <= m.end()]
        obj = between[:-1] if between and between[-1].low == "by" else between
        if any(t.low in _NOT_OBJECT for t in obj):
            return "", ""
        # A transitive change names the measure as its object, else its subject does.
        subject = obj or phrases.clause(text, toks, m.start(1), m.start(1) + 1)[0]
        name = _measure_name(subject, config)
        return (name, _DIRECTION[m.group(1).lower()]) if name else ("", "")
    if phrase is None:
        phrase = phrases.noun_phrase(text, toks, s.end, config)
    if phrase and phrase[-1].low in _DIRECTION:
        direction = _DIRECTION[phrase[-1].low]
        name = _measure_name(phrase[:-1], config) or _measure_name(
            _in_phrase(text, toks, phrase[-1].end, config), config
        )
        return (name, direction) if name else ("", "")
    left = phrases.clause(text, toks, s.start, s.end)[0]
    if len(left) >= 2 and left[-1].low == "of" and left[-2].low in _DIRECTION:
        name = _measure_name(_in_phrase(text, toks, s.end, config), config)
        return (name, _DIRECTION[left[-2].low]) if name else ("", "")
    return "", ""


def _in_phrase(text: str, toks: list[Token], at: int, config: FiguresConfig) -> list[Token]:
    """The noun phrase after "in" or "of" at char `at` ("rise in fuel prices"), else []."""
    m = re.match(r"\s+(?:in|of)\s+", text[at:])
    return phrases.noun_phrase(text, toks, at + m.end(), config) if m else []


def _measure_name(toks: list[Token], config: FiguresConfig) -> str:
    """The measure a noun phrase or subject names: a measure noun ("fuel prices": price) or a
    subject spelled several ways ("gross domestic product", "the economy": economy); ''."""
    while toks and toks[-1].low in _AUXILIARIES:
        toks = toks[:-1]
    name = _subject_measure(toks, config) if toks else ""
    if name and name != UNKNOWN:
        return name
    low = [t.low for t in toks]
    for n in (3, 2, 1):
        if len(low) >= n and " ".join(low[-n:]) in WORDS.subject_synonyms:
            return WORDS.subject_synonyms[" ".join(low[-n:])]
    if low and lemmas.lemma(low[-1]) in _SUBJECTS:
        return lemmas.lemma(low[-1])
    return ""
