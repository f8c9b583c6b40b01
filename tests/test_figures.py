"""Figure grammar and normalisation on the forms reports use. Short snippets are made up for edge cases
unless marked as quoted from a report."""

import pytest

from pipeline.figures import find_figures, normalise_figure, normalise_span, parse_figure
from pipeline.textnorm import normalise


def figures(text: str) -> list[tuple[str, dict]]:
    norm = normalise(text)
    return [(text[m.start:m.end], normalise_figure(m, norm).as_dict()) for m in find_figures(norm)]


def only(text: str) -> tuple[str, dict]:
    found = figures(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, span, value, unit, qualifier, change",
    [
        # quoted from the Shifeng 2023 report
        ("完成增值税留抵退税等减税降费28.26亿元", "28.26亿元", 2_826_000_000, "元", None, None),
        ("市场主体突破3.2万家", "3.2万家", 32_000, "家", None, "突破"),
        ("预计全年地区生产总值同比增长5%左右", "5%左右", 5.0, "%", "approx", "增长"),
        ("超15万件“一件事一次办”事项高效办成", "超15万件", 150_000, "件", "at_least", None),
        ("基本医保参保率稳定在98%以上", "98%以上", 98.0, "%", "at_least", None),
        ("城镇调查失业率控制在5.5%以内", "5.5%以内", 5.5, "%", "at_most", None),
        ("拆除违章建筑7.3万平方米", "7.3万平方米", 73_000, "平方米", None, None),
        ("新增“四上”企业29家", "29家", 29, "家", None, "新增"),
        # made up
        ("投入一千二百万元", "一千二百万元", 12_000_000, "元", None, None),
        ("改造1.2万平方米", "1.2万平方米", 12_000, "平方米", None, None),
        ("出口下降3%", "3%", 3.0, "%", None, "下降"),
        ("工业负增长，降幅3%", "3%", 3.0, "%", None, None),
        ("增长-3%", "-3%", -3.0, "%", None, "增长"),
        ("粮食产量达到1.3万亿斤", "1.3万亿斤", 1.3e12, "斤", None, "达到"),
        ("下降0.5个百分点", "0.5个百分点", 0.5, "个百分点", None, "下降"),
        ("3000多家企业", "3000多家", 3000, "家", "at_least", None),
        ("百分之五十的村", "百分之五十", 50.0, "%", None, None),
        ("增长６．５％", "６．５％", 6.5, "%", None, "增长"),  # full-width digits, as in the 1989-1991 reports
        ("投资1,200万元", "1,200万元", 12_000_000, "元", None, None),
        ("近30%的县", "近30%", 30.0, "%", "approx", None),
        # guidelines D1: two-character verbs stay outside, the normaliser still reads them
        ("可再生能源装机占比超过55%", "55%", 55.0, "%", "at_least", None),
        ("接近80%", "80%", 80.0, "%", "approx", None),
        ("增长不到3%", "3%", 3.0, "%", "at_most", "增长"),
    ],
)
def test_normalisation(text, span, value, unit, qualifier, change):
    found_span, fig = only(text)
    assert found_span == span
    assert fig["value"] == pytest.approx(value)
    assert fig["unit"] == unit
    assert fig["qualifier"] == qualifier
    assert fig["change"] == change


@pytest.mark.parametrize("span, value, unit, qualifier", [
    ("两个", 2, "个", None), ("一千二百万元", 12_000_000, "元", None), ("超15万件", 150_000, "件", "at_least"),
    ("三千多项", 3000, "项", "at_least"), ("5%左右", 5.0, "%", "approx"),
    ("两倍多", 2, "倍", "at_least"), ("六倍半", 6.5, "倍", None),  # national-state-council-1958, -1954
])
def test_parse_figure_reads_a_whole_span(span, value, unit, qualifier):
    """Spans a model marked as FIG are read whole, without the recogniser's filters (两个 is a count here)."""
    match = parse_figure(span, 10)
    assert (match.start, match.end) == (10, 10 + len(span))
    fig = normalise_figure(match, "建成" * 5 + span)
    assert (fig.value, fig.unit, fig.qualifier) == (value, unit, qualifier)


