"""Units and classifiers a report figure can carry, and the magnitude words folded into its value."""

from __future__ import annotations

import re

MAGNITUDES: dict[str, int] = {"万亿": 10**12, "亿": 10**8, "千万": 10**7, "百万": 10**6, "万": 10**4, "千": 10**3,
                              "百": 10**2}

PERCENT_UNITS: tuple[str, ...] = ("个百分点", "%", "‰")

# Longest first where one unit is a prefix of another (平方公里 before 平方米 before 米 ...).
UNITS: tuple[str, ...] = tuple(sorted({
    "元", "美元", "欧元", "港元", "人民币",
    "家", "户", "个", "件", "项", "人", "人次", "名", "位", "所", "座", "条", "处", "张", "台", "套",
    "辆", "艘", "架", "栋", "间", "床", "张床", "场", "次", "种", "类", "例", "篇", "部", "册", "支",
    "头", "只", "株", "棵", "份", "块", "对", "轮", "单", "宗", "笔", "起", "组", "队", "片",
    "亩", "公顷", "平方米", "平方公里", "平方千米", "立方米", "公里", "千米", "米", "延米",
    "吨", "千克", "公斤", "斤", "克", "桶", "标准箱", "标箱", "吨标准煤",
    "千瓦", "千瓦时", "瓦", "兆瓦", "吉瓦", "度", "伏", "千伏", "千伏安",
    "倍", "岁", "天", "分钟", "秒", "个月", "年", "个百分点",
    "微克/立方米", "GWh", "Eflops", "EFLOPS",  # PM2.5, battery capacity, computing power
    # old reports: energy in 千瓦小时, freight and passenger work in 吨公里 / 人公里 (…海里), birth rates in 千分点
    # (the gold: 8 of 8, 9 of 9 and 1 of 1 whole)
    "千瓦小时", "吨公里", "人公里", "吨海里", "人海里", "个千分点",
    # counts of trips, sessions and batches: the gold keeps 次 in the figure (24 of 24: 2061万架次, 500余场次)
    "场次", "架次", "辆次", "亩次", "艘次", "车次", "户次", "列次", "班次", "批次", "航次",
}, key=len, reverse=True))
# Left out on purpose, measured on the train split: 届/期 (editions and phases), 批 and 小时 (batches and
# durations) are almost never result figures; the counted noun after 个 (13个国家) is an IND of its own.

# Units a span already marked FIG may end in that the grammar does not look for (`pipeline.figures.reading`): the
# old reports' measures (担 of grain and cotton, 公尺 and 公方 for metres and cubic metres, 匹 of cloth, 枚 of spindles,
# 两 of silver, 新卢布 of loans) and counts the grammar leaves to the taggers (门 of telephone lines, 款 of products,
# 批 and 小时, P of computing power)
READING_UNITS: tuple[str, ...] = (
    "担", "公担", "公尺", "平方公尺", "立方公尺", "公方", "土方", "石方", "匹", "枚", "两", "新卢布", "卢布",
    "门", "款", "批", "小时", "列", "P", "届", "期", "孔", "锭",
)

# Units that, after a bare number, usually name a date or an age rather than a counted result.
DATE_UNITS: frozenset[str] = frozenset({"年", "月", "日", "号"})

# Classifiers of counted things: with a small Chinese numeral (两个, 三项, 五种) they name the parts of a
# slogan or of the speech (“两个确立”, 八项规定) far more often than a result (train split: 3 of 84).
COUNT_CLASSIFIERS: frozenset[str] = frozenset({"个", "项", "次", "部", "种", "条", "件", "类", "位", "名", "轮", "个月",
                                               "批次", "场次",
                                               "场", "支", "家", "所", "座", "处"})

# 7.4万套（间）, 100条（个）, 47.63万户（套）: a count unit followed by its alternative in brackets, in either bracket
# form (the pipeline reads normalised text); the bracket is part of the figure (train and dev gold: 16 of 16), its
# value and unit are those before it
ALTERNATE_UNIT_AFTER = "套条户张册个间家座所处台辆件项人"
ALTERNATE_UNIT = re.compile(rf"[（(][{ALTERNATE_UNIT_AFTER}]{{1,2}}[）)]")
