"""Articles we wrote for the syndication tests: a story, its copies, and look-alikes.

PORT is a wire story; PORT_COPY is how another outlet carries it (own dateline and
outlet line, one sentence rewritten, the last sentence cut); PORT_SHORT is a copy cut
harder (the last paragraph gone). PORT_OTHER reports the same signing, written
separately. RAIL_* are overlapping windows over one long story: each is a copy of its
neighbour, but the first and the last share too little to be copies of each other.
"""

from __future__ import annotations

import hashlib
import re

from accord.schema import Record, Source

_PORT = [
    "Indonesia and Japan signed an agreement on Thursday to expand the Patimban deep-sea "
    "port in West Java, the transport ministry said, in a deal that officials described as "
    "the largest Japanese infrastructure loan to the country in a decade.",
    "Under the agreement, the Japan International Cooperation Agency will lend 190 billion "
    "yen for a second container terminal, a car terminal and a toll road linking the port "
    "to the industrial estates east of Jakarta. Construction is due to start next year and "
    "to finish in 2029.",
    "\u201cPatimban will take pressure off Tanjung Priok and cut the cost of moving goods out "
    "of Java,\u201d Transport Minister Budi Karya Sumadi told reporters after the signing "
    "ceremony. He said the port would handle 7.5 million containers a year when complete.",
    "Japanese Ambassador Kanasugi Kenji said the project showed the depth of the partnership "
    "between the two countries, which marked 65 years of diplomatic relations last year. "
    "Japanese carmakers, which assemble more than a million vehicles a year in Indonesia, "
    "have pushed for a port closer to their factories in Karawang and Bekasi.",
    "The loan carries an interest rate of 0.3 percent and a repayment period of 40 years, "
    "including a 10-year grace period, according to a statement from the Japanese embassy. "
    "Indonesia has borrowed from Japan for ports, railways and power plants since the 1960s.",
    "Environmental groups have criticised the first phase of the port for damaging fishing "
    "grounds off Subang, and fishermen protested outside the regency office last month. The "
    "ministry said it would pay compensation to 2,000 households and build a new fish "
    "landing site.",
]
PORT = "JAKARTA (Antara) - " + "\n\n".join(_PORT)

_copy = list(_PORT)
_copy[2] = _copy[2].replace(
    "He said the port would handle 7.5 million containers a year when complete.",
    "Once finished, the port will be able to take 7.5 million containers each year, he added.",
)
PORT_COPY = (
    "JAKARTA, May 16 (Kyodo) -- " + "\n\n".join(_copy[:5]) + "\n\n" + _copy[5].split(". ")[0] + "."
)
PORT_SHORT = "TOKYO (Jiji Press) -- " + "\n\n".join(_copy[:5])

PORT_OTHER = (
    "Japan will finance the next stage of Patimban, the new harbour on the north coast of "
    "West Java, after ministers from both governments put their names to a loan deal in "
    "Jakarta on Thursday.\n\n"
    "The Japanese aid agency JICA is providing about 190 billion yen. Most of it goes to a "
    "second container yard and a terminal for vehicles, with the remainder paying for a "
    "toll road to the factory belt around Karawang, where Toyota and Honda build cars for "
    "export.\n\n"
    "Officials in Jakarta hope the harbour will relieve Tanjung Priok, whose congested "
    "approach roads add days to shipments. The minister, Budi Karya Sumadi, told a press "
    "conference that the first ships could use the new berths before the end of 2028.\n\n"
    "Tokyo has been Indonesia's biggest bilateral lender for decades, though Chinese "
    "banks have financed a growing share of the country's railways and smelters. Fishing "
    "communities near Subang say the first phase of the harbour has already cut their "
    "catches, and have asked for compensation."
)

_RAIL = [
    "Kenya and China agreed on Monday to extend the standard gauge railway from Naivasha "
    "to the Ugandan border at Malaba, the Kenyan transport ministry said in a statement.",
    "The extension will run for about 370 kilometres and cost an estimated 3.6 billion "
    "dollars, to be financed by the Export-Import Bank of China over twenty years.",
    "President William Ruto said the line would cut the cost of moving cargo from "
    "Mombasa to Kampala by a third and take thousands of lorries off the northern corridor.",
    "Chinese Ambassador Zhou Pingjian said the railway was a symbol of friendship and "
    "that Chinese firms would hire and train Kenyan engineers and train drivers.",
    "Critics in parliament questioned the terms of the loan, noting that Kenya already "
    "owes China more than six billion dollars for the first section of the line.",
    "The Treasury said repayments would be met from freight revenue, which rose by "
    "fourteen percent last year as more importers switched from road to rail.",
    "Uganda has yet to secure funding for its own section from Malaba to Kampala, "
    "leaving a gap that shippers say has limited the value of the Kenyan line.",
    "Work on the extension is expected to begin in the second half of next year, "
    "with the first freight trains reaching Malaba within four years of the start.",
    "The agreement was one of nine signed during the visit, including deals on "
    "agricultural exports, a technical college in Eldoret and a solar plant in Garissa.",
    "Kenyan avocado growers welcomed the export deal, which opens the Chinese market "
    "to frozen fruit from next month after years of negotiations over plant health rules.",
]
RAIL_A = "\n\n".join(_RAIL[0:8])
RAIL_B = "\n\n".join(_RAIL[1:9])
RAIL_C = "\n\n".join(_RAIL[2:10])


def make(
    doc_id: str,
    body: str,
    *,
    outlet: str | None = None,
    published: str | None = None,
    title: str | None = None,
) -> Record:
    """A record with no facts: the store groups documents by their text alone."""
    digest = hashlib.sha256(re.sub(r"\s+", " ", body).strip().encode("utf-8")).hexdigest()
    return Record(
        id=doc_id,
        content_hash="sha256:" + digest,
        source=Source(path=f"{doc_id}.txt"),
        title=title or body.split(".")[0][:80],
        published=published,
        language="en",
        outlet=outlet,
        attributed_sources=(),
        body=body,
    )
