"""A document's language is detected offline; one not in English is stored with its
language and a warning, and gets none of the English model's facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.clean.cleaner import clean
from accord.clean.language import detect_language
from accord.pipeline import process_stream
from accord.read.sources import iter_raw
from accord.schema import RawDocument, Record, Source
from accord.store import open_store

# Written for these tests: short wire-style sentences, as a news lead reads.
LEADS = {
    "fr": "Le ministre des Affaires étrangères du Kenya a rencontré mardi son homologue "
    "chinois à Nairobi pour signer un accord sur une nouvelle ligne de chemin de fer.",
    "es": "El presidente de Argentina firmó el lunes un acuerdo comercial con Brasil que "
    "reduce los aranceles sobre la carne y los cereales durante cinco años.",
    "de": "Die Bundesregierung hat am Mittwoch ein Abkommen mit Namibia über die Lieferung "
    "von grünem Wasserstoff unterzeichnet, teilte das Ministerium in Berlin mit.",
    "ru": "Министр иностранных дел России встретился в понедельник с делегацией из Египта, "
    "чтобы обсудить строительство атомной электростанции и поставки зерна.",
    "zh": "中国国家主席周二在北京会见了肯尼亚总统，"
    "双方签署了关于基础设施建设和贸易合作的多项协议。",
    "ar": "وقع وزير الخارجية المصري يوم الثلاثاء اتفاقية مع نظيره السوداني لتعزيز التعاون في "
    "مجالات الزراعة والطاقة والنقل.",
    "pt": "O governo de Moçambique assinou na quinta-feira um acordo de financiamento com o "
    "Banco Mundial para a construção de uma barragem no rio Zambeze.",
    "sw": "Rais wa Tanzania amekutana na ujumbe wa wawekezaji kutoka China jijini Dar es "
    "Salaam kujadili ujenzi wa reli mpya na bandari ya Bagamoyo.",
}
ENGLISH = (
    "Kenya and China signed a $2bn loan for the railway on Tuesday, the finance "
    "minister said. The line will link the port of Mombasa with Nairobi.",
    "Ghana's president met his Nigerian counterpart in Accra to discuss a gas pipeline "
    "that would be built by 2027, officials from both countries said.",
)
RUSSIAN_ARTICLE = (
    "Москва и Каир подписали соглашение\n\n"
    "Президент Египта Абдель Фаттах ас-Сиси заявил во вторник, что Россия построит "
    "атомную электростанцию в Эль-Дабаа. «Что это значит для региона? Это новая эра "
    "сотрудничества», — сказал министр энергетики Мохаммед Шакер. Россия выделит кредит "
    "в размере 25 миллиардов долларов, сообщило агентство."
)


@pytest.mark.parametrize("code", sorted(LEADS))
def test_the_language_of_a_news_lead(code: str) -> None:
    assert detect_language(LEADS[code])[0] == code


@pytest.mark.parametrize("text", ENGLISH)
def test_english_news_is_english(text: str) -> None:
    assert detect_language(text) == ("en", 1.0)  # function words decide; no model load


def test_a_headline_too_short_to_tell_stays_english() -> None:
    assert detect_language("Kenya, China sign rail loan")[0] == "en"


def test_cleaning_records_the_language_and_warns() -> None:
    doc = clean(RawDocument(text=LEADS["fr"], source=Source()))
    assert doc.language == "fr"
    assert any(w.startswith("language: fr") for w in doc.warnings)
    english = clean(RawDocument(text=ENGLISH[0], source=Source()))
    assert english.language == "en" and not any("language" in w for w in english.warnings)


def test_a_russian_article_is_stored_as_russian_without_english_facts(tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_text(RUSSIAN_ARTICLE, "utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH[0], "utf-8")
    records = {r.id: r for r in process_stream(iter_raw([tmp_path])) if isinstance(r, Record)}
    ru, en = records["ru"], records["en"]
    assert ru.language == "ru"
    assert any("not English" in w for w in ru.warnings)
    assert (ru.persons, ru.quotes, ru.events, ru.actors, ru.amounts) == ((), (), (), (), ())
    assert en.language == "en" and en.actors  # English text keeps its facts
    with open_store(f"sqlite:///{tmp_path / 'a.db'}") as store:
        store.ingest(ru)
        again = store.get("ru")
    assert again is not None and again.language == "ru"
    assert any("not English" in w for w in again.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Nigeria signed a education agreement worth 156 million dollars in Luanda "
        "on Monday, officials said.",
        "Kenya and Uganda signed a deal in Kampala with the bank.",
    ],
)
def test_a_short_english_lead_with_african_names_stays_english(text: str) -> None:
    """The n-gram model calls these Nigerian Pidgin or Luganda, unsure (0.5-0.85)."""
    assert detect_language(text)[0] == "en"
