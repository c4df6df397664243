"""Chinese search: two-, three- and four-character words inside longer text, mixed codes."""
from __future__ import annotations

import datetime as dt

import pytest

from liaison_app.core import search
from liaison_app.core.services import enterprises, visits
from liaison_app.core.services.enterprises import EnterpriseInput
from liaison_app.core.services.visits import VisitInput


@pytest.fixture
def county(store):
    steel = enterprises.create(data=EnterpriseInput(
        name="山东鑫华钢铁有限公司", uscc="91371082775260043P", town="晏城街道",
        contact_name="王建国", contact_phone="13812345678", notes="车牌 鲁A12345 的货车"))
    food = enterprises.create(data=EnterpriseInput(
        name="齐河县美源食品有限公司", uscc="91110000600037341L", town="祝阿镇",
        contact_name="李秀英", contact_phone="0534-5321234"))
    visits.save(data=VisitInput(
        enterprise_id=steel.id, visit_at=dt.datetime(2026, 3, 2, 9, 30),
        summary="企业反映新建车间的环评报告迟迟未批，影响项目开工。",
        problems="厂区供电线路老化，经常跳闸"))
    visits.save(data=VisitInput(
        enterprise_id=food.id, visit_at=dt.datetime(2026, 4, 8, 14, 0),
        summary="了解用工情况，一线工人缺口约五十人。"))
    return steel, food


def titles(query: str) -> list[str]:
    return [hit.title for hit in search.search(query)]


def test_default_fts_tokenizer_would_not_find_a_two_character_word():
    # The reason the index holds bigrams: unicode61 sees a whole clause as one token.
    assert search.tokenize_for_index("环评报告") == "环评 评报 报告"


@pytest.mark.parametrize("query", ["环评", "供电", "跳闸"])
def test_two_character_words_are_found_inside_longer_text(county, query):
    assert any("鑫华钢铁" in t for t in titles(query))


def test_three_and_four_character_words(county):
    assert any("鑫华钢铁" in t for t in titles("环评报"))
    assert any("鑫华钢铁" in t for t in titles("环评报告"))
    assert any("美源食品" in t for t in titles("一线工人"))


def test_a_phrase_must_match_as_written_not_as_scattered_characters(county):
    # 报环 never occurs, though both characters do.
    assert titles("报环") == []
    assert titles("评环") == []


def test_enterprise_name_ranks_above_a_passing_mention(county):
    hits = search.search("鑫华")
    assert hits[0].kind == "enterprise"


def test_person_name(county):
    assert titles("王建国") == ["山东鑫华钢铁有限公司"]
    assert titles("李秀英") == ["齐河县美源食品有限公司"]


def test_uscc_full_and_typed_in_lower_case(county):
    assert titles("91371082775260043P") == ["山东鑫华钢铁有限公司"]
    assert titles("91371082775260043p") == ["山东鑫华钢铁有限公司"]


def test_start_of_a_number_finds_it_while_typing(county):
    assert "山东鑫华钢铁有限公司" in titles("9137108")
    assert "山东鑫华钢铁有限公司" in titles("138123")


def test_plate_number_mixing_chinese_and_latin(county):
    assert titles("鲁A12345") == ["山东鑫华钢铁有限公司"]
    assert titles("鲁a12345") == ["山东鑫华钢铁有限公司"]


def test_landline_with_area_code(county):
    assert titles("0534-5321234") == ["齐河县美源食品有限公司"]


def test_several_words_must_all_match(county):
    assert any("鑫华" in t for t in titles("环评 供电"))
    assert titles("环评 用工") == []


def test_matched_words_are_highlighted(county):
    hit = [h for h in search.search("环评") if h.kind == "visit"][0]
    assert "<b>环评</b>" in hit.snippet_html
    name_hit = search.search("鑫华")[0]
    assert "<b>鑫华</b>" in name_hit.title_html


def test_highlight_escapes_html_in_user_text():
    assert search.highlight("<script>环评", ["环评"]) == "&lt;script&gt;<b>环评</b>"


def test_edit_updates_the_index_and_delete_removes_it(county):
    steel, _food = county
    enterprises.update(record_id=steel.id, data=EnterpriseInput(
        **{**vars(EnterpriseInput.from_record(steel)), "name": "山东鑫华特钢集团有限公司"}))
    assert "山东鑫华特钢集团有限公司" in titles("特钢")
    enterprises.soft_delete(record_id=steel.id)
    assert titles("特钢") == []


def test_queries_that_are_only_punctuation_find_nothing_and_do_not_fail(county):
    assert search.search('"*()') == []
    assert search.search("   ") == []
    assert search.search("AND OR NOT") == []


def test_chinese_right_after_latin_letters_is_still_found(store):
    ent = enterprises.create(data=EnterpriseInput(name="测试园区企业", notes="A栋厂房屋顶漏水"))
    assert [h.record_id for h in search.search("栋厂")] == [ent.id]
    assert [h.record_id for h in search.search("A栋")] == [ent.id]


