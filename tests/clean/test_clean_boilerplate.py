"""The line classifier: page furniture goes, every article sentence stays."""

from __future__ import annotations

import pytest
from clean_pages import CLOSE, LEAD, TITLE, body_lines, page, run

BOILERPLATE = [
    "READ MORE: Uganda opens new consulate in Lagos",
    "Read more",
    "Read also: Ethiopia signs power deal with Djibouti",
    "Related articles",
    "Sign up for Sahel Weekly’s morning briefing and never miss a story.",
    "Subscribe to our newsletter",
    "Follow us on Twitter",
    "Leave a Reply",
    "Leave a comment",
    "Your email address will not be published. Required fields are marked *",
    "Jane Mwangi Photography/Unsplash",
    "Amani Otieno/Getty Images",
    "Photo: Thomas Ebert / Reuters",
    "Image: TASS",
    "Picture: AFP",
    "FILE - Dockworkers unload containers at the port of Mombasa, June 3, 2019.",
    "© Lake Region Media",
    '<div><img src="https://example.org/photo.jpg"/></div>',
    "<iframe src='https://example.org/embed/xyz'></iframe>",
    "![A ship at the port](https://example.org/ship.jpg)",
    "https://example.org/news/123",
    "***",
    "(Reporting by Amina Yusuf; Editing by Peter Lang)",
    "Reporting by Amina Yusuf; Editing by Peter Lang",
    "By Kwame Mensah",
    "By KWAME MENSAH, Reuters",
    "Written by Grace Njeri",
    "WATCH: Highlights of the summit in Addis Ababa",
    "Watch the latest videos from the Coast Observer",
    "Click here to play the video",
    "Share this article",
    "Tags: trade, Kenya, Tanzania",
    "Advertisement",
    "Top Stories",
    "Breaking News",
    "In Summary",
    "Published on 12 May 2023",
    "Updated: 14/05/2023 10:32",
    "© 2023 Lake Region Media Ltd. All rights reserved.",
    "Copyright 2021 Coast Observer",
    "This article was originally published by The Conversation.",
    "For more stories on trade and industry visit our business section",
    # widgets, image source lines, menus, inbox prompts, ad slots (quality round)
    "Image source, Getty Images",
    "Image caption, Trucks queue at the border post in Namanga",
    "Photo credit: Harbour Authority",
    "Share",
    "Save",
    "Follow",
    "Copy this link",
    "Share on Facebook | Share on X | WhatsApp",
    "World | Africa | Business | Tech | Health | Science",
    "Business   Politics   Tech   Health   Sports",
    "Advertisement · Scroll to continue",
    "Story continues below advertisement",
    "Enjoyed this story? Get the Sahel Monitor morning briefing in your inbox.",
    "Follow Sahel Weekly on Telegram",
    "Get the latest headlines delivered to your inbox every morning",
]

