"""Invented records for benchmarks, tests and an empty demo store.

Every sentence is written here by accord (templates filled at random): the countries
are real codes, the people, figures and outlets are made up. Each fact carries the
span of the sentence it was written into, as a real extractor's would.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from accord.schema import (
    Actor,
    Amount,
    Event,
    Person,
    Quote,
    Record,
    Relation,
    Source,
    Span,
)

STATES = (
    ("CHN", "China", "Beijing"),
    ("USA", "United States", "Washington"),
    ("RUS", "Russia", "Moscow"),
    ("IND", "India", "New Delhi"),
    ("KEN", "Kenya", "Nairobi"),
    ("NGA", "Nigeria", "Abuja"),
    ("ZAF", "South Africa", "Pretoria"),
    ("BRA", "Brazil", "Brasilia"),
    ("DEU", "Germany", "Berlin"),
    ("JPN", "Japan", "Tokyo"),
    ("TUR", "Turkey", "Ankara"),
    ("EGY", "Egypt", "Cairo"),
    ("ETH", "Ethiopia", "Addis Ababa"),
    ("GHA", "Ghana", "Accra"),
    ("VNM", "Vietnam", "Hanoi"),
    ("FRA", "France", "Paris"),
    ("ARE", "United Arab Emirates", "Abu Dhabi"),
    ("IDN", "Indonesia", "Jakarta"),
)
SECTORS = ("energy", "trade", "ict", "health", "infrastructure", "agriculture", "defense")
KINDS = ("loan", "investment", "aid", "export", "deal", "trade_total")
OUTLETS = ("The Harbour Times", "Savanna Daily", "Continental Wire", "Meridian Post")
SOURCES = ("Reuters", "AFP", "Xinhua", "TASS", "AP")
FIRST = ("Amara", "Lin", "Pavel", "Ravi", "Grace", "Tomas", "Keiko", "Omar", "Lucia", "Samuel")
LAST = ("Okafor", "Chen", "Sokolov", "Mehta", "Wanjiru", "Becker", "Sato", "Haddad", "Silva")
TITLES = ("Foreign Minister", "Trade Minister", "Ambassador", "Energy Minister")
WHAT = ("a solar park", "a rail line", "fibre-optic cables", "a port terminal", "vaccines")


@dataclass
class _Draft:
    """A body being written, with the facts that point into it."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    mentions: dict[str, list[Span]] = field(default_factory=dict)
    persons: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    relations: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    evidence: dict[tuple[str, str], list[Span]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)

    def write(self, *pieces: tuple[str, str | None]) -> Span:
        """Append a sentence made of pieces; a piece tagged with a code is a mention."""
        start = self.length
        for text, code in pieces:
            if code:
                self.mentions.setdefault(code, []).append((self.length, self.length + len(text)))
            self.parts.append(text)
            self.length += len(text)
        self.parts.append(" ")
        self.length += 1
        return (start, self.length - 1)

    def relate(self, a: str, b: str, sector: str, span: Span) -> tuple[str, str]:
        key = (min(a, b), max(a, b))
        self.relations.setdefault(key, set()).add(sector)
        self.evidence.setdefault(key, []).append(span)
        return key


def _month(rng: random.Random, year: int) -> str:
    return f"{year}-{rng.randint(1, 12):02d}"


