"""Named institutions as ORG (pipeline.components.institutions), on real report text."""

from pipeline.base import blank
from pipeline.components.alignment import set_entities
from pipeline.components.institutions import (
    Institutions,
    listed_labs,
    named_institutions,
    national_media,
    newspapers,
    own_level_institutions,
    sports_teams,
)
from pipeline.paths import SEGMENTER_MODEL

SEGMENTER = blank(SEGMENTER_MODEL)


def found(text: str) -> list[str]:
    return [text[s:e] for s, e in named_institutions(text)]


def test_new_institutions_in_a_plan_are_names():
    # province-beijing-2026
    assert found("加快建设中关村学院、卓越工程师学院等新型育人载体，支持在京高校开展国家学院建设试点") == [
        "中关村学院", "卓越工程师学院"]
    assert found("优化医疗卫生资源布局，首儿所通州院区基本完工，市疾控中心新址建成投用，加快安定医院选址建设。") == [
        "首儿所通州院区", "安定医院"]
    # province-henan-2026, province-anhui-2026 (balanced quotes stay inside the name)
    text = "整合规范省级创新平台，支持嵩山实验室、神农实验室等进入国家战略科技体系。"
    assert found(text) == ["嵩山实验室", "神农实验室"]
    assert found("加快农业开放创新，牵头组建“1+5”农业科技创新联盟，建设未来农业产业园") == ["“1+5”农业科技创新联盟"]


def test_an_institution_founded_is_named():
    # province-guangdong-2026
    assert found("入选第二期国家“双高计划”，大湾区大学正式成立。") == ["大湾区大学"]


def test_a_school_named_after_a_dash_or_before_what_it_takes_in():
    # district-zhuzhou-shifeng-2023: the kind before the dash is no name, the school after it is
    text = "石峰区成立以来新建的第一所公办义务教育学校——九方雪峰学校建成开学,田心中学引入二中品牌"
    assert found(text) == ["九方雪峰学校", "田心中学"]


def test_kinds_of_institution_are_not_names():
    # national-state-council-2019, province-shanghai-2021, national-state-council-2024, province-guangxi-2026
    assert found("加强乡村小规模学校和乡镇寄宿制学校建设，促进高等教育内涵式发展。") == []
    assert found("构建智慧化健康服务体系，提升互联网医院、远程医疗、智慧养老等服务能力。") == []
    assert found("加强国家实验室建设，推进重大科技基础设施建设") == []
    assert found("大力推进平安校园、平安医院建设") == []
    # province-yunnan-2026: an unclosed quote is no name; a title is not looked into
    assert found("提升“云企出海联盟”效能。") == []
    assert found("《关于支持神农实验室建设的意见》") == []  # made-up


def test_the_component_marks_only_what_the_recogniser_left():
    # province-henan-2026: the recogniser's 嵩山实验室 stays as it is, 神农实验室 is added
    text = "整合规范省级创新平台，支持嵩山实验室、神农实验室等进入国家战略科技体系。"
    doc = SEGMENTER.make_doc(text)
    at = text.index("嵩山")
    set_entities(doc, [(at, at + 5, "PROJ")])
    assert [(e.text, e.label_) for e in Institutions()(doc).ents] == [("嵩山实验室", "PROJ"), ("神农实验室", "ORG")]


def test_a_named_institution_read_as_an_indicator_is_the_institution():
    # province-shandong-2026: the tagger read 康复大学 as an IND; the count's own IND stays
    text = "小学学位142万个，新增康复大学等高校14所"
    doc = SEGMENTER.make_doc(text)
    at, kind = text.index("康复大学"), text.index("高校")
    set_entities(doc, [(at, at + 4, "IND"), (kind, kind + 2, "IND")])
    assert [(e.text, e.label_) for e in Institutions()(doc).ents] == [("康复大学", "ORG"), ("高校", "IND")]


