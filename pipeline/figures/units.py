"""Units and classifiers a report figure can carry, and the magnitude words folded into its value."""

from __future__ import annotations

MAGNITUDES: dict[str, float] = {"万亿": 1e12, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3, "百": 1e2}

PERCENT_UNITS: tuple[str, ...] = ("个百分点", "%", "‰")

# Longest first where one unit is a prefix of another (平方公里 before 平方米 before 米 ...).
UNITS: tuple[str, ...] = tuple(sorted({
    "元", "美元", "欧元", "港元", "人民币",
    "家", "户", "个", "件", "项", "人", "人次", "名", "位", "所", "座", "条", "处", "张", "台", "套",
    "辆", "艘", "架", "栋", "间", "床", "张床", "场", "次", "批", "种", "类", "例", "篇", "部", "册", "支",
    "头", "只", "株", "棵", "份", "块", "对", "轮", "期", "届", "单", "宗", "笔", "起", "组", "队", "片",
    "亩", "公顷", "平方米", "平方公里", "平方千米", "立方米", "公里", "千米", "米", "延米",
    "吨", "千克", "公斤", "斤", "克", "桶", "标准箱", "标箱", "吨标准煤",
    "千瓦", "千瓦时", "瓦", "兆瓦", "吉瓦", "度", "伏", "千伏", "千伏安",
    "倍", "岁", "天", "小时", "分钟", "秒", "个月", "年",
    "所学校", "个百分点", "个村", "个县", "个乡镇", "个城市", "个国家",
}, key=len, reverse=True))

# Units that, after a bare number, usually name a date or an age rather than a counted result.
DATE_UNITS: frozenset[str] = frozenset({"年", "月", "日", "号"})
