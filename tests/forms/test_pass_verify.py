"""A guard checks a pass offline from a photo of the printed card: valid, expired, revoked,
forged, provisional; from the CLI too, with its exit status and a Chinese sentence."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image

from liaison_app.cli import main as cli_main
from liaison_app.core import pass_codes
from liaison_app.core.models import PassRevocation
from liaison_app.core.services import passes
from tests import days
from tests import pass_samples as ps

TODAY = days.TODAY
_publish_key = ps.publish_key
_code = ps.code
_card_png = ps.card_png
_photo_of = ps.photo_of
UNIT = ps.UNIT


def test_codes_say_valid_expired_not_yet_revoked_forged(store) -> None:
    _publish_key()
    week = dt.timedelta(days=7)
    valid = _code("AB2CD-000001", start=TODAY - week, end=TODAY + week)
    assert passes.check_text(valid.text).outcome is passes.Outcome.VALID
    # The last and the first day of validity count.
    assert passes.check_text(_code("AB2CD-000002", start=TODAY, end=TODAY).text
                             ).outcome is passes.Outcome.VALID
    expired = _code("AB2CD-000003", start=TODAY - 2 * week, end=TODAY - dt.timedelta(days=1))
    assert passes.check_text(expired.text).outcome is passes.Outcome.EXPIRED
    assert (TODAY - dt.timedelta(days=1)).isoformat() in passes.check_text(
        expired.text).explanation
    later = _code("AB2CD-000004", start=TODAY + dt.timedelta(days=1), end=TODAY + week)
    assert passes.check_text(later.text).outcome is passes.Outcome.NOT_YET_VALID
    # Every field is covered: a changed date, holder, unit or number is a forgery.
    for field, new in (("valid_to", (TODAY + 9 * week).strftime("%Y%m%d")),
                       ("holder", "王*明 110105********0011"), ("unit", "别的公司"),
                       ("pass_no", "AB2CD-000999")):
        old = getattr(valid, field)
        old = old.strftime("%Y%m%d") if isinstance(old, dt.date) else old
        tampered = valid.text.replace(old, new, 1)
        assert tampered != valid.text
        assert passes.check_text(tampered).outcome is passes.Outcome.FORGED, field
    # Signed by someone else's key under the county key's id.
    rogue = pass_codes.sign(_code("AB2CD-000005", start=TODAY, end=TODAY, key=None),
                            private_key=Ed25519PrivateKey.generate())
    forged = rogue.text.replace(rogue.key_id, valid.key_id)
    assert passes.check_text(forged).outcome is passes.Outcome.FORGED
    assert passes.check_text(rogue.text).outcome is passes.Outcome.UNKNOWN_KEY
    assert passes.check_text("not|a|pass").outcome is passes.Outcome.UNREADABLE
    assert passes.check_text(valid.text[:-5]).outcome is passes.Outcome.FORGED
    unsigned = _code("AB2CD-000006", start=TODAY, end=TODAY, key=None)
    assert passes.check_text(unsigned.text).outcome is passes.Outcome.PROVISIONAL
    PassRevocation(pass_id="x", pass_no=valid.pass_no, revoked_on=TODAY, reason="遗失"
                   ).save(force_insert=True, capture=False)
    result = passes.check_text(valid.text)
    assert result.outcome is passes.Outcome.REVOKED and result.revoked_on == TODAY


def test_a_photo_of_a_printed_card_verifies(store, tmp_path: Path, pdftoppm: str) -> None:
    _publish_key()
    week = dt.timedelta(days=7)
    valid = _code("AB2CD-000011", start=TODAY - week, end=TODAY + week)
    scan = _card_png(tmp_path, pdftoppm, valid, "valid")
    assert passes.check_image(scan).outcome is passes.Outcome.VALID
    photo = _photo_of(scan, tmp_path / "valid.jpg")
    result = passes.check_image(photo)
    assert result.outcome is passes.Outcome.VALID
    assert result.code is not None and result.code.holder.startswith("𠮷*㛃")
    expired = _code("AB2CD-000012", start=TODAY - 3 * week, end=TODAY - week)
    photo = _photo_of(_card_png(tmp_path, pdftoppm, expired, "expired"), tmp_path / "e.jpg")
    assert passes.check_image(photo).outcome is passes.Outcome.EXPIRED
    provisional = _code("AB2CD-000013", start=TODAY, end=TODAY + week, key=None)
    scan = _card_png(tmp_path, pdftoppm, provisional, "provisional")
    assert passes.check_image(scan).outcome is passes.Outcome.PROVISIONAL
    # A picture without any code.
    blank = tmp_path / "blank.png"
    Image.new("L", (600, 400), 255).save(blank)
    assert passes.check_image(blank).outcome is passes.Outcome.UNREADABLE


@pytest.mark.cli_in_chinese
def test_cli_exit_status_and_chinese_sentence(store, tmp_path: Path, pdftoppm: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    _publish_key()
    week = dt.timedelta(days=7)
    valid = _code("AB2CD-000021", start=TODAY - week, end=TODAY + week)
    photo = _photo_of(_card_png(tmp_path, pdftoppm, valid, "cli"), tmp_path / "cli.jpg")
    root = str(store.root)
    assert cli_main(["--data-dir", root, "verify-pass", str(photo)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "有效通行证" and "𠮷*㛃" in out and UNIT[:10] in out
    tampered = valid.text.replace("𠮷*㛃", "王*明")
    assert cli_main(["--data-dir", root, "verify-pass", tampered]) == 3
    assert "伪造或被改动" in capsys.readouterr().out
    PassRevocation(pass_id="x", pass_no=valid.pass_no, revoked_on=TODAY
                   ).save(force_insert=True, capture=False)
    assert cli_main(["--data-dir", root, "verify-pass", str(photo)]) == 2
    assert "已注销" in capsys.readouterr().out
    not_a_picture = tmp_path / "notes.txt"
    not_a_picture.write_text("hello")
    assert cli_main(["--data-dir", root, "verify-pass", str(not_a_picture)]) == 6
    assert "不是" in capsys.readouterr().err
    assert cli_main(["--data-dir", root, "verify-pass", str(tmp_path / "gone.jpg")]) == 6
    assert "没有文件" in capsys.readouterr().err
