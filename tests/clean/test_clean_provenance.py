"""Outlet, credited sources and publication date, from what the page shows."""

from __future__ import annotations

import pytest
from clean_pages import CLOSE, LEAD, TITLE, page, run


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["Sign up for Sahel Weekly’s Daily Digest and get the best news."], "Sahel Weekly"),
        (["Subscribe to the Coast Observer's newsletter for more."], "Coast Observer"),
        (["WATCH: The latest videos from the Nation"], "The Nation"),
        (["Watch more videos from Citizen Digital"], "Citizen Digital"),
        (["© 2023 Lake Region Media Ltd. All rights reserved."], "Lake Region Media"),
        (["Highland Courier © All rights reserved | Privacy Policy"], "Highland Courier"),
        (["Copyright 2024 Rift Valley Post Limited. Registered in Kenya."], "Rift Valley Post"),
        (
            ["Like this story? Get the Sahel Monitor evening briefing in your inbox."],
            "Sahel Monitor",
        ),
        (["Receive the Harbour Gazette weekly newsletter every Friday."], "Harbour Gazette"),
        (["Copyright 2020 The East African"], "The East African"),
        (["Lake Region Media. All rights reserved."], "Lake Region Media"),
        (
            [
                "“Prices will fall,” the minister told VOA in Nairobi.",
                "In a written response to VOA, the embassy declined to comment.",
            ],
            "VOA",
        ),
        (["“Prices will fall,” the minister told VOA in Nairobi."], None),
        (
            [
                "The minister told the Kommersant newspaper the deal was close.",
                "“We are close,” she told Kommersant.",
            ],
            None,
        ),
        ([], None),
        (["Sign up for our newsletter to get the best of the news."], None),
    ],
)
def test_outlet_from_page_furniture(lines: list[str], outlet: str | None) -> None:
    assert run(page(*lines)).outlet == outlet


def test_metadata_outlet_wins() -> None:
    text = page("Sign up for Sahel Weekly’s Daily Digest and get the best news.")
    assert run(text, outlet="Dakar Daily").outlet == "Dakar Daily"


def test_wire_sign_off_names_the_outlet_in_any_case() -> None:
    text = "\n\n".join([TITLE, LEAD, CLOSE, "REUTER"])
    doc = run(text)
    assert (doc.outlet, doc.attributed_sources) == ("Reuters", ("Reuters",))


@pytest.mark.parametrize(
    ("line", "sources"),
    [
        ("According to RT News, Russian grain exports to Egypt rose by a third.", ["RT"]),
        ("According to Russian state news agency TASS, the talks lasted four hours.", ["TASS"]),
        ("NAIROBI (Reuters) - Kenya will cut fuel taxes, the treasury said.", ["Reuters"]),
        ("DAKAR (AFP) - Senegal and Mauritania opened a new bridge on Monday.", ["AFP"]),
        ("The minister told Reuters the loan would be repaid by 2030.", ["Reuters"]),
        ("A senior diplomat told TASS that the summit would go ahead.", ["TASS"]),
        ("The deal was first reported by Bloomberg on Tuesday.", ["Bloomberg"]),
        ("Xinhua reported that 30 agreements were signed at the forum.", ["Xinhua"]),
        ("The BBC's correspondent in Lagos says the mood is tense.", ["BBC"]),
        ("The Associated Press said three soldiers were killed in the clash.", ["AP"]),
        ("Interfax quoted the deputy minister as saying supplies would resume.", ["Interfax"]),
        ("The Xinhua news agency quoted her as saying the talks went well.", ["Xinhua"]),
        ("The Tass news agency reported that the delegation left Kabul.", ["TASS"]),
        ("Tembo Times, a local news site, reported the contract last year.", ["Tembo Times"]),
        (
            "Analysts who spoke to the Lusaka Herald, a daily newspaper, were doubtful.",
            ["Lusaka Herald"],
        ),
        ("The Lusaka Herald, a daily newspaper, said the vote was delayed.", ["Lusaka Herald"]),
        ("Michael Bloomberg said the fund would invest in African start-ups.", []),
        ("Reuters and AFP both have bureaus in Nairobi.", []),
        ("The minister criticised Western media, including the BBC and CNN.", []),
        ("Officials spoke about the AP course in economics at the university.", []),
    ],
)
def test_credited_sources(line: str, sources: list[str]) -> None:
    assert list(run(page(line)).attributed_sources) == sources


@pytest.mark.parametrize(
    ("lines", "sources"),
    [
        (["Kenyan Energy Minister Davis Chirchir.\nImage: SPUTNIK"], ["Sputnik"]),
        (["Photo: Thomas Ebert / Reuters"], ["Reuters"]),
        (["{:.bbg__cutline}\nA container ship docks at Tanga, Tanzania. (AFP)"], ["AFP"]),
        (["Related posts", "Oil prices slide as demand weakens-RT News"], []),
        (["READ MORE: Xinhua reports record trade with Africa"], []),
        (["For more stories on economy visit RT’s business section"], []),
    ],
)
def test_credit_lines_count_and_teasers_do_not(lines: list[str], sources: list[str]) -> None:
    assert list(run(page(*lines)).attributed_sources) == sources


def test_own_outlet_is_not_a_credited_source() -> None:
    doc = run(
        page(
            "“Prices will fall,” the minister told VOA in Nairobi.",
            "In a written response to VOA, the embassy declined to comment.",
            "The figures were first reported by Bloomberg.",
        )
    )
    assert (doc.outlet, doc.attributed_sources) == ("VOA", ("Bloomberg",))


@pytest.mark.parametrize(
    ("lines", "published"),
    [
        (["Published on 12 May 2023"], "2023-05-12"),
        (["Updated: March 3, 2021"], "2021-03-03"),
        (["Posted on Tuesday, 4 June 2019"], "2019-06-04"),
        (["NAIROBI, Jan. 9, 2020 - Kenya and Tanzania signed the deal."], "2020-01-09"),
        (["NAIROBI, March 4 - Kenya and Tanzania signed the deal on Friday."], None),
        (["The pipeline deal was first discussed on 3 May 2011 in Arusha."], None),
        ([], None),
    ],
)
def test_published_from_text(lines: list[str], published: str | None) -> None:
    # The dateline case puts the line first so it is the opening paragraph.
    text = "\n\n".join([TITLE, *lines, LEAD, CLOSE]) + "\n"
    assert run(text).published == published


def test_metadata_published_wins() -> None:
    text = page("Published on 12 May 2023")
    assert run(text, published="2023-05-13").published == "2023-05-13"


def test_id_and_hash() -> None:
    doc = run(page())
    assert doc.id == doc.content_hash.split(":", 1)[1][:16]
    assert run(page(), id="n-1").id == "n-1"
    spaced = run(page().replace("\n\n", "\n \n\n"))
    assert spaced.content_hash == doc.content_hash
