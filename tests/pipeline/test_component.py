from accord.pipeline.component import AccordComponent


def test_component_puts_a_record_on_the_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya and India signed a trade agreement in Nairobi on Tuesday."
    doc = AccordComponent(published="2023-05-02")(nlp(text))
    record = doc._.accord
    assert record.body == text
    assert record.published == "2023-05-02"
    assert record.content_hash.startswith("sha256:")