def test_skipping_normalisation_for_plain_chinese_gives_the_same_tokens():
    import random
    import unicodedata

    def reference(text: str) -> list[str]:
        folded = unicodedata.normalize("NFKC", text).lower()
        tokens: list[str] = []
        for match in search._RUN.finditer(folded):
            cjk, other = match.groups()
            tokens.extend(search._bigrams(cjk) if cjk else [other])
        return tokens

    alphabet = "环评供电企业反映鲁A12345 abc-XYZ，。、_\n䶮㛃𠀀０１Ａｚ①㎡ﬁ²Ⅻ　ｶ豈 ´"
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert search.index_tokens(text) == reference(text), text


@pytest.mark.parametrize("ties_ranked", [0, 7, search.TIES_RANKED])
def test_a_common_word_lists_the_best_hits_newest_first_among_equals(store, monkeypatch,
                                                                     ties_ranked):
    """Hundreds of records share a word: the hits shown are exactly the best ranked, and
    among equally ranked ones the newest (undated ones last), as if every hit's document had
    been read. However many tie with the last hit shown: more than the first ranking pass
    keeps (0, 7) or fewer."""
    from liaison_app.core.db import database_proxy

    monkeypatch.setattr(search, "TIES_RANKED", ties_ranked)
    docs = []
    for i in range(300):
        # Three kinds of text, so that whole groups rank the same and ties cross the cut.
        text = ("供电线路老化" if i % 3 == 0 else
                "企业反映供电不稳定，影响生产" if i % 3 == 1 else
                "走访了解供电、用工、融资等多方面的情况，逐一记录企业的诉求")
        docs.append((f"r-{i}", search.SearchDocument(
            kind="visit", title=f"企业{i % 7}", body=text,
            when="" if i % 11 == 0 else
            (dt.datetime(2026, 1, 1) + dt.timedelta(hours=i * 7 % 301)).isoformat())))
    with database_proxy.atomic():
        search.index_many(docs)
    every = database_proxy.execute_sql(
        "SELECT d.record_id FROM search_fts JOIN search_doc d ON d.rowid = search_fts.rowid "
        "WHERE search_fts MATCH ? ORDER BY bm25(search_fts, ?, 1.0), d.when_ DESC, d.rowid",
        (search.build_match("供电"), search.TITLE_WEIGHT)).fetchall()
    assert len(every) == 300
    for limit in (1, 50, 100, 299, 300, 500):
        hits = [h.record_id for h in search.search("供电", limit=limit)]
        assert hits == [r for (r,) in every[:limit]], limit
    assert search.search("供电", limit=0) == []


def _index_bytes() -> int:
    from liaison_app.core.db import database_proxy

    return database_proxy.execute_sql(
        "SELECT sum(length(block)) FROM search_fts_data").fetchone()[0]


def _replace_every_record(rounds: int, n: int = 200) -> None:
    from liaison_app.core.db import database_proxy

    def doc(i: int, text: str) -> search.SearchDocument:
        return search.SearchDocument(kind="visit", title=f"企业{i}", body=text,
                                     when=f"2026-01-{i % 28 + 1:02d}T09:00")

    with database_proxy.atomic():
        search.index_many((f"r-{i}", doc(i, f"第{i}次走访，供电线路老化")) for i in range(n))
    for r in range(rounds):
        with database_proxy.atomic():  # each record pulled again, edited at the centre
            search.reindex_many((f"r-{i}", doc(i, f"第{i}次走访第{r}轮，供电线路检修"))
                                for i in range(n))


def test_an_index_much_replaced_is_merged_and_finds_the_same(store, monkeypatch):
    """Records replaced again and again (a table pulled anew, months of edits) leave the index
    bloated until it is merged; merging it in steps shrinks it and changes no result."""
    from liaison_app.core.db import database_proxy

    monkeypatch.setattr(search, "MERGE_AT_LEAST", 100)
    _replace_every_record(rounds=3)
    assert search.replaced_since_merge() == 600
    bloated = _index_bytes()
    before = {q: [h.record_id for h in search.search(q, limit=500)]
              for q in ("供电", "检修", "第2轮", "老化", "第0轮")}
    assert len(before["检修"]) == 200 and before["老化"] == [] and before["第0轮"] == []

    steps = 0
    while True:
        with database_proxy.atomic():
            if not search.merge_step(pages=1):
                break
        steps += 1
    assert steps > 1  # a transaction per step, not the whole index at once
    assert _index_bytes() < bloated * 0.6
    assert search.replaced_since_merge() == 0
    assert {q: [h.record_id for h in search.search(q, limit=500)] for q in before} == before
    # Merged whole, the index is left alone until it is replaced again.
    merged = _index_bytes()
    with database_proxy.atomic():
        assert search.merge_step() is False
    assert _index_bytes() == merged


def test_a_few_replaced_records_do_not_make_the_index_merge(store):
    """Edits of the day replace a few entries: the index is not rewritten for them."""
    from liaison_app.core.db import database_proxy

    _replace_every_record(rounds=1, n=100)
    assert search.replaced_since_merge() == 100
    size = _index_bytes()
    with database_proxy.atomic():
        assert search.merge_step() is False
    assert _index_bytes() == size and search.replaced_since_merge() == 100
