"""Events named after their edition (pipeline.components.events), on real report text."""

from pipeline.components.events import edited_events


def found(text: str) -> list[str]:
    return [text[s:e] for s, e in edited_events(text)]


def test_the_name_after_the_edition_is_the_event():
    # province-liaoning-2026, province-guizhou-2026, province-guangxi-2026
    assert found("办好第十三届省艺术节。") == ["省艺术节"]
    assert found("成功举办贵州省第八届少数民族文艺会演。") == ["少数民族文艺会演"]
    assert found("成功举办第21届中国—东盟博览会、中国—东盟商务与投资峰会") == ["中国—东盟博览会"]


def test_congresses_committees_and_lists_are_no_events():
    # national-state-council-1975: 第四届全国人民代表大会 is a body (ORG)
    assert found("在第四届全国人民代表大会第一次会议上") == []
    assert found("政协第十四届全国委员会") == []
    assert found("第七届消博会等重大展会") == ["消博会"]  # made up: 等 ends the name