def test_small_chinese_counts_are_not_recognised():
    assert figures("坚持两个统筹，落实八项规定") == []  # made up; slogans, not results


def test_negative_growth_word_sets_change():
    _, fig = only("出口负增长3%")
    assert fig["change"] == "下降"


@pytest.mark.parametrize("text", ["2022年", "1月6日", "第一批", "“两个统筹”", "第3届", "一个重要", "2010-2020年"])
def test_not_figures(text):
    assert figures(text) == []


def test_figure_offsets_index_original_text():
    text = "增长６．５％，投资28亿元"
    for span_text, _ in figures(text):
        assert span_text in text


def test_normaliser_agrees_with_hand_normalised_gold_values():
    """On the FIG spans whose values were written by hand (corpus/figures), read each gold span as the normaliser
    does (the grammar, then the lenient reading) and compare against floors under the measured agreement."""
    from pathlib import Path

    from pipeline.corpus.splits import attach_figure_values
    from pipeline.records import read_jsonl

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    agree = {"value": 0, "unit": 0, "qualifier": 0, "change": 0}
    total = 0
    for tsv in sorted((corpus / "figures").glob("*.tsv")):
        record = attach_figure_values(next(read_jsonl(corpus / "gold" / f"{tsv.stem}.jsonl")), corpus)
        text = normalise(record["text"])
        for ent in (e for e in record["entities"] if e["label"] == "FIG" and "value" in e):
            fig = normalise_span(text, ent["start_offset"], ent["end_offset"]).as_dict()
            total += 1
            for field in agree:
                got, want = fig.get(field), ent[field]
                ok = (got == pytest.approx(want)) if field == "value" and want is not None and got is not None \
                    else got == want
                agree[field] += ok
    assert total >= 80
    rates = {k: v / total for k, v in agree.items()}
    print(rates)
    # 0.95 / 0.95 with the grammar alone; 0.99 / 0.99 with the lenient reading (2026-12-08)
    assert rates["value"] >= 0.97 and rates["qualifier"] >= 0.97 and rates["change"] >= 0.85


def test_names_and_idioms_with_numerals_are_not_figures():
    from pipeline.figures import find_figures

    # national 1978: “ 四人帮” (a space after the quote), 危机四伏, 千百万知识青年
    for text in ("通过深入揭批“ 四人帮”，进一步分清路线是非", "超级大国内外交困，危机四伏", "千百万知识青年上山下乡"):
        assert find_figures(text) == []
    assert [(m.start, m.end) for m in find_figures("四人帮横行时粮食增长百分之四")] == [(10, 14)]  # made-up


def test_counts_of_the_reports_own_apparatus_are_not_figures():
    from pipeline.figures import find_figures

    def texts(text):
        return [text[m.start:m.end] for m in find_figures(text)]

    # province-liaoning-2026, province-jiangxi-2026, province-gansu-2026, province-fujian-2026
    assert texts("出台科技金融20条政策措施。") == []
    assert texts("提出了28个主要指标，其中20个预期性指标、8个约束性指标。") == []
    assert texts("规模以上工业增加值增速连续30个月居全国前列，经济增速连续16个季度高于全国平均水平") == []
    assert texts("安全生产和消防工作考核连续3次获评优秀。") == []
    # but a count of things built stays one (province-chongqing-2026), as does a run of projects (made-up)
    assert texts("累计建成美丽河湖30条、幸福河湖6条") == ["30条", "6条"]
    assert texts("连续5个项目开工") == ["5个"]


def test_rates_alternatives_ranges_and_durations():
    from pipeline.figures import find_figures

    def found(text):
        return [(text[m.start:m.end], m.unit, m.negative) for m in find_figures(text)]

    # province-anhui-2026, province-guizhou-2026: a rate keeps its unit after the slash, a range has no minus
    assert found("城市低保人均保障标准从796元/月提高至842元/月、") == [("796元/月", "元/月", False),
                                                                      ("842元/月", "元/月", False)]
    assert found("地区生产总值增长5%-5.5%，") == [("5%", "%", False), ("5.5%", "%", False)]
    assert found("新增保障性租赁住房3.8万套（间）。") == [("3.8万套（间）", "套", False)]
    # years of schooling are a duration; PM2.5 and an item number before a year are neither
    assert [f[0] for f in found("平均受教育年限从2020年的9.6年提升至2025年的10.2年左右")] == ["9.6年", "10.2年左右"]
    assert found("PM2.5年均浓度降至32微克/立方米，") == [("32微克/立方米", "微克/立方米", False)]
    assert found("20.2026年10件民生实事") == [("10件", "件", False)]
    assert [f[0] for f in found("新能源电池产能达55GWh，全省算力规模突破160Eflops")] == ["55GWh", "160Eflops"]
    assert found("下降-3%") == [("-3%", "%", True)]  # made-up: a minus after a word stays one