ARTICLE = [
    "“We will not accept these terms,” the minister said.",
    "By 2030, the two countries hope to double bilateral trade.",
    "By contrast, Ghana’s exports of cocoa fell by a fifth.",
    "By March the talks had collapsed over transit fees.",
    "Photographs of the signing ceremony were released by the presidency on Monday.",
    "Sign language interpreters were present at the summit, organisers said.",
    "Subscribers to the state broadcaster’s service will see prices rise.",
    "For more than a decade, China has been Africa’s largest trading partner.",
    "Updated figures show exports rose 4% in 2022.",
    "Comments by the finance minister angered investors in Nairobi.",
    "Share prices in Nairobi rose 2% on the news.",
    "Video footage showed protesters outside the embassy in Dodoma.",
    "Copyright disputes have slowed a music licensing deal between the two states.",
    "Related-party transactions at the port authority are under review.",
    "Advertisement spending by state firms rose sharply last year.",
    "Reporting by local media suggests the deal was signed in secret.",
    "File-sharing services were blocked during the election.",
    "Read the full statement below, the ministry said.",
    "He said: “Africa remains our key partner.”",
    "Imports stood at $2.7 million during that period.",
    "The pipeline will carry 216,000 barrels a day…",
    "Watch for further announcements, the spokesman told reporters.",
    "Follow-up talks are planned for March in Nairobi.",
    "Save for a brief pause in 2020, trade has grown every year.",
    "Share of exports going to China rose to 40%, officials said.",
    "Image rights to the summit photos were sold to a French agency.",
    "Kenya, Uganda and Tanzania signed the customs protocol in Arusha.",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_line_is_dropped(line: str) -> None:
    doc = run(page(line))
    assert line not in body_lines(doc)
    assert line in doc.boilerplate
    assert LEAD in doc.body and CLOSE in doc.body


@pytest.mark.parametrize("line", ARTICLE)
def test_article_line_is_kept(line: str) -> None:
    doc = run(page(line))
    assert line in body_lines(doc)
    assert doc.boilerplate == ()


def test_title_is_kept_and_becomes_the_title() -> None:
    doc = run(page())
    assert body_lines(doc)[0] == TITLE
    assert doc.title == TITLE


def test_metadata_title_wins() -> None:
    assert run(page(), title="Pipeline deal").title == "Pipeline deal"


def test_related_posts_teasers_are_dropped_until_the_article_resumes() -> None:
    teasers = [
        "Related posts",
        "Nigeria signs gas deal with Morocco",
        "Nigeria and Morocco have signed a deal to build a gas pipeline along the…",
        "Read more",
        "Ghana launches digital ID card",
        "The government of Ghana has launched a new identity card that will…",
    ]
    resumed = (
        "Tanzania’s parliament must still approve the financing, which includes a loan "
        "of $1.2 billion from a group of regional banks."
    )
    doc = run(page(*teasers, resumed))
    assert [t for t in teasers if t in body_lines(doc)] == []
    assert resumed in body_lines(doc)


def test_trailing_teaser_links_after_comment_prompt_are_dropped() -> None:
    tail = [
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Oil prices slide as demand weakens-RT News",
        "Worth reading...",
    ]
    text = "\n\n".join([TITLE, LEAD, CLOSE, *tail]) + "\n"
    doc = run(text)
    assert body_lines(doc) == [TITLE, LEAD, CLOSE]


def test_captions_beside_a_photo_credit_are_dropped() -> None:
    block = (
        "Kenyan Energy Minister Davis Chirchir.\n"
        "Kenyan Energy Minister Davis Chirchir.\n"
        "Image: REUTERS"
    )
    doc = run(page(block))
    assert "Kenyan Energy Minister Davis Chirchir." not in doc.body
    assert doc.boilerplate == (
        "Kenyan Energy Minister Davis Chirchir.",
        "Kenyan Energy Minister Davis Chirchir.",
        "Image: REUTERS",
    )


def test_caption_and_pull_quote_after_markup_markers_are_dropped() -> None:
    caption = "Workers lay pipes near the port of Tanga, Tanzania, March 2, 2021."
    pull = "“This pipeline will change the economy of the whole region.”"
    said = "“This pipeline will change the economy of the whole region,” Mr Ole said."
    doc = run(page("{:.bbg__cutline}\n" + caption, said, "{:.pullquote}\n" + pull))
    assert caption not in doc.body and pull not in doc.body
    assert said in body_lines(doc)
    assert {"{:.bbg__cutline}", "{:.pullquote}", caption, pull} <= set(doc.boilerplate)


def test_a_pull_quote_marker_never_takes_new_text() -> None:
    fresh = "Environmental groups said the route crosses two wildlife corridors."
    assert fresh in body_lines(run(page("{:.pullquote}", fresh)))


def test_markdown_heading_keeps_its_words_without_the_markers() -> None:
    doc = run(page("### Financing questions ###"))
    assert "Financing questions" in body_lines(doc)
    assert "###" not in doc.body


def test_a_fragment_split_by_emphasis_is_not_a_label() -> None:
    text = (
        f"{TITLE}\n\nThe minister said the agency acted like an\n\nagent provocateur\n\n"
        "and would face an inquiry, officials said.\n"
    )
    assert "agent provocateur" in body_lines(run(text))


def test_short_label_between_paragraphs_is_dropped() -> None:
    doc = run(page("Exclusive Report"))
    assert "Exclusive Report" not in doc.body


def test_nothing_left_is_a_clean_error() -> None:
    from accord.errors import CleanError

    with pytest.raises(CleanError):
        run("{:.caption}\n\n<div></div>\n")
    with pytest.raises(CleanError):
        run("   \n")


def test_furniture_above_the_headline_goes_and_the_headline_is_the_title() -> None:
    top = ["Skip to main content", "Menu", "Rift Valley Post", "World | Africa | Business"]
    doc = run("\n".join(top) + "\n\n" + page())
    assert doc.title == TITLE
    assert body_lines(doc)[0] == TITLE
    assert set(top) <= set(doc.boilerplate)
    assert doc.outlet == "Rift Valley Post"


def test_short_headline_before_the_first_paragraph_is_the_title() -> None:
    doc = run("Pipeline talks resume\n\n" + LEAD + "\n\n" + CLOSE + "\n")
    assert doc.title == "Pipeline talks resume"
    assert doc.boilerplate == ()


def test_one_photo_credit_does_not_take_a_page_without_blank_lines() -> None:
    caption = "Trucks queue at the border post in Namanga"
    middle = (
        "Officials from both countries met in Arusha on Tuesday to sign the protocol, "
        "which had been under negotiation for two years."
    )
    text = "\n".join([TITLE, "Image: AFP", caption, LEAD, middle, CLOSE]) + "\n"
    doc = run(text)
    assert body_lines(doc) == [TITLE, LEAD, middle, CLOSE]
    assert "AFP" in doc.attributed_sources


def test_wire_signoff_of_an_agency_outside_the_lexicon_names_the_outlet() -> None:
    wire = (
        "KENYA, TANZANIA SIGN PIPELINE ACCORD\n"
        "    NAIROBI, March 3 - Kenya and Tanzania signed an accord on\n"
        "Friday to extend a crude oil pipeline to the port of Tanga,\n"
        "officials of both governments said.\n"
        "    The pipeline will carry crude from fields near Lake Albert\n"
        "and is expected to cost about 3.5 billion dlrs, they said.\n"
        " Nordpress\n"
    )
    doc = run(wire)
    assert "Nordpress" not in doc.body
    assert doc.outlet == "Nordpress"
    assert "Nordpress" in doc.attributed_sources
