"""Phone scoring at an evaluation meeting, in a real headless Chromium at a phone's size.

The centre syncs a round, asks the server for the invited enterprises' one-time links, and a
representative opens one on a phone, scores and submits; the scores arrive on the laptops as
ordinary score sheets. Refusals (replays, guesses, a closed round, a score off the scale)
are shown as plain pages that name nobody.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from liaison_app.core.models import EvaluationRound, ScoreSheet
from liaison_app.core.models.departments import Department
from liaison_app.core.models.evaluation import sheet_id
from sync.evaluation_links import RoundLinks, issue_phone_links, phone_link_status
from sync.server import county_time
from sync.server import evaluation as ev
from sync.server.app import ServerConfig
from sync.server.models import (
    ChangeLog,
    EvaluationLink,
    Record,
    SeqCounter,
    connection,
    write_transaction,
)
from sync.server.store import kept_counts, recount, server_write, server_write_many
from sync.transport import SyncError
from tests.sync.conftest import free_port, running_server
from tests.sync.phone_browser import full_page_png, phone

ROUND_NAME = "2026年第四季度企业满意度测评"
#: Where the phone's screens are kept for a person to look at (never in the repository).
SHOTS = Path(tempfile.gettempdir()) / "liaison-phone-shots"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    with phone(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


@pytest.fixture(scope="module")
def browser_without_js(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    with phone(tmp_path_factory.mktemp("chromium-nojs"), javascript=False) as driver:
        yield driver


def _shot(driver: WebDriver, name: str) -> None:
    """Keep what the phone showed, for a person to look at (outside the repository)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    full_page_png(driver, SHOTS / f"{name}.png")


def make_round(centre: Any, *, invited: list[str], units: list[str], **fields: Any) -> str:
    centre.use()
    values: dict[str, Any] = {"scale": {"kind": "points", "max": 20}, "status": "open",
                              "phone_enabled": True, "anonymous": False}
    values.update(fields)
    rnd = EvaluationRound(name=values.pop("name", ROUND_NAME), held_on=dt.date(2026, 11, 27),
                          units=units, invited=invited, **values)
    rnd.save(force_insert=True)
    assert centre.sync().ok
    return rnd.id


def set_round(centre: Any, round_id: str, **fields: Any) -> None:
    centre.use()
    rnd = EvaluationRound.get_by_id(round_id)
    for name, value in fields.items():
        setattr(rnd, name, value)
    rnd.save()
    assert centre.sync().ok


@pytest.fixture
def meeting(county: dict[str, Any]) -> dict[str, Any]:
    """The county with the centre and one department to score, a round open to phones and
    both enterprises invited, and a link for each."""
    centre = county["centre"]
    centre.use()
    hall = Department(name="县企业服务中心", kind="centre")
    hall.save(force_insert=True)
    land = Department(name="县自然资源局", kind="department")
    land.save(force_insert=True)
    round_id = make_round(centre, invited=[county["e1"], county["e2"]],
                          units=["centre", land.id])
    links = issue_phone_links(round_id=round_id)
    by_ent = {x.enterprise_id: x for x in links.links}
    return {**county, "round": round_id, "land": land.id, "links": links,
            "url1": by_ent[county["e1"]].url, "url2": by_ent[county["e2"]].url}


def fill_points(driver: WebDriver, scores: list[list[int | None]]) -> None:
    """Scores per unit and dimension on a points scale; None ticks 不了解/不适用."""
    for ui, unit in enumerate(scores):
        for di, value in enumerate(unit):
            if value is None:
                driver.find_element(By.CSS_SELECTOR, f"input[name=n{ui}_{di}] + span").click()
            else:
                box = driver.find_element(By.NAME, f"s{ui}_{di}")
                box.clear()
                box.send_keys(str(value))


def submit(driver: WebDriver) -> None:
    """Tap the button and wait for the answer page (a new document, fully loaded)."""
    driver.execute_script("window.beforeSubmit = true")
    driver.find_element(By.CSS_SELECTOR, "button.send").click()
    WebDriverWait(driver, 30, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return window.beforeSubmit === undefined "
                                   "&& document.readyState === 'complete'"))


def server_sheet(round_id: str, enterprise_id: str, unit: str) -> dict[str, Any] | None:
    with connection():
        rec = Record.get_or_none((Record.table == "score_sheet") & (
            Record.record_id == sheet_id(round_id=round_id, enterprise_id=enterprise_id,
                                         unit=unit)))
        return None if rec is None else {**json.loads(rec.data), "_version": rec.version}


def _without_nonce(page: str) -> str:
    return re.sub(r'nonce="[^"]*"', "", page)


def message(driver: WebDriver) -> str:
    return driver.find_element(By.ID, "message").text


