"""Airports and ports named by their place (pipeline.components.transport_hubs), on real report text."""

from pipeline.components.transport_hubs import named_streets, transport_hubs
from pipeline.divisions import division_names

DIVISIONS = division_names()


def found(text: str) -> list[str]:
    return [text[s:e] for s, e in transport_hubs(text, DIVISIONS)]


def test_airports_and_ports_named_by_a_place():
    # province-anhui-2026, province-hebei-2026, province-hainan-2026
    assert found("支持合肥机场、芜宣机场提升货运能力") == ["合肥机场"]  # 芜宣 is no division: left to the recogniser
    assert found("加快打造黄骅港多功能、综合性、现代化港口") == ["黄骅港"]
    assert found("加快三亚新机场建设") == ["三亚新机场"]


def test_cities_named_for_a_port_harbour_words_and_hong_kong_are_left():
    assert found("连云港、防城港等沿海城市") == []  # the cities (made-up list)
    assert found("唐山港口货物吞吐量、香港") == []  # made up: 港口 is a harbour, 香港 no port of a division
    assert found("推进机场改扩建") == []


def streets(text: str) -> list[str]:
    return [text[s:e] for s, e in named_streets(text)]


def test_streets_named_where_they_are_built():
    # district-zhuzhou-shifeng-2023
    assert streets("田心提质全面提速,田心路、先锋路竣工,中车广场启动提质") == ["田心路", "先锋路"]
    assert streets("清水塘大桥主桥合龙,清霞路、qst10路等全线贯通,清水塘城市公园一期基本建成") == ["清霞路", "qst10路"]


def test_generic_roads_and_roads_not_being_built_are_left():
    # province-inner-mongolia-2026: kinds of road, no names
    assert streets("打通断头路、修复坑洼路，推动具备条件的车站、机场建设网约车专用停车区") == []
    # province-shanghai-2022: the gold keeps the action with the name (两港大道快速化), left to the recogniser
    assert streets("两港大道快速化、崧泽高架西延伸等重点交通项目相继建成") == []
    assert streets("改造农村公路、城市道路竣工") == []  # made up
