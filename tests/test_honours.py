"""Honours named right after the verb that awards them (pipeline.components.honours), on real report text."""

from pipeline.components.honours import (
    assessment_grades,
    granted_designations,
    honour_holders,
    honours,
    ranks_among_first,
)
from pipeline.divisions import division_names


def found(text: str) -> list[str]:
    return [text[s:e] for s, e in honours(text)]


def test_honours_after_the_awarding_verb():
    # province-henan-2026, province-guangxi-2026, district-zhuzhou-shifeng-2023
    assert found("曲剧《鲁镇》摘得文华剧目奖。我省体育健儿") == ["文华剧目奖"]
    assert found("我区歌手首获表演类金钟奖。") == ["表演类金钟奖"]
    assert found("中低速磁悬浮列车等4个产品获评国家级制造业单项冠军,天桥起重") == ["国家级制造业单项冠军"]
    # province-beijing-2026: a city named as the honour
    assert found("北京被联合国组织评为生物多样性魅力城市。") == ["生物多样性魅力城市"]
    # province-tibet-2026: a title the places were made (创建为), not one they strive for (创建)
    assert found("七地（市）全部创建为国家生态文明示范区，") == ["国家生态文明示范区"]
    assert found("所有县（区、市）创建为自治区民族团结进步模范县。") == ["自治区民族团结进步模范县"]
    assert found("积极创建国家生态文明示范区，") == []  # made up


def test_an_honour_in_quotes_after_the_verb():
    # province-anhui-2026, province-fujian-2026, province-gansu-2026 (D23: quotes round the whole honour and 称号
    # after them stay outside; a word after the quotes keeps them)
    assert found("徐淙祥被授予“时代楷模”称号。") == ["时代楷模"]
    assert found("一批优秀作品获“五个一工程”奖，") == ["“五个一工程”奖"]
    assert found("数字政府服务能力连续3年获评“卓越级”，") == ["卓越级"]
    assert found("力争获评“卓越级”，") == []  # made-up: hoped for


def test_counted_hoped_for_and_not_yet_created_honours_are_left():
    # national-state-council-1986, national-state-council-2003, province-chongqing-2026
    assert found("有九百三十七项获得国家科技发明奖，其中") == []  # D6: a counted honour is an IND
    assert found("在国际比赛中共获得485个世界冠军，创造") == []
    assert found("涪陵、北碚获批创建国家乡村振兴示范区。") == []
    assert found("力争入选国家文化和旅游消费示范城市，") == []  # made-up: hoped for


def test_the_grade_of_an_assessment_is_an_honour():
    def grades(text):
        return [text[a:b] for a, b in assessment_grades(text)]

    # province-fujian-2026, province-guizhou-2026, province-guangxi-2026
    assert grades("质量、知识产权保护考核结果为A级。") == ["A级"]
    assert grades("闽宁协作考核连续7年为“好”，援藏援疆工作连续3次获全国先进典型。") == ["好"]
    assert grades("在国家考核评估中实现“九连好”。") == ["九连好"]
    # province-guangxi-2026: the streak quoted right after the assessment
    text = "国家衔接推进乡村振兴补助资金绩效评价“九连A”。保障农民工工资支付工作考核“六连A”。"
    assert grades(text) == ["九连A", "六连A"]
    assert grades("东西部协作考核连续六年获“好”的等次，") == ["“好”的等次"]
    assert grades("考核办法为好的做法") == []  # made-up: no grade


def test_the_assessment_before_its_grade_is_an_indicator():
    from pipeline.components.honours import assessments

    def named(text: str) -> list[str]:
        return [text[s:e] for s, e in assessments(text, assessment_grades(text))]

    # province-fujian-2026, province-guizhou-2026
    assert named("增加值能耗下降2.4%，国家节能目标责任评价考核结果为优秀。") == ["国家节能目标责任评价考核结果"]
    assert named("脱贫人口收入稳步增长，首次国家乡村振兴战略实绩考核为“好”。") == ["国家乡村振兴战略实绩考核"]
    # 在…中 is left (the gold leaves it unmarked 4 times in 6); no grade in the clause, no indicator (made up)
    assert named("，在国家考核评估中实现“九连好”。") == []
    assert named("，完善干部考核评价机制。") == []


def test_a_programme_marked_inside_an_assessment_gives_way_to_it():
    import spacy

    import pipeline.components.honours  # noqa: F401  (registers the factory)

    nlp = spacy.blank("zh")
    nlp.add_pipe("govreport_honours")
    # province-fujian-2026: the tagger marked 闽宁协作 PROJ inside the assessment's name
    text = "闽宁协作考核连续7年为“好”，援藏援疆工作连续3次获全国先进典型。"
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(0, 4, "PROJ", alignment_mode="expand")]
    assert [(e.text, e.label_) for e in nlp(doc).ents][:2] == [("闽宁协作考核", "IND"), ("好", "ACH")]


