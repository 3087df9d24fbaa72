"""The spaCy component: ``nlp.add_pipe("accord")`` puts a Record on ``doc._.accord``.

Registered through spaCy's ``spacy_factories`` entry point (pyproject), so a user's own
pipeline finds it without importing accord first. The component treats ``doc.text`` as
an already clean body: no boilerplate removal, offsets are into ``doc.text``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from accord.clean.cleaner import content_hash
from accord.extract.run import extract_facts
from accord.record.assemble import build_record
from accord.schema import Document, Source

if not Doc.has_extension("accord"):
    Doc.set_extension("accord", default=None)


class AccordComponent:
    """Runs accord's extractors over a parsed Doc."""

    def __init__(self, published: str | None = None) -> None:
        self.published = published

    def __call__(self, doc: Doc) -> Doc:
        digest = content_hash(doc.text)
        document = Document(
            id=digest.split(":", 1)[1][:16],
            content_hash=digest,
            source=Source(format="spacy"),
            raw=doc.text,
            body=doc.text,
            published=self.published,
        )
        doc._.accord = build_record(document, extract_facts(document, doc))
        return doc


@Language.factory("accord", default_config={"published": None})
def make_accord(nlp: Language, name: str, published: str | None) -> AccordComponent:
    """Factory spaCy calls for ``nlp.add_pipe("accord")``."""
    return AccordComponent(published=published)
