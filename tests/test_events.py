"""Events named after their edition (pipeline.components.events), on real report text."""

from pipeline.components.events import campaigns, edited_events


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


def test_the_early_campaigns_are_programmes():
    # national-state-council-1955: the campaigns named without a head word
    text = "在改革土地制度、抗美援朝、镇压反革命、进行“三反”“五反”等各个战线上的胜利"
    assert [text[a:b] for a, b in campaigns(text)] == ["抗美援朝", "镇压反革命", "三反", "五反"]
    # the war, and a word that needs its head, are not the campaign (national-state-council-1955; made up)
    assert campaigns("一九五○年开始的抗美援朝战争，到一九五三年") == []
    assert campaigns("深入开展爱国卫生运动，推进社会主义教育") == [(4, 10)]
    # national-state-council-1957: the land reform carried out, not the law named after it
    text = "我們先后进行了土地改革、抗美援朝、肃淸反革命"
    assert [text[a:b] for a, b in campaigns(text)] == ["土地改革", "抗美援朝", "肃淸反革命"]
    assert campaigns("劳动保险条例、土地改革法、农业合作社示范章程") == []
