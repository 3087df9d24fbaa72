"""The actor gazetteer: codes, names, case rules and the data files' provenance."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from accord.vocab import actors


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("United States of America", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("America", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("South Korea", "KOR"),
        ("Republic of Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("DRC", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("People's Republic of China", "CHN"),
        ("Rwandan", "RWA"),
        ("Emirati", "ARE"),
        ("Zimbabwean", "ZWE"),
        ("Kigali", "RWA"),
        ("Lusaka", "ZMB"),
        ("Pretoria", "ZAF"),
        ("Tshwane", "ZAF"),
        ("the Kremlin", "RUS"),
        ("White House", "USA"),
        ("Downing Street", "GBR"),
        ("Whitehall", "GBR"),
        ("Soviet Union", "SUN"),
        ("USSR", "SUN"),
        ("Czechoslovakia", "CSK"),
        ("Yugoslavia", "YUG"),
        ("East Germany", "DDR"),
        ("West Germany", "DEU"),
        ("Burma", "MMR"),
        ("Africa", "REG:AFRICA"),
        ("sub-Saharan Africa", "REG:SUB_SAHARAN_AFRICA"),
        ("Horn of Africa", "REG:HORN_OF_AFRICA"),
        ("Lake Chad Basin", "REG:LAKE_CHAD_BASIN"),
        ("the West", "REG:WEST"),
        ("Balkans", "REG:BALKANS"),
        ("European Union", "IGO:EU"),
        ("European Community", "IGO:EU"),
        ("EEC", "IGO:EU"),
        ("World Bank", "IGO:WB"),
        ("Group of Seven", "IGO:G7"),
        ("G-20", "IGO:G20"),
        ("GATT", "IGO:GATT"),
        ("CoCom", "IGO:COCOM"),
        ("ECOWAS", "IGO:ECOWAS"),
        ("East African Community", "IGO:EAC"),
        ("Organisation of African Unity", "IGO:AU"),
        ("CHINA", "CHN"),
    ],
)
def test_lookup_finds_the_code(text: str, code: str) -> None:
    entry = actors.lookup(text)
    assert entry is not None, text
    assert entry.code == code


@pytest.mark.parametrize("text", ["us", "china", "turkey", "Atlantis", "", "forum"])
def test_lookup_refuses_lower_case_words_and_unknown_names(text: str) -> None:
    assert actors.lookup(text) is None


def test_demonyms_name_of_and_kind_of() -> None:
    assert actors.demonym_code("Rwandan") == "RWA"
    assert actors.demonym_code("Chinese") == "CHN"
    assert actors.demonym_code("Americans") == "USA"
    assert actors.demonym_code("Russia") is None  # a name, not a demonym
    assert actors.name_of("RUS") == "Russia"
    assert actors.name_of("IGO:WB") == "World Bank"
    assert actors.kind_of("SUN") == "former_state"
    assert actors.kind_of("REG:WEST") == "region"
    assert actors.kind_of("IGO:UN") == "igo"
    assert actors.kind_of("RWA") == "state"
    assert actors.kind_of("XYZ") is None


def test_every_spelling_has_one_code_and_every_code_an_entry() -> None:
    spellings = [a.text for a in actors.aliases()]
    assert len(spellings) == len(set(spellings))
    known = actors.entries()
    assert all(a.code in known for a in actors.aliases())
    assert all(e.kind in actors.KINDS for e in known.values())


def test_codes_follow_the_gold_format() -> None:
    for code, e in actors.entries().items():
        if e.kind == "region":
            assert code.startswith("REG:") and code[4:] == code[4:].upper()
        elif e.kind == "igo":
            assert code.startswith("IGO:") and code[4:] == code[4:].upper()
        else:
            assert len(code) == 3 and code.isupper()


@pytest.mark.parametrize(
    "name",
    [
        "countries.json",
        "cities.json",
        "demonyms.json",
        "aliases.json",
        "regions.json",
        "igos.json",
        "former_states.json",
        "ambiguity.json",
    ],
)
def test_every_data_file_names_its_source(name: str) -> None:
    data = json.loads(resources.files("accord.vocab").joinpath("data", name).read_text("utf-8"))
    assert data["_source"].strip()