def synthetic_record(index: int, rng: random.Random) -> Record:
    """One invented article with actors, officials, a quote, money, relations, events."""
    (a, a_name, a_city), (b, b_name, _) = rng.sample(STATES, 2)
    sector = rng.choice(SECTORS)
    year = rng.randint(2016, 2024)
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    draft = _Draft()
    span = draft.write(
        (a_name, a),
        (" and ", None),
        (b_name, b),
        (f" signed an agreement on {sector} ", None),
        (f"cooperation in {a_city} on Tuesday.", None),
    )
    key = draft.relate(a, b, sector, span)
    draft.events.append(
        Event(
            "SUPPORT",
            "057",
            key,
            a,
            b,
            f"{sector} agreement",
            a_city,
            published[:7],
            "occurred",
            span,
            (sector,),
            "synthetic",
        )
    )
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    title = rng.choice(TITLES)
    words = f"Our partnership with {b_name} will bring {sector} projects to every region"
    start = draft.length
    span = draft.write((f"{title} {person} said: \u201c", None), (words, None), (".\u201d", None))
    q_start = start + len(f"{title} {person} said: \u201c")
    draft.persons.append(
        Person(
            person,
            title,
            a,
            None,
            ((start + len(title) + 1, start + len(title) + 1 + len(person)),),
            "synthetic",
        )
    )
    draft.quotes.append(Quote(words, person, "said", (q_start, q_start + len(words)), "synthetic"))
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(KINDS)
        millions = rng.choice((5, 12, 40, 75, 150, 300, 800, 1200, 2500))
        what = rng.choice(WHAT)
        src, dst = (a, b) if rng.random() < 0.6 else (b, a)
        src_name = a_name if src == a else b_name
        dst_name = b_name if dst == b else a_name
        figure = f"${millions} million"
        start = draft.length
        span = draft.write(
            (src_name, src),
            (f" committed {figure} ({kind}) for {what} in ", None),
            (dst_name, dst),
            (".", None),
        )
        f_start = start + len(src_name) + len(" committed ")
        period_month = _month(rng, year)
        draft.amounts.append(
            Amount(
                millions * 1e6,
                "USD",
                millions * 1e6,
                kind,
                src,
                dst,
                what,
                (period_month, period_month),
                (f_start, f_start + len(figure)),
                "synthetic",
            )
        )
        draft.relate(src, dst, "finance" if kind in ("loan", "aid") else "trade", span)
    if rng.random() < 0.7:
        (c, c_name, _) = rng.choice([s for s in STATES if s[0] not in (a, b)])
        month = _month(rng, min(year + 1, 2025))
        etype, status = rng.choice(
            (("AGREE", "planned"), ("CONSULT", "occurred"), ("AGREE", "intended"))
        )
        span = draft.write(
            (a_name, a),
            (f" {'will hold' if status == 'planned' else 'held'} talks with ", None),
            (c_name, c),
            (f" on {sector} in {month}.", None),
        )
        key = draft.relate(a, c, sector, span)
        draft.events.append(
            Event(
                etype,
                "036" if etype == "AGREE" else "040",
                key,
                a,
                c,
                f"talks on {sector}",
                None,
                month,
                status,
                span,
                (sector,),
                "synthetic",
            )
        )
    body = "".join(draft.parts).strip()
    names = {code: name for code, name, _ in STATES}
    actors = tuple(
        Actor(code, names[code], "state", tuple(spans), "synthetic")
        for code, spans in sorted(draft.mentions.items())
    )
    relations = tuple(
        Relation(key, tuple(sorted(sectors)), tuple(draft.evidence[key]), "synthetic")
        for key, sectors in sorted(draft.relations.items())
    )
    digest = hashlib.sha256(f"{index}\n{body}".encode()).hexdigest()
    return Record(
        id=f"synthetic-{index:05d}",
        content_hash=f"sha256:{digest}",
        source=Source(path=None, url=f"https://example.org/news/{index}", format="text"),
        title=f"{a_name} and {b_name} deepen {sector} ties",
        published=published,
        language="en",
        outlet=rng.choice(OUTLETS),
        attributed_sources=tuple(sorted(rng.sample(SOURCES, rng.randint(0, 2)))),
        body=body,
        actors=actors,
        persons=tuple(draft.persons),
        quotes=tuple(draft.quotes),
        amounts=tuple(draft.amounts),
        relations=relations,
        events=tuple(draft.events),
    )


def synthetic_records(n: int, seed: int = 7) -> Iterator[Record]:
    """``n`` invented records, the same ones for the same seed."""
    rng = random.Random(seed)
    for i in range(n):
        yield synthetic_record(i, rng)