def test_counts_of_trips_and_batches_keep_their_ci():
    from pipeline.figures import find_figures

    # province-guangdong-2026, province-ningxia-2026, province-tibet-2026
    text = "起降设施增至3592个，飞行规模2061万架次"
    assert [text[m.start:m.end] for m in find_figures(text)] == ["3592个", "2061万架次"]
    assert [m.end - m.start for m in find_figures("举办文化演艺、体育赛事等促消费活动500余场次，")] == [6]
    assert find_figures("“高效办成一件事”四批次清单全面落地") == []


def test_old_reports_qualifiers_and_populations():
    from pipeline.figures import find_figures

    def texts(text):
        return [text[m.start:m.end] for m in find_figures(text)]

    # national-state-council-1957: 将近 stays outside, 約 (traditional) is a qualifier, 六万万人口 is no figure
    assert texts("在四年中间，提高了将近37%。") == ["37%"]
    assert texts("被灾田地約二亿三千万亩，") == ["約二亿三千万亩"]
    assert texts("我们是六万万人口的大国") == []
    # national-state-council-1955: the 约 of 节约 belongs to the verb
    assert texts("这样，就可以节约二十亿元") == ["二十亿元"]


def test_old_reports_units_and_a_little_over_a_percentage():
    def texts(text):
        text = normalise(text)
        return [text[m.start:m.end] for m in find_figures(text)]

    # national-state-council-1990, -1955, -1993, -1957
    assert texts("发电量５８２０亿千瓦小时，比上年增长") == ["5820亿千瓦小时"]
    assert texts("旅客周转量将达到三百二十亿人公里，") == ["三百二十亿人公里"]
    assert texts("沿海轮驳船货物周转量将达到五十七亿五千万吨海里，") == ["五十七亿五千万吨海里"]
    assert texts("出生率下降５个千分点，") == ["5个千分点"]
    assert texts("占全部文教经费的24%强，") == ["24%强"]
    assert texts("进入世界500强。") == []  # made up: 强 after a bare number is a list, no qualifier
    # national-state-council-1958, -1954: what follows 倍 is part of the multiple
    assert texts("排水灌溉机械将比一九五七年增长两倍多，") == ["两倍多"]
    assert texts("經濟建設的支出等於一九五〇年的六倍半；") == ["六倍半"]


def test_a_count_unit_with_its_alternative_in_brackets():
    # province-shanghai-2026: 筹措保障性租赁住房7.4万套（间）; the bracket is part of the figure (gold: 16 of 16)
    match = parse_figure("7.4万套（间）", 7)
    assert (match.start, match.end) == (7, 15)
    assert normalise_figure(match, "筹措保障性租赁住房7.4万套（间）").as_dict()["value"] == pytest.approx(74000)
    assert parse_figure("7.4万（间）") is None  # made up: no unit before the bracket


def test_rates_per_day_second_and_money():
    # province-beijing-2026, province-guangdong-2026
    found = [(m.unit, m.end - m.start) for m in find_figures("生产安全事故死亡率控制在0.6人/百亿元以下")]
    assert found == [("人/百亿元", len("0.6人/百亿元以下"))]
    assert [m.unit for m in find_figures("生活垃圾总处理能力提高到16.9万吨/日")] == ["吨/日"]


def test_the_dimensions_and_fields_of_a_plans_outline_are_no_figures():
    # province-beijing-2026, province-liaoning-2026 (29项 before 主要指标 is left: 项 counts results as often)
    assert [f for f, _ in figures("开放、共享、安全6个维度设置了29项主要指标")] == ["29项"]
    assert figures("《纲要（草案）》安排了18个领域的重点任务。") == []