def _granted(text: str, names: list[str]) -> list[tuple[str, str]]:
    spans = [(text.index(n), text.index(n) + len(n), "PROJ") for n in names]
    return [(text[s:e], label) for s, e, label in granted_designations(text, spans, division_names())]


def test_a_designation_granted_is_an_achievement_held_by_the_place_it_starts_with():
    # province-fujian-2026 (the gold: 漳州 LOC, 国家骨干冷链物流基地 ACH, …), province-beijing-2026
    text = "IPO项目双双花落福建。漳州国家骨干冷链物流基地、平潭商贸服务型国家物流枢纽获批建设。大力发展"
    assert _granted(text, ["漳州国家骨干冷链物流基地", "平潭商贸服务型国家物流枢纽"]) == [
        ("漳州", "LOC"), ("国家骨干冷链物流基地", "ACH"), ("平潭", "LOC"), ("商贸服务型国家物流枢纽", "ACH")]
    text = "首旅集团等市属国企迁入副中心，副中心要素市场化配置综合改革试点获国家批复。"
    assert _granted(text, ["要素市场化配置综合改革试点"]) == [("要素市场化配置综合改革试点", "ACH")]


def test_works_approved_and_designations_hoped_for_stay_projects():
    # province-anhui-2026 (the gold: PROJ): a platform approved as a project to build
    assert _granted("量子计算研发平台获批立项，紧凑型聚变能实验装置提前进入总装", ["量子计算研发平台"]) == [
        ("量子计算研发平台", "PROJ")]
    # made-up: hoped for (D17: no ACH)
    assert _granted("争取自由贸易试验区获批。", ["自由贸易试验区"]) == [("自由贸易试验区", "PROJ")]


def test_the_holder_opening_the_clause_of_an_honour():
    def holders(text, *honoured):
        achieved = [(text.index(h), text.index(h) + len(h)) for h in honoured]
        return [(text[a:b], label) for a, b, label in honour_holders(text, achieved, division_names())]

    # district-zhuzhou-shifeng-2023: works obtain it; province-fujian-2026: a historic quarter
    text = "专利拥有量稳居全市榜首。轨道交通装备集群入围第一批全国世界级集群重点培育名单。"
    assert holders(text, "第一批全国世界级集群重点培育名单") == [("轨道交通装备集群", "PROJ")]
    text = "中国考古博物馆壳丘头分馆挂牌，兴化府历史文化街区获批国家级旅游休闲街区，"
    assert holders(text, "国家级旅游休闲街区") == [("兴化府历史文化街区", "LOC")]
    # a product or a count is left (district-zhuzhou-shifeng-2023)
    text = "电力机车专用风机、中低速磁悬浮列车等4个产品获评国家级制造业单项冠军,"
    assert holders(text, "国家级制造业单项冠军") == []


def test_awards_listed_with_one_won_are_won_too():
    from pipeline.components.honours import coordinated_awards

    def listed(text, marked):
        at = text.index(marked)
        return [text[s:e] for s, e in coordinated_awards(text, [(at, at + len(marked))])]

    # province-guizhou-2026, -ningxia-2026 (the gold: each award of such a list ACH)
    assert listed("《阳明悟道》主演获中国戏剧梅花奖、白玉兰奖", "中国戏剧梅花奖") == ["白玉兰奖"]
    assert listed("先后荣获“五个一工程”奖、文华奖、骏马奖、梅花奖、飞天奖等20项大奖", "“五个一工程”奖") == [
        "文华奖", "骏马奖", "梅花奖", "飞天奖"]
    # province-hainan-2026: the awards name a contest
    assert listed("海南文艺作品在群星奖、文华奖评比中获得佳绩", "群星奖") == []


def test_a_place_among_the_first_held_is_a_rank():
    # province-fujian-2026, national-state-council-2016
    text = "空气质量保持全国前列，城市生活污水集中收集率"
    assert [text[a:b] for a, b in ranks_among_first(text)] == ["全国前列"]
    text = "在世界主要经济体中位居前列。"
    assert [text[a:b] for a, b in ranks_among_first(text)] == ["前列"]
    # province-guangdong-2026 (shortened): 走在前列 is praise, not a rank
    text = "代化建设走在前列的殷切期望"
    assert ranks_among_first(text) == []
