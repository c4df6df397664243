"""Passes for the tests: a county key as sync brings it, signed codes, rendered cards and
photo-like pictures of them."""
from __future__ import annotations

import datetime as dt
import random
import subprocess
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image, ImageFilter

from liaison_app.core import pass_codes
from liaison_app.core.models import CountyKey
from liaison_app.core.services import passes
from liaison_app.forms import pass_cards
from liaison_app.forms.data import PassCard, PassCardsData
from tests.core.test_roster_samples import make_id

KEY = Ed25519PrivateKey.generate()
NAME = "𠮷田㛃"
ID_NUMBER = make_id(3)
UNIT = "山东德润新材料科技有限公司年产十万吨高性能复合材料及配套深加工项目指挥部"


def publish_key(key: Ed25519PrivateKey = KEY) -> str:
    """Store the county's public key as a sync pull does; returns its key id."""
    public = pass_codes.public_bytes(key.public_key())
    key_id = pass_codes.key_id_of(public)
    CountyKey(key_id=key_id, public_key=public.hex()).save(force_insert=True, capture=False)
    return key_id


def code(pass_no: str, *, start: dt.date, end: dt.date, name: str = NAME,
         key: Ed25519PrivateKey | None = KEY) -> pass_codes.PassCode:
    """A pass code, signed by ``key`` (unsigned: provisional, when ``key`` is None)."""
    made = pass_codes.make_code(pass_no=pass_no, valid_from=start, valid_to=end,
                                holder=passes.holder_of(name=name, id_number=ID_NUMBER),
                                unit=UNIT)
    return pass_codes.sign(made, private_key=key) if key is not None else made


def card_png(folder: Path, pdftoppm: str, pass_code: pass_codes.PassCode, name: str) -> Path:
    """The card printed alone on a sheet, scanned at 300 dpi."""
    card = PassCard(pass_no=pass_code.pass_no, check_code="", name=NAME, enterprise_name=UNIT,
                    valid_from=pass_code.valid_from, valid_to=pass_code.valid_to,
                    id_number=ID_NUMBER, qr_text=pass_code.text,
                    provisional=pass_code.provisional)
    pdf = folder / f"{name}.pdf"
    pass_cards.build(PassCardsData(cards=(card,), issuer="某某县"), out=pdf)
    subprocess.run([pdftoppm, "-png", "-r", "300", "-singlefile", str(pdf),
                    str(folder / name)], check=True)
    return folder / f"{name}.png"


def photo_of(png: Path, out: Path, *, seed: int = 1) -> Path:
    """What a phone gives: smaller, a few degrees askew, noisy, JPEG-compressed."""
    rng = random.Random(seed)
    with Image.open(png) as image:
        photo = image.convert("L")
    photo = photo.resize((int(photo.width * 0.8), int(photo.height * 0.8)))
    photo = photo.rotate(4, expand=True, fillcolor=235, resample=Image.Resampling.BICUBIC)
    noise = Image.effect_noise(photo.size, 18)
    photo = Image.blend(photo, noise, 0.12).filter(ImageFilter.GaussianBlur(0.6))
    photo = photo.point(lambda v: min(255, int(v * 0.9) + rng.randint(0, 8)))
    photo.save(out, "JPEG", quality=55)
    return out