def test_labs_named_after_places_in_a_list_of_labs_are_the_labs():
    # province-chongqing-2026, province-jiangsu-2026: the recogniser's LOC on a member gives way, its PROJ stays
    text = "挂牌建设金凤、嘉陵江、明月湖3个重庆实验室，"
    doc = SEGMENTER.make_doc(text)
    set_entities(doc, [(4, 6, "PROJ"), (7, 10, "LOC"), (11, 14, "LOC")])
    assert [(e.text, e.label_) for e in Institutions()(doc).ents] == [
        ("金凤", "PROJ"), ("嘉陵江", "ORG"), ("明月湖", "ORG")]
    text = "紫金山、太湖、钟山、云龙湖等实验室加快建设"
    assert [text[s:e] for s, e in listed_labs(text)] == ["紫金山", "太湖", "钟山", "云龙湖"]
    # province-liaoning-2026: the preposition before the first member is no part of it
    assert [t[s:e] for t in ["深化与苏州、崖州湾等国家实验室"] for s, e in listed_labs(t)] == ["苏州", "崖州湾"]
    # province-guizhou-2026: fields of research listed before the labs to be set up are no labs
    assert listed_labs("在关键零部件、矿产资源、大数据等领域布局建设省实验室") == []


def test_the_source_a_report_credits_is_an_organisation():
    from pipeline.components.institutions import credited_sources

    # national-state-council-2020, province-ningxia-2026; national-state-council-1955: 来源 opening a list
    for text, name in [("(来源：中国政府网）", "中国政府网"), ("来源：\n宁夏日报客户端\n阅读量：", "宁夏日报客户端")]:
        assert [text[s:e] for s, e in credited_sources(text)] == [name]
    assert credited_sources("积累来源：\n一、我国人民") == []
    # the recogniser's newspaper alone gives way to the outlet credited whole
    text = "来源：\n宁夏日报客户端\n阅读量："
    doc = SEGMENTER.make_doc(text)
    at = text.index("宁夏日报")
    set_entities(doc, [(at, at + 4, "ORG")])
    assert [(e.text, e.label_) for e in Institutions()(doc).ents] == [("宁夏日报客户端", "ORG")]


def test_the_newspaper_a_report_was_taken_from_is_an_organisation():
    # province-shandong-2026, province-xinjiang-2026, province-ningxia-2026: the headers of real reports
    def named(text):
        return [text[a:b] for a, b in newspapers(text)]

    assert named("第四次会议上\n来源：大众日报\n时间：2026-02-01") == ["大众日报"]
    assert named("向大会作政府工作报告。石榴云/新疆日报记者谢龙摄") == ["新疆日报"]
    assert named("来源：\n宁夏日报客户端\n阅读量：") == ["宁夏日报客户端"]
    # a paper's name inside a clause is no credit (made up)
    assert named("支持办好党报日报，推进媒体深度融合") == []


def test_the_national_media_are_organisations():
    # district-zhuzhou-shifeng-2023, province-guizhou-2026; 央视 in an event's name is part of it (province-chongqing-
    # 2026); three sentences of the three reports
    text = "疫情下的保供稳产经验被中央电视台新闻联播报道。电视剧《乌蒙深处》等在央视热播。成功举办央视春晚重庆分会场"
    assert [text[s:e] for s, e in national_media(text)] == ["中央电视台", "央视"]


def test_a_sports_team_opening_its_clause_with_what_it_won_is_an_organisation():
    # province-chongqing-2026, province-hainan-2026, province-qinghai-2026
    text = "“渝超联赛”火爆出圈，铜梁龙足球队冲超成功。琼中女足“冲超”成功。青海冰壶队夺得中国冰壶联赛男子组冠军"
    assert [text[s:e] for s, e in sports_teams(text)] == ["铜梁龙足球队", "琼中女足", "青海冰壶队"]
    # a team formed is no named team (made up)
    assert sports_teams("各族群众组成代表队参加比赛") == []


