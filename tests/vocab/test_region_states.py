"""The shipped region table is what its rules select from country_converter today, and
extraction reads it without loading country_converter's table (pandas)."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

from accord.vocab.region_members import part_of, resolve, rules


def test_the_shipped_table_matches_its_rules() -> None:
    import country_converter as coco

    path = resources.files("accord.vocab").joinpath("data", "region_states.json")
    shipped = json.loads(path.read_text(encoding="utf-8"))["regions"]
    assert shipped == resolve(rules(), coco.CountryConverter().data)
    assert part_of("KEN", "REG:AFRICA") and part_of("REG:AFRICA", "NGA")
    assert not part_of("KEN", "REG:EUROPE")


def test_extraction_never_loads_pandas() -> None:
    code = (
        "import sys\n"
        "from accord.pipeline.batch import warm_up\n"
        "from accord.settings import DEFAULT_MODEL\n"
        "warm_up(DEFAULT_MODEL)\n"
        "print('pandas' in sys.modules, 'country_converter' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