# -- the page in a browser ---------------------------------------------------------------------
def test_a_representative_scores_on_a_phone_and_the_laptops_receive_the_sheets(
        meeting: dict[str, Any], browser: WebDriver) -> None:
    browser.get(meeting["url1"])
    page = browser.page_source
    assert browser.find_element(By.TAG_NAME, "h1").text == ROUND_NAME
    assert browser.find_element(By.ID, "enterprise").text == "鲁西化工有限公司"
    units = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "section.unit h2")]
    assert units == ["县企业服务中心", "县自然资源局"]
    legends = [x.text for x in browser.find_elements(By.CSS_SELECTOR, "#u0 legend")]
    assert legends == ["业务水平", "服务态度", "工作效率", "代办手续及解决问题", "廉洁自律"]
    assert "不了解/不适用" in page and "0–20 分" in page
    assert "德州面粉厂" not in page  # the other invited enterprise
    assert not browser.find_elements(By.ID, "anonymous")
    # A phone's width: nothing wider than the screen, so no sideways scrolling.
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    fill_points(browser, [[20, 18, 19, 17, None], [15, 16, None, 14, 20]])
    browser.find_element(By.NAME, "c0").send_keys("窗口服务热情，办事效率高")
    _shot(browser, "form-filled")
    submit(browser)
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "提交成功"
    _shot(browser, "thanks")

    centre_sheet = server_sheet(meeting["round"], meeting["e1"], "centre")
    assert centre_sheet is not None
    assert centre_sheet["scores"] == {"competence": 20, "attitude": 18, "efficiency": 19,
                                      "proxy": 17, "integrity": None}
    assert centre_sheet["comments"] == "窗口服务热情，办事效率高"
    assert centre_sheet["method"] == "phone" and centre_sheet["collected_by"] == ""
    land_sheet = server_sheet(meeting["round"], meeting["e1"], meeting["land"])
    assert land_sheet is not None and land_sheet["scores"]["efficiency"] is None

    li, wang, centre = meeting["li"], meeting["wang"], meeting["centre"]
    assert li.sync().ok
    li.use()
    pulled = ScoreSheet.get_by_id(sheet_id(round_id=meeting["round"],
                                           enterprise_id=meeting["e1"], unit="centre"))
    assert pulled.scores["competence"] == 20 and pulled.method == "phone"
    assert pulled.enterprise_id == meeting["e1"] and pulled.round_id == meeting["round"]
    assert ScoreSheet.select().count() == 2
    assert centre.sync().ok
    centre.use()
    assert ScoreSheet.select().count() == 2
    # Not wang's enterprise: his laptop never sees its sheets.
    assert wang.sync().ok
    wang.use()
    assert ScoreSheet.select().count() == 0


def test_a_link_takes_one_submission_and_refuses_the_replay(
        meeting: dict[str, Any], browser: WebDriver) -> None:
    # The representative opened the link twice (two tabs) and sends from both.
    browser.get(meeting["url1"])
    first_tab = browser.current_window_handle
    browser.switch_to.new_window("tab")
    browser.get(meeting["url1"])
    fill_points(browser, [[20] * 5, [18] * 5])
    form = {"v": browser.find_element(By.NAME, "v").get_attribute("value"),
            **{f"s{u}_{d}": "10" for u in range(2) for d in range(5)}}
    submit(browser)
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "提交成功"
    browser.close()
    browser.switch_to.window(first_tab)
    before = server_sheet(meeting["round"], meeting["e1"], "centre")
    fill_points(browser, [[5] * 5, [5] * 5])
    submit(browser)
    assert "已经提交过" in message(browser)
    assert "鲁西化工" not in browser.page_source and ROUND_NAME not in browser.page_source
    _shot(browser, "used")
    # Opening the link again, or replaying the request: refused, and nothing changes.
    browser.get(meeting["url1"])
    assert "已经提交过" in message(browser)
    replay = httpx.post(meeting["url1"], data=form)
    assert replay.status_code == 410 and "已经提交过" in replay.text
    assert server_sheet(meeting["round"], meeting["e1"], "centre") == before
    assert before is not None and before["scores"]["competence"] == 20


def test_a_guessed_link_gets_a_plain_page_and_guessing_is_slowed_down(
        meeting: dict[str, Any], browser: WebDriver, monkeypatch: pytest.MonkeyPatch) -> None:
    base = meeting["url1"].rsplit("/", 1)[0]
    browser.get(f"{base}/{secrets.token_urlsafe(20)}")
    assert browser.find_element(By.TAG_NAME, "h1").text == "链接无效"
    for name in ("鲁西化工", "德州面粉厂", ROUND_NAME, "县自然资源局"):
        assert name not in browser.page_source
    _shot(browser, "invalid")
    guessed = httpx.get(f"{base}/{secrets.token_urlsafe(20)}")
    malformed = httpx.get(f"{base}/x'%20OR%201=1")
    assert guessed.status_code == malformed.status_code == 404
    # Every unknown link gets the same page, byte for byte but for the script nonce.
    assert _without_nonce(guessed.text) == _without_nonce(malformed.text)

    monkeypatch.setattr(ev, "MAX_MISSES_PER_ADDRESS", 5)
    for _ in range(5):
        httpx.get(f"{base}/{secrets.token_urlsafe(20)}")
    # Past the limit the address is refused even a real link, until the window passes.
    browser.get(meeting["url1"])
    assert browser.find_element(By.TAG_NAME, "h1").text == "请稍后再试"
    assert httpx.get(meeting["url1"]).status_code == 429


def test_a_closed_round_refuses_its_links(meeting: dict[str, Any],
                                          browser: WebDriver) -> None:
    browser.get(meeting["url1"])
    fill_points(browser, [[20] * 5, [18] * 5])
    set_round(meeting["centre"], meeting["round"], status="closed")
    submit(browser)  # the form was open when the round closed
    assert browser.find_element(By.TAG_NAME, "h1").text == "测评已结束"
    assert server_sheet(meeting["round"], meeting["e1"], "centre") is None
    browser.get(meeting["url2"])
    assert "已经结束" in message(browser)
    _shot(browser, "closed")