def test_an_institution_named_by_the_report_s_own_level_is_that_institution():
    # district-zhuzhou-shifeng-2023: the district's home for the elderly
    text = "城镇调查失业率控制在5.5%以内。区敬老院提质升级。"
    assert [text[s:e] for s, e in own_level_institutions(text, "district")] == ["区敬老院"]
    # in a national report the level names a kind (national-state-council-2011: counted county hospitals)
    assert own_level_institutions("镇卫生院、1500所县医院、500所县中医院和", "national") == []
    # a county's report (made up): its own hospital, not a counted kind, not the works of its second phase
    text = "县人民医院成功创建三级医院，新建2所县中医院，县图书馆二期开工"
    assert [text[s:e] for s, e in own_level_institutions(text, "county")] == ["县人民医院"]
    # a municipality's report names its own by 市 (province-beijing-2026)
    text = "首儿所通州院区基本完工，市疾控中心新址建成投用"
    assert [text[s:e] for s, e in own_level_institutions(text, "province", municipality=True)] == ["市疾控中心"]


def test_a_city_or_countys_hospitals_and_schools_by_their_numbers():
    # made up, in the manner of city and county reports; 三区一中心 is a slogan, 一中心小学 another school's name
    def own(text, level):
        return [text[s:e] for s, e in own_level_institutions(text, level)]

    assert own("市中心医院、市一医院通过国家胸痛中心认证", "city") == ["市中心医院", "市一医院"]
    assert own("县一中高考上线率", "county") == ["县一中"]
    assert own("围绕建设三区一中心", "district") == [] and own("新建县一中心小学", "county") == []


def test_the_reports_own_institution_opening_an_indicator_holds_it():
    # province-hainan-2026 (the gold: ORG 省人民医院 + IND 绩效考核); the report's level read from a made-up header
    import spacy

    text = ("政府工作报告\n海南省人民政府省长\n各位代表：\n"
            "公立医院改革成效显著，省人民医院绩效考核连续两年进入全国A+等级")
    nlp = spacy.blank("zh")
    nlp.add_pipe("govreport_institutions")
    doc = nlp.make_doc(text)
    at = text.index("省人民医院绩效考核")
    set_entities(doc, [(at, at + 9, "IND")])
    assert [(e.text, e.label_) for e in nlp.get_pipe("govreport_institutions")(doc).ents] == [
        ("省人民医院", "ORG"), ("绩效考核", "IND")]


def test_a_county_level_citys_own_institutions_are_the_citys():
    # made-up opening of a county-level city's report: its level is county, its institutions are named by 市
    import spacy

    from pipeline.components.report import report_context

    text = ("政府工作报告\n——2026年1月8日在浏阳市第十八届人民代表大会第五次会议上\n浏阳市人民政府市长\n各位代表：\n"
            "市敬老院提质升级，县敬老院是另一级的。")
    nlp = spacy.blank("zh")
    nlp.add_pipe("govreport_institutions")
    doc = nlp(text)
    assert (report_context(doc).level, report_context(doc).place) == ("county", "浏阳市")
    assert [(e.text, e.label_) for e in doc.ents] == [("市敬老院", "ORG")]


def test_international_organisations_named_as_whole_words():
    from pipeline.components.institutions import international_bodies
    from pipeline.gazetteer import Gazetteer
    from pipeline.paths import INTERNATIONAL_BODIES
    from pipeline.tokenizer import WORD_STARTS

    bodies = Gazetteer.from_file(INTERNATIONAL_BODIES)

    def found(text):
        doc = SEGMENTER.make_doc(text)
        return [text[s:e] for s, e in international_bodies(text, doc.user_data[WORD_STARTS], bodies)]

    # national-state-council-1996 (held-out dev: left by the taggers), national-state-council-2012
    assert found("积极发展同中亚及其他独联体国家的良好关系") == ["独联体"]
    assert found("积极参与二十国集团等全球经济治理机制建设") == ["二十国集团"]
    # national-state-council-2000: the charter is no body acting
    assert found("坚决维护联合国宪章的宗旨和原则") == []


def test_the_component_marks_an_international_organisation_the_recogniser_left():
    # province-shanghai-2026 (held-out dev: 世行 left by the taggers)
    doc = SEGMENTER.make_doc("等领域推出一批创新举措，深化世行评估对标改革，进一步为企业减负")
    assert [(e.text, e.label_) for e in Institutions()(doc).ents] == [("世行", "ORG")]