def test_grasping_both_ends_is_no_figure():
    # province-guizhou-2026, national-state-council-1986 (the gold: 7 of 7 such 两头 unmarked)
    assert figures("坚持“抓两头、带中间”，促进农业") == []
    assert figures("科学技术的发展主要是抓好两头。") == []


def test_the_recogniser_leaves_thresholds_ages_and_grades_to_the_span_they_belong_to():
    # province-gansu-2026, province-hainan-2026, province-ningxia-2026 (D22): a figure the span constraints would drop
    # is not set before the taggers, where it would keep them from the IND or PROJ around it
    from pipeline.base import blank
    from pipeline.components.figure_recognizer import FigureRecognizer
    from pipeline.paths import SEGMENTER_MODEL

    def figs(text: str) -> list[str]:
        return [e.text for e in FigureRecognizer()(blank(SEGMENTER_MODEL)(text)).ents]

    assert figs("新增村级互助幸福院900个。每千人拥有3岁以下婴幼儿托位数4.59个。") == ["900个", "4.59个"]
    assert figs("单笔50万元以下拖欠企业账款全部清零") == []
    assert figs("新建22个750千伏和330千伏电网工程") == ["22个"]
    assert figs("洋浦港20万吨级泊位和深水航道投用") == []
    # province-ningxia-2026: a capacity between a name and the works it sizes; province-yunnan-2026: one after 从 stays
    assert figs("开工建设南网720兆瓦储能电站等项目") == []
    assert figs("从3800万吨提升至") == ["3800万吨"]
    # made up: an amount and a count keep their figures
    assert figs("投资10亿元以上，建成10个以上产业园") == ["10亿元以上", "10个以上"]


def test_a_figure_as_a_dict_has_every_field():
    # as_dict lists the fields by hand (for speed): a field added to Figure must be added there too
    import dataclasses

    from pipeline.figures.normalise import Figure

    figure = Figure(value=2826000000.0, unit="元", qualifier="约", change="增长")
    assert figure.as_dict() == dataclasses.asdict(figure)


@pytest.mark.parametrize("text, span, value, unit, qualifier", [
    # national-state-council-1955: old units, a numeral read greedily to a wrong unit, magnitude words alone, 万万
    ("棉花：达到三千二百七十万担", "三千二百七十万担", 32_700_000, "担", None),
    ("后增加的发电能力将为四百零六万千瓦", "四百零六万千瓦", 4_060_000, "千瓦", None),
    ("建立一个什么年产十万吨的钢铁", "十万吨", 100_000, "吨", None),
    ("折合黄金七万万两以上", "七万万两以上", 700_000_000, "两", "at_least"),
    ("济的社会主义改造只在三分之一左右", "三分之一左右", 100 / 3, "%", "approx"),
    # national-state-council-2003: a bare number before 人口
    ("在我们这样一个近13亿人口的国家", "近13亿", 1_300_000_000, None, "approx"),
    # national-state-council-1999: a middle dot as the decimal point
    ("全年增长19·5％，", "19·5％", 19.5, "%", None),
    # national-state-council-1979: per mille in words
    ("四川省由千分之二十九降到千分之六点一", "千分之六点一", 6.1, "‰", None),
    # province-guangxi-2026, province-beijing-2026, province-anhui-2026: magnitudes after digits, shares in tenths
    ("累计分别突破9千亿元", "9千亿元", 900_000_000_000, "元", None),
    ("企业贷款余额超万亿元", "超万亿元", 1_000_000_000_000, "元", "at_least"),
    ("八成以上财政资金", "八成以上", 80, "%", "at_least"),
])
def test_a_span_the_grammar_cannot_read_is_read_leniently(text, span, value, unit, qualifier):
    norm = normalise(text)
    start = norm.index(normalise(span))
    fig = normalise_span(norm, start, start + len(span))
    assert fig.value == pytest.approx(value) and fig.unit == unit and fig.qualifier == qualifier


def test_what_no_reading_understands_keeps_no_value():
    # national-state-council-1955 (上百万) and a ratio (made up)
    for text in ("上百万", "2.81∶1"):
        assert normalise_span(text, 0, len(text)).value is None