def test_a_score_off_the_scale_is_refused_with_a_message_on_the_page(
        meeting: dict[str, Any], browser: WebDriver) -> None:
    browser.get(meeting["url1"])
    fill_points(browser, [[20, 19, 18, 17, 16], [15, 14, 13, 12, 11]])
    browser.find_element(By.NAME, "c1").send_keys("希望加快审批")
    # The browser itself will not send 25 for a field whose top is 20; someone bypassing it
    # (or an old browser) must meet the server's own check.
    box = browser.find_element(By.NAME, "s0_1")
    browser.execute_script("arguments[0].removeAttribute('max'); arguments[0].value = '25';",
                           box)
    browser.execute_script("document.querySelector('[name=s1_2]').value = ''")
    submit(browser)
    errors = browser.find_element(By.ID, "errors").text
    assert "县企业服务中心 · 服务态度：请填写 0 到 20 之间的分数" in errors
    assert "县自然资源局 · 工作效率：请打分，或选择“不了解/不适用”" in errors
    assert "problem" in browser.find_element(By.ID, "f0_1").get_attribute("class")
    # What was typed is still there.
    assert browser.find_element(By.NAME, "s0_0").get_attribute("value") == "20"
    assert browser.find_element(By.NAME, "c1").get_attribute("value") == "希望加快审批"
    _shot(browser, "out-of-range")
    assert server_sheet(meeting["round"], meeting["e1"], "centre") is None

    fill_points(browser, [[20, 20, 18, 17, 16], [15, 14, 13, 12, 11]])
    submit(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == "提交成功"
    sheet = server_sheet(meeting["round"], meeting["e1"], "centre")
    assert sheet is not None and sheet["scores"]["attitude"] == 20


def test_a_comment_outside_the_basic_plane_survives_to_the_laptop(
        meeting: dict[str, Any], browser: WebDriver) -> None:
    comment = "𠮷野家旁的园区道路开口问题，请尽快协调。\n第二行"
    browser.get(meeting["url2"])
    assert browser.find_element(By.ID, "enterprise").text == "德州面粉厂"
    assert "鲁西化工" not in browser.page_source
    fill_points(browser, [[20] * 5, [None] * 5])
    # ChromeDriver types only characters of the basic plane: put the text in as a paste would.
    browser.execute_script("arguments[0].value = arguments[1]",
                           browser.find_element(By.NAME, "c0"), comment)
    submit(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == "提交成功"
    sheet = server_sheet(meeting["round"], meeting["e2"], "centre")
    assert sheet is not None and sheet["comments"] == comment
    assert server_sheet(meeting["round"], meeting["e2"], meeting["land"])["scores"] == {
        "competence": None, "attitude": None, "efficiency": None, "proxy": None,
        "integrity": None}
    wang = meeting["wang"]
    assert wang.sync().ok
    wang.use()
    pulled = ScoreSheet.get_by_id(sheet_id(round_id=meeting["round"],
                                           enterprise_id=meeting["e2"], unit="centre"))
    assert pulled.comments == comment


def test_an_anonymous_round_on_levels_says_so_and_stores_the_levels_points(
        meeting: dict[str, Any], browser: WebDriver) -> None:
    levels = [{"label": "非常满意", "points": 100}, {"label": "满意", "points": 80},
              {"label": "基本满意", "points": 60}, {"label": "不满意", "points": 40},
              {"label": "非常不满意", "points": 20}]
    dims = [{"key": "attitude", "label": "服务态度", "weight": 1},
            {"key": "efficiency", "label": "工作效率", "weight": 2}]
    centre = meeting["centre"]
    round_id = make_round(centre, name="园区企业匿名测评", invited=[meeting["e1"]],
                          units=[meeting["land"]], anonymous=True, dimensions=dims,
                          scale={"kind": "levels", "levels": levels})
    centre.use()
    url = issue_phone_links(round_id=round_id).links[0].url
    browser.get(url)
    assert "匿名测评" in browser.find_element(By.ID, "anonymous").text
    chips = [x.text for x in browser.find_elements(By.CSS_SELECTOR, "#f0_0 .choice span")]
    assert chips == ["非常满意", "满意", "基本满意", "不满意", "非常不满意", "不了解/不适用"]
    _shot(browser, "levels-anonymous")
    browser.find_element(By.CSS_SELECTOR, "#f0_0 input[value='1'] + span").click()
    # A level that does not exist, sent by someone editing the page, is refused.
    browser.execute_script("document.querySelector('#f0_1 input[value=\"0\"]').value = '9';"
                           "document.querySelector('#f0_1 input[value=\"9\"]').checked = true;")
    submit(browser)
    assert "工作效率：请从给出的选项中选择" in browser.find_element(By.ID, "errors").text
    browser.find_element(By.CSS_SELECTOR, "#f0_1 input[value='na'] + span").click()
    submit(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == "提交成功"
    sheet = server_sheet(round_id, meeting["e1"], meeting["land"])
    assert sheet is not None and sheet["scores"] == {"attitude": 80, "efficiency": None}


def test_the_page_works_without_javascript(meeting: dict[str, Any],
                                           browser_without_js: WebDriver) -> None:
    """Driven by keyboard: ChromeDriver's clicks need the page's scripting."""
    browser = browser_without_js
    browser.get(meeting["url1"])
    fill_points(browser, [[20, 19, 18, 17, 16], [15, 14, 13, 12, 11]])
    # Without the page's script a typed score stays in its box (not emptied and greyed)
    # when 不了解/不适用 is ticked: the tick decides.
    box = browser.find_element(By.NAME, "s1_4")
    box.send_keys(Keys.TAB)
    ActionChains(browser).send_keys(Keys.SPACE).perform()
    assert browser.find_element(By.NAME, "n1_4").is_selected()
    assert box.get_attribute("value") == "11" and box.is_enabled()
    browser.find_element(By.NAME, "s0_0").send_keys(Keys.ENTER)
    WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.ID, "message"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "提交成功"
    sheet = server_sheet(meeting["round"], meeting["e1"], meeting["land"])
    assert sheet is not None and sheet["scores"]["integrity"] is None
    assert sheet["scores"]["competence"] == 15


# -- the page without a browser: edges -----------------------------------------------------------
def _form(url: str) -> dict[str, str]:
    page = httpx.get(url).text
    fingerprint = page.split('name="v" value="')[1].split('"')[0]
    return {"v": fingerprint}


def test_two_submissions_of_one_link_at_once_store_one(meeting: dict[str, Any]) -> None:
    form = {**_form(meeting["url1"]),
            **{f"s{u}_{d}": str(10 + d) for u in range(2) for d in range(5)}}
    answers: list[int] = []
    start = threading.Barrier(4)

    def send() -> None:
        start.wait()
        answers.append(httpx.post(meeting["url1"], data=form, timeout=30).status_code)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(answers) == [200, 410, 410, 410]
    assert server_sheet(meeting["round"], meeting["e1"], "centre")["_version"] == 1


def test_a_sheet_entered_from_paper_is_not_asked_again_nor_overwritten(
        meeting: dict[str, Any]) -> None:
    li = meeting["li"]
    assert li.sync().ok  # the round reaches the officer's laptop
    li.use()
    paper = ScoreSheet(id=sheet_id(round_id=meeting["round"], enterprise_id=meeting["e1"],
                                   unit="centre"), round=meeting["round"],
                       enterprise=meeting["e1"], unit="centre", method="paper",
                       scores={"competence": 12})
    paper.save(force_insert=True)
    form = _form(meeting["url1"])
    assert li.sync().ok
    page = httpx.get(meeting["url1"]).text
    assert "县企业服务中心" in page.split('id="received"')[1].split("</p>")[0]
    assert 'id="h0"' not in page and 'id="h1"' in page
    # Filled before the paper sheet reached the server: the centre's part is taken off.
    both = {**form, **{f"s{u}_{d}": "15" for u in range(2) for d in range(5)}}
    answer = httpx.post(meeting["url1"], data=both)
    assert answer.status_code == 409 and "刚刚已由工作人员录入" in answer.text
    assert server_sheet(meeting["round"], meeting["e1"], "centre")["scores"] == {
        "competence": 12}
    rest = {**form, **{f"s1_{d}": "15" for d in range(5)}}
    assert httpx.post(meeting["url1"], data=rest).status_code == 200
    assert server_sheet(meeting["round"], meeting["e1"], "centre")["method"] == "paper"
    assert server_sheet(meeting["round"], meeting["e1"], meeting["land"])["method"] == "phone"


def test_a_form_filled_before_the_round_changed_is_asked_again(
        meeting: dict[str, Any]) -> None:
    form = {**_form(meeting["url1"]),
            **{f"s{u}_{d}": "15" for u in range(2) for d in range(5)}}
    set_round(meeting["centre"], meeting["round"], units=[meeting["land"]])
    answer = httpx.post(meeting["url1"], data=form)
    assert answer.status_code == 409 and "测评内容刚刚有所调整" in answer.text
    assert "县企业服务中心" not in answer.text
    assert server_sheet(meeting["round"], meeting["e1"], meeting["land"]) is None


def _points_form(url: str, value: str = "15") -> dict[str, str]:
    return {**_form(url), **{f"s{u}_{d}": value for u in range(2) for d in range(5)}}


def rename_department(centre: Any, department_id: str, name: str) -> None:
    centre.use()
    dept = Department.get_by_id(department_id)
    dept.name = name
    dept.save()
    assert centre.sync().ok


#: The five dimensions, the first relabelled: the same questions (keys), another wording.
RELABELLED = [{"key": "competence", "label": "专业能力", "weight": 1},
              {"key": "attitude", "label": "服务态度", "weight": 1},
              {"key": "efficiency", "label": "工作效率", "weight": 1},
              {"key": "proxy", "label": "代办手续及解决问题", "weight": 1},
              {"key": "integrity", "label": "廉洁自律", "weight": 1}]


def test_a_round_or_department_changed_after_a_form_was_shown_is_shown_as_it_is_now(
        meeting: dict[str, Any]) -> None:
    """The page keeps the blank form's parts and the department names between phones; a
    change to either shows on the next page, and a form filled before a change of wording
    only is still taken, checked against the round as it is now."""
    before = httpx.get(meeting["url1"]).text
    assert "县自然资源局" in before and "业务水平" in before
    form = _points_form(meeting["url1"])
    rename_department(meeting["centre"], meeting["land"], "县自然资源和规划局")
    set_round(meeting["centre"], meeting["round"], dimensions=RELABELLED)
    after = httpx.get(meeting["url2"]).text
    assert "县自然资源和规划局" in after and "县自然资源局" not in after
    assert "专业能力" in after and "业务水平" not in after
    english = httpx.get(meeting["url2"], headers={"Accept-Language": "en"}).text
    assert "专业能力" in english and "know / not applicable" in english
    answer = httpx.post(meeting["url1"], data=form)
    assert answer.status_code == 200
    assert server_sheet(meeting["round"], meeting["e1"], meeting["land"])["scores"][
        "competence"] == 15


def test_sheets_prepared_against_an_older_round_are_built_again_when_written(
        meeting: dict[str, Any]) -> None:
    """A submission's sheets are built and checked before its turn to write; if the round
    changed meanwhile they are built and checked again, never written as prepared."""
    token = meeting["url1"].rsplit("/", 1)[1]
    with connection():
        opened = ev.open_link(token, address="10.0.0.1")
        found, link = opened.round, opened.link
        assert found is not None and link is not None
        answers = ev.read_answers(found, list(found.units), {
            f"s{u}_{d}": "16" for u in range(2) for d in range(5)})
        prepared = ev.prepare_sheets(found, enterprise_id=meeting["e1"], answers=answers)
    set_round(meeting["centre"], meeting["round"], dimensions=RELABELLED)
    # What no longer fits the round as it is now (here: a score off its scale).
    stale = tuple((rid, {**data, "scores": {"competence": 99}}) for rid, data in prepared)
    with connection():
        outcome, = ev.store_many([ev.Submission(link.id, found, answers, stale)])
    assert isinstance(outcome, ev.Stored) and outcome.refusal is None
    assert server_sheet(meeting["round"], meeting["e1"], "centre")["scores"] == {
        "competence": 16, "attitude": 16, "efficiency": 16, "proxy": 16, "integrity": 16}


@contextmanager
def another_server_process(db_url: str, data_dir: Path) -> Iterator[str]:
    """``liaison-server serve`` in a process of its own on the same database: its address."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIAISON_SERVER_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", "--db", db_url, "--data-dir", str(data_dir),
         "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, "the second server process exited"
            assert time.monotonic() < deadline, "the second server process did not start"
            try:
                if httpx.get(url + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield url
    finally:
        # It only ever read or wrote through committed transactions: no need to be gentle.
        proc.kill()
        proc.wait()


def test_two_server_processes_show_and_refuse_alike(
        meeting: dict[str, Any], db_url: str, tmp_path: Path) -> None:
    """What one process keeps between phones (form parts, department names, rounds) never
    hides a change written through another: a rename shows, a closed round refuses."""
    first = meeting["server"].url
    with another_server_process(db_url, tmp_path / "second") as second:
        url1 = meeting["url1"].replace(first, second)
        url2 = meeting["url2"].replace(first, second)
        assert "县自然资源局" in httpx.get(url1).text
        form1, form2 = _points_form(url1), _points_form(url2, "18")
        rename_department(meeting["centre"], meeting["land"], "县自然资源和规划局")
        set_round(meeting["centre"], meeting["round"], dimensions=RELABELLED)
        page = httpx.get(url2).text
        assert "县自然资源和规划局" in page and "专业能力" in page
        assert httpx.post(url2, data=form2).status_code == 200
        set_round(meeting["centre"], meeting["round"], status="closed")
        closed = httpx.post(url1, data=form1)
        assert closed.status_code == 410 and "测评已结束" in closed.text
        assert httpx.get(url1).status_code == 410
    assert server_sheet(meeting["round"], meeting["e2"], "centre")["scores"]["proxy"] == 18
    assert server_sheet(meeting["round"], meeting["e1"], "centre") is None


def test_hostile_forms_store_nothing(meeting: dict[str, Any]) -> None:
    form = {**_form(meeting["url1"]),
            **{f"s{u}_{d}": "15" for u in range(2) for d in range(5)}}
    huge = httpx.post(meeting["url1"], data={**form, "c0": "长" * 400_000})
    assert huge.status_code == 413
    long = httpx.post(meeting["url1"], data={**form, "c0": "长" * (ev.MAX_COMMENT + 1)})
    assert long.status_code == 422 and "最多 2000 个字" in long.text
    broken = httpx.post(meeting["url1"], content=b"s0_0=%FF%FE",
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert broken.status_code == 400
    for bad in ("-1", "20.001", "1e1", "NaN", "２１", " ", "0x10"):
        answer = httpx.post(meeting["url1"], data={**form, "s0_0": bad})
        assert answer.status_code == 422, bad
    # Fields for another enterprise or unit are not read; the sheet is this link's.
    sneaky = {**form, "enterprise_id": meeting["e2"], "s9_0": "20", "c0": "<script>x</script>"}
    assert httpx.post(meeting["url1"], data=sneaky).status_code == 200
    assert server_sheet(meeting["round"], meeting["e2"], "centre") is None
    stored = server_sheet(meeting["round"], meeting["e1"], "centre")
    assert stored is not None and stored["comments"] == "<script>x</script>"


def test_an_english_browser_gets_the_page_in_english(meeting: dict[str, Any]) -> None:
    page = httpx.get(meeting["url1"], headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert "Satisfaction evaluation" in page and "know / not applicable" in page
    assert "鲁西化工有限公司" in page  # names are data, in the language they were written
    chinese = httpx.get(meeting["url1"], headers={"Accept-Language": "zh-CN,en;q=0.5"}).text
    assert "满意度测评" in chinese and "Satisfaction" not in chinese


def test_pages_load_nothing_from_elsewhere_and_are_not_cached(meeting: dict[str, Any]) -> None:
    answer = httpx.get(meeting["url1"])
    policy = answer.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "form-action 'self'" in policy
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["referrer-policy"] == "no-referrer"
    assert "http://" not in answer.text.replace(meeting["url1"], "")
    assert "https://" not in answer.text


# -- issuing links -------------------------------------------------------------------------------
def test_the_centre_issues_and_reissues_links_and_sees_who_submitted(
        meeting: dict[str, Any]) -> None:
    centre = meeting["centre"]
    first: RoundLinks = meeting["links"]
    assert first.round_name == ROUND_NAME and first.round_status == "open"
    assert {x.enterprise_name for x in first.links} == {"鲁西化工有限公司", "德州面粉厂"}
    assert all(x.status == "issued" and x.url.startswith(meeting["server"].url + "/m/")
               for x in first.links)
    token = meeting["url1"].rsplit("/", 1)[1]
    assert len(token) >= 27  # 160 random bits
    with connection():
        hashes = [link.token_hash for link in EvaluationLink.select()]
    assert token not in json.dumps(hashes) and ev.hash_token(token) in hashes

    form = {**_form(meeting["url1"]),
            **{f"s{u}_{d}": "15" for u in range(2) for d in range(5)}}
    assert httpx.post(meeting["url1"], data=form).status_code == 200
    centre.use()
    status = {x.enterprise_id: x for x in phone_link_status(round_id=meeting["round"]).links}
    assert status[meeting["e1"]].status == "submitted" and status[meeting["e1"]].url == ""
    assert status[meeting["e1"]].submitted_at is not None
    assert status[meeting["e2"]].status == "issued"

    # A lost invitation: the enterprise gets a new link and the old one stops working.
    again = issue_phone_links(round_id=meeting["round"], base_url="https://pj.example.cn/")
    by_ent = {x.enterprise_id: x for x in again.links}
    assert by_ent[meeting["e1"]].status == "submitted" and by_ent[meeting["e1"]].url == ""
    new_url = by_ent[meeting["e2"]].url
    assert new_url.startswith("https://pj.example.cn/m/")
    assert httpx.get(meeting["url2"]).status_code == 404
    local = meeting["server"].url + "/m/" + new_url.rsplit("/", 1)[1]
    assert httpx.get(local).status_code == 200


def test_only_the_centre_issues_links_of_rounds_it_can_issue(meeting: dict[str, Any]) -> None:
    li = meeting["li"]
    li.use()
    with pytest.raises(SyncError) as refused:
        issue_phone_links(round_id=meeting["round"])
    assert refused.value.code == "forbidden"
    centre = meeting["centre"]
    centre.use()
    with pytest.raises(SyncError) as unknown:
        issue_phone_links(round_id="no-such-round")
    assert unknown.value.code == "round_not_found"
    with pytest.raises(SyncError) as stranger:
        issue_phone_links(round_id=meeting["round"], enterprise_ids=["not-invited"])
    assert stranger.value.code == "not_invited"
    with pytest.raises(SyncError) as bad_url:
        issue_phone_links(round_id=meeting["round"], base_url="javascript:alert(1)")
    assert bad_url.value.code == "bad_base_url"  # said on the laptop, before any request
    set_round(centre, meeting["round"], status="closed")
    with pytest.raises(SyncError) as closed:
        issue_phone_links(round_id=meeting["round"])
    assert closed.value.code == "round_closed"
    assert "closed" in closed.value.message.source


def test_a_round_not_yet_open_to_phones_says_so(meeting: dict[str, Any]) -> None:
    set_round(meeting["centre"], meeting["round"], phone_enabled=False)
    answer = httpx.get(meeting["url1"])
    assert answer.status_code == 409 and "测评尚未开始" in answer.text
    set_round(meeting["centre"], meeting["round"], phone_enabled=True, status="draft")
    assert httpx.get(meeting["url1"]).status_code == 409
    set_round(meeting["centre"], meeting["round"], status="open")
    page = httpx.get(meeting["url1"])
    assert page.status_code == 200 and "2026年11月27日" in page.text


def test_an_enterprise_taken_off_the_invitations_loses_its_link(
        meeting: dict[str, Any]) -> None:
    form = {**_form(meeting["url1"]), **{f"s{u}_{d}": "15" for u in range(2) for d in range(5)}}
    set_round(meeting["centre"], meeting["round"], invited=[meeting["e2"]])
    assert httpx.get(meeting["url1"]).status_code == 404
    assert httpx.post(meeting["url1"], data=form).status_code == 404
    assert server_sheet(meeting["round"], meeting["e1"], "centre") is None
    assert httpx.get(meeting["url2"]).status_code == 200


def _server_cli(meeting: dict[str, Any], db_url: str, *args: str) -> Any:
    data = meeting["server"].config.data_dir
    return subprocess.run([sys.executable, "-m", "sync.server.cli", "--db", db_url,
                           "--data-dir", str(data), "evaluation", "links", *args],
                          text=True, capture_output=True, timeout=60,
                          env={**os.environ, "LIAISON_SERVER_PUBLIC_URL": ""})


def test_the_server_command_line_writes_the_links_for_printing(
        meeting: dict[str, Any], db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "links.csv"
    missing_base = _server_cli(meeting, db_url, ROUND_NAME, "--out", str(out))
    assert missing_base.returncode == 2 and "--base-url" in missing_base.stderr
    unknown = _server_cli(meeting, db_url, "没有这个测评", "--base-url", "https://pj.example.cn")
    assert unknown.returncode == 1 and "no evaluation round" in unknown.stderr

    done = _server_cli(meeting, db_url, ROUND_NAME, "--out", str(out),
                       "--base-url", "https://pj.example.cn/")
    assert done.returncode == 0, done.stderr
    assert "2 link(s) written" in done.stdout
    assert out.stat().st_mode & 0o777 == 0o600
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    by_name = {r["企业名称"]: r for r in rows}
    assert set(by_name) == {"鲁西化工有限公司", "德州面粉厂"}
    assert by_name["鲁西化工有限公司"]["统一社会信用代码"] == "91110000600037341L"
    link = by_name["德州面粉厂"]["手机测评链接"]
    assert link.startswith("https://pj.example.cn/m/") and by_name["德州面粉厂"]["状态"] == "已发放"
    # The links from the centre's laptop were replaced by these.
    assert httpx.get(meeting["url2"]).status_code == 404
    local = meeting["server"].url + "/m/" + link.rsplit("/", 1)[1]
    form = {**_form(local), **{f"s{u}_{d}": "18" for u in range(2) for d in range(5)}}
    assert httpx.post(local, data=form).status_code == 200

    status = _server_cli(meeting, db_url, meeting["round"], "--status")
    assert status.returncode == 0 and "https://" not in status.stdout
    lines = dict(line.split("\t")[0::2] for line in status.stdout.splitlines())
    assert lines == {"鲁西化工有限公司": "已发放", "德州面粉厂": "已提交"}
    one = _server_cli(meeting, db_url, ROUND_NAME, "--enterprise", "91110000600037341L",
                      "--base-url", "https://pj.example.cn")
    assert one.returncode == 0 and len(one.stdout.splitlines()) == 1
    assert "鲁西化工有限公司" in one.stdout and "https://pj.example.cn/m/" in one.stdout


def test_submissions_written_together_stand_or_fail_each_on_its_own(
        meeting: dict[str, Any]) -> None:
    """Submissions arriving together share a transaction; one that fails (here a score the
    form would never let through) leaves nothing behind and the others are stored."""
    tokens = [meeting[k].rsplit("/", 1)[1] for k in ("url1", "url2")]
    with connection():
        opened = [ev.open_link(t, address="10.0.0.1") for t in tokens]
        assert all(o.refusal is None for o in opened)
        found = opened[0].round
        assert found is not None
        good = ev.read_answers(found, list(found.units), {
            f"s{u}_{d}": "16" for u in range(2) for d in range(5)})
        bad = ev.Answers(scores={"centre": {"competence": 99}}, comments={"centre": ""})
        outcomes = ev.store_many([ev.Submission(opened[0].link.id, found, bad),
                                  ev.Submission(opened[1].link.id, found, good)])
        assert isinstance(outcomes[0], ValueError)
        assert isinstance(outcomes[1], ev.Stored) and len(outcomes[1].sheets) == 2
        assert not ev.link_used(opened[0].link.id) and ev.link_used(opened[1].link.id)
    assert server_sheet(meeting["round"], meeting["e1"], "centre") is None
    assert server_sheet(meeting["round"], meeting["e2"], "centre")["scores"]["proxy"] == 16
    # The failed one can still be sent, and the laptops pull what was stored.
    form = {**_form(meeting["url1"]), **{f"s{u}_{d}": "12" for u in range(2) for d in range(5)}}
    assert httpx.post(meeting["url1"], data=form).status_code == 200
    li = meeting["li"]
    assert li.sync().ok
    li.use()
    assert ScoreSheet.select().count() == 2


def test_sheets_written_together_are_stored_as_written_one_by_one(server: Any) -> None:
    """A submission's sheets are written in a few statements: the records, versions, field
    metadata, scopes, change log and kept counts are those of writing them one by one, for
    new records and for changes to stored ones (what laptops pull and verify)."""

    def sheets(prefix: str) -> list[tuple[str, dict[str, Any]]]:
        return [(f"{prefix}-{i}", {"round_id": "r1", "enterprise_id": f"e{i % 2}",
                                   "unit": "centre", "scores": {"competence": 10 + i,
                                                                "attitude": None},
                                   "comments": "𠮷日办结", "method": "phone", "deleted": False})
                for i in range(3)]

    change = {"comments": "已核实", "deleted": True}
    with connection():
        with write_transaction():
            counter = SeqCounter()
            for record_id, data in sheets("one"):
                server_write(table="score_sheet", record_id=record_id, data=data,
                             counter=counter)
            server_write_many(table="score_sheet", rows=sheets("many"), counter=counter)
            server_write(table="score_sheet", record_id="one-0", data=change, counter=counter)
            server_write_many(table="score_sheet", rows=[("many-0", change)], counter=counter)
            counter.flush()
        rows = {r.record_id: r for r in Record.select().where(Record.table == "score_sheet")}
        logs: dict[str, list[tuple[Any, ...]]] = {}
        for entry in ChangeLog.select().where(ChangeLog.table == "score_sheet").order_by(
                ChangeLog.seq):
            logs.setdefault(entry.record_id, []).append(
                (entry.version, entry.base_version, entry.username, entry.device_id,
                 entry.status, json.loads(entry.changes)))
        assert recount() == kept_counts()
    assert len(rows) == 6 and len({r.seq for r in rows.values()}) == 6
    for i in range(3):
        one, many = rows[f"one-{i}"], rows[f"many-{i}"]
        assert json.loads(many.data) == json.loads(one.data)
        assert (many.version, many.field_meta, many.deleted, many.scope_key) == (
            one.version, one.field_meta, one.deleted, one.scope_key)
        assert (many.last_device, many.last_clean) == (one.last_device, one.last_clean)
        assert logs[f"many-{i}"] == logs[f"one-{i}"]
    assert rows["many-0"].deleted and rows["many-0"].version == 2
    assert json.loads(rows["many-1"].data)["comments"] == "𠮷日办结"


def test_links_issued_twice_at_once_leave_one_working_link_each(
        meeting: dict[str, Any]) -> None:
    results: list[ev.RoundLinks] = []
    start = threading.Barrier(2)

    def issue(who: str) -> None:
        start.wait()
        with connection():
            results.append(ev.issue_links(round_id=meeting["round"], by=who))

    threads = [threading.Thread(target=issue, args=(f"centre-{i}",)) for i in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(results) == 2
    with connection():
        working = list(EvaluationLink.select().where(EvaluationLink.revoked_at.is_null()))
    assert sorted(link.enterprise_id for link in working) == sorted([meeting["e1"],
                                                                    meeting["e2"]])
    # Of the two answers, the later one's links work and the earlier one's do not.
    base = meeting["server"].url + "/m/"
    answers = [[httpx.get(base + s.token).status_code for s in r.links] for r in results]
    assert sorted(answers) == [[200, 200], [404, 404]]


def test_guessing_is_counted_per_phone_behind_the_county_proxy(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Behind nginx every phone arrives from the proxy's address: the limit must count the
    address the proxy names, or one guesser would lock the whole meeting out."""
    config = ServerConfig(db_url=db_url, data_dir=tmp_path / "srv",
                          trusted_proxies=("127.0.0.1",))
    with running_server(config) as live:
        with connection():
            with write_transaction():
                counter = SeqCounter()
                server_write(table="enterprise", record_id="ent-proxy", counter=counter,
                             data={"name": "代理后企业", "deleted": False})
                server_write(table="evaluation_round", record_id="round-proxy", counter=counter,
                             data={"name": ROUND_NAME, "held_on": "2026-11-27",
                                   "units": ["centre"], "invited": ["ent-proxy"],
                                   "status": "open", "phone_enabled": True, "deleted": False})
                counter.flush()
            token = ev.issue_links(round_id="round-proxy", by="test").links[0].token
        monkeypatch.setattr(ev, "MAX_MISSES_PER_ADDRESS", 3)
        url = f"{live.url}/m/{token}"
        guesser = {"X-Forwarded-For": "203.0.113.7"}
        for _ in range(3):
            assert httpx.get(f"{live.url}/m/{secrets.token_urlsafe(20)}",
                             headers=guesser).status_code == 404
        assert httpx.get(url, headers=guesser).status_code == 429
        page = httpx.get(url, headers={"X-Forwarded-For": "198.51.100.20"})
        assert page.status_code == 200 and "代理后企业" in page.text
        # An address written by the client in front of the proxy's own is not believed.
        forged = {"X-Forwarded-For": "198.51.100.20, 203.0.113.7"}
        assert httpx.get(url, headers=forged).status_code == 429


def test_a_phone_sheet_is_stamped_on_the_countys_clock(meeting: dict[str, Any]) -> None:
    """Beside paper sheets typed at the meeting (the laptops' clocks), a phone's sheet reads
    the same hour, whatever zone the server machine runs in (this one: UTC)."""
    form = {**_form(meeting["url1"]),
            **{f"s{u}_{d}": "18" for u in range(2) for d in range(5)}}
    assert httpx.post(meeting["url1"], data=form).status_code == 200
    stamped = dt.datetime.fromisoformat(
        server_sheet(meeting["round"], meeting["e1"], "centre")["collected_at"])
    beijing = dt.datetime.now(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None)
    assert abs(stamped - beijing) < dt.timedelta(minutes=2)


@pytest.mark.parametrize(("name", "zone"), [("", "Asia/Shanghai"),
                                            ("Asia/Urumqi", "Asia/Urumqi"),
                                            ("Not/AZone", None)])
def test_the_countys_clock_follows_the_setting(monkeypatch, name, zone) -> None:
    monkeypatch.setenv(county_time.ENV_TIMEZONE, name)
    expected = (dt.datetime.now(ZoneInfo(zone)).replace(tzinfo=None) if zone
                else dt.datetime.now())  # an unknown zone: the machine's own clock
    assert abs(county_time.county_now() - expected) < dt.timedelta(seconds=5)
