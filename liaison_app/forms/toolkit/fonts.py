"""Find, register and report the CJK fonts used by printed forms.

Forms use three font roles, as Chinese official paper does:

- 宋 (body): values, cells, running text. A font chosen in settings, else SimSun, else
  AR PL UMing; a Hei face only when no Song face exists.
- 黑 (heading): titles, labels, column heads. SimHei, else WenQuanYi Micro Hei / Zen Hei.
- 仿宋 (letter): letters, undertakings, powers of attorney. FangSong, else AR PL UKai (a Kai
  face, the usual stand-in where FangSong is not installed), else the body face.

A character missing from the role's face is drawn from the next face that has it: the other
CJK faces, then the extension-plane faces (HanaMin A/B, BabelStone Han), loaded only when a
character needs them. Every face is embedded. A character no face has raises
``UncoveredCharacter``: printing a different character in a person's name is worse than
refusing. ReportLab's built-in ``STSong-Light`` CID font (never embedded: the viewer draws its
own glyphs) is used only when the machine has no embeddable CJK font at all.

Only TrueType-outline fonts can be embedded by ReportLab, so CFF-outline files (Noto CJK .otf
and its .ttc) are skipped: ReportLab refuses them when loading, and we move on.

Loading a large TTC takes 50-80 ms, so every face is loaded once per process and shared, and
fallback faces are only loaded when a character actually needs them.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from liaison_app.core import i18n

from . import tounicode

# Characters outside the BMP must extract as themselves; see tounicode's docstring.
tounicode.apply()

log = logging.getLogger(__name__)

__all__ = [
    "CID_FONT_NAME",
    "FontChain",
    "FontInfo",
    "LoadedFont",
    "UncoveredCharacter",
    "current_font_info",
    "default_search_dirs",
    "find_font_chain",
]

CID_FONT_NAME = "STSong-Light"


@dataclass(frozen=True)
class _KnownFont:
    file_name: str
    family: str
    #: "song" (body), "hei" (titles), "fang" (letters), "kai" (stands in for fang), "ext"
    #: (extension planes only: never a role's face, only a per-glyph fallback).
    style: str


# Order matters: within a style it is the order of preference, and as a whole it is the
# per-glyph fallback order after the role's own face.
_KNOWN_FONTS: tuple[_KnownFont, ...] = (
    _KnownFont("simsun.ttc", "宋体 SimSun", "song"),
    _KnownFont("simhei.ttf", "黑体 SimHei", "hei"),
    _KnownFont("simfang.ttf", "仿宋 FangSong", "fang"),
    _KnownFont("uming.ttc", "文鼎细上海宋 AR PL UMing", "song"),
    _KnownFont("wqy-microhei.ttc", "文泉驿微米黑 WenQuanYi Micro Hei", "hei"),
    _KnownFont("wqy-zenhei.ttc", "文泉驿正黑 WenQuanYi Zen Hei", "hei"),
    _KnownFont("simkai.ttf", "楷体 KaiTi", "kai"),
    _KnownFont("ukai.ttc", "文鼎中楷 AR PL UKai", "kai"),
    # Extension A and the BMP (HanaMinA), Extension B and beyond (HanaMinB), then BabelStone.
    _KnownFont("hanamina.ttf", "花园明朝A HanaMinA", "ext"),
    _KnownFont("hanaminb.ttf", "花园明朝B HanaMinB", "ext"),
    _KnownFont("babelstonehan.ttf", "BabelStone Han", "ext"),
)

#: Which styles may serve each role, in order; the body face closes every list.
ROLE_STYLES: dict[str, tuple[str, ...]] = {
    "body": ("song", "hei", "fang", "kai"),
    "heading": ("hei",),
    "letter": ("fang", "kai"),
}
ROLE_NAMES = {"body": "宋", "heading": "黑", "letter": "仿宋"}


class UncoveredCharacter(ValueError):
    """No font on this machine can draw ``char``; nothing was printed.

    ``field`` names where the character is (a field label or the start of the text); the
    toolkit fills it in when it knows. ``message`` is the sentence shown to a person.
    """

    def __init__(self, char: str, *, field: str = "") -> None:
        self.char = char
        self.field = field
        code = f"U+{ord(char):04X}"
        if field:
            self.message = i18n.translate(
                "Printing", "The character \u201c{char}\u201d ({code}) in \u201c{field}\u201d "
                "cannot be printed: no font on this computer has it, and printing another "
                "character in its place could change a name. Install a font that has it (the "
                "set-up installs the Hanazono fonts) or correct the text.").format(
                char=char, code=code, field=field)
        else:
            self.message = i18n.translate(
                "Printing", "The character \u201c{char}\u201d ({code}) cannot be printed: no "
                "font on this computer has it, and printing another character in its place "
                "could change a name. Install a font that has it (the set-up installs the "
                "Hanazono fonts) or correct the text.").format(char=char, code=code)
        super().__init__(f"no font has {char!r} ({code})" + (f" in {field!r}" if field else ""))

    def in_field(self, field: str) -> UncoveredCharacter:
        """The same error naming ``field`` (kept if one is already named)."""
        return self if self.field or not field else UncoveredCharacter(self.char, field=field)


@dataclass(frozen=True)
class FontInfo:
    """What the UI shows as "the font in use"."""

    name: str
    family: str
    path: str | None
    #: False for the CID font: the viewer or printer substitutes its own glyphs.
    embedded: bool


class LoadedFont:
    """A registered font plus the set of code points it can draw."""

    def __init__(self, *, info: FontInfo, codepoints: frozenset[int] | None) -> None:
        self.info = info
        self.name = info.name
        # None means "assume it has everything": the CID font is the last resort.
        self._codepoints = codepoints

    def has(self, char: str) -> bool:
        return self._codepoints is None or ord(char) in self._codepoints

    def __repr__(self) -> str:
        return f"LoadedFont({self.name!r}, {self.info.path!r})"


_lock = threading.RLock()
_loaded: dict[str, LoadedFont | None] = {}
_cid: LoadedFont | None = None


def _font_name_for(path: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9]+", "-", path.stem).strip("-") or "font"
    # Two files can share a stem (a user copy of simsun.ttc): keep names unique per path.
    return f"CJK-{stem}-{zlib.crc32(str(path).encode('utf-8')):08x}"


def _load_ttf(path: Path, family: str) -> LoadedFont | None:
    """Register ``path`` once per process; None if it cannot be embedded."""
    key = str(path)
    with _lock:
        if key in _loaded:
            return _loaded[key]
        loaded: LoadedFont | None = None
        try:
            face = TTFont(_font_name_for(path), key, subfontIndex=0)
        except (TTFError, OSError, ValueError, KeyError, IndexError) as exc:
            # CFF outlines (Noto CJK), bitmap-only or broken files land here.
            log.info("font %s cannot be embedded, skipped: %s", path, exc)
        else:
            pdfmetrics.registerFont(face)
            info = FontInfo(name=face.fontName, family=family, path=key, embedded=True)
            loaded = LoadedFont(info=info, codepoints=frozenset(face.face.charToGlyph))
        _loaded[key] = loaded
        return loaded


def _cid_font() -> LoadedFont:
    global _cid
    with _lock:
        if _cid is None:
            pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT_NAME))
            info = FontInfo(
                name=CID_FONT_NAME, family="华文宋体 STSong-Light (内置)", path=None, embedded=False
            )
            _cid = LoadedFont(info=info, codepoints=None)
        return _cid


def default_search_dirs() -> tuple[Path, ...]:
    """Folders searched for the known fonts, Windows first."""
    dirs: list[Path] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    home = Path.home()
    dirs += [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
    ]
    if sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), home / "Library" / "Fonts"]
    return tuple(dirs)


@lru_cache(maxsize=8)
def _index_font_files(dirs: tuple[Path, ...]) -> dict[str, Path]:
    """Lower-case file name -> first path found, walking each folder recursively once."""
    wanted = {k.file_name for k in _KNOWN_FONTS}
    found: dict[str, Path] = {}
    for root in dirs:
        if not root.is_dir():
            continue
        for folder, _subdirs, files in os.walk(root):
            for file_name in files:
                low = file_name.lower()
                if low in wanted and low not in found:
                    found[low] = Path(folder) / file_name
    return found


class FontChain:
    """The faces of the three roles (``body`` 宋, ``heading`` 黑, ``letter`` 仿宋) and the
    per-glyph fallbacks.

    Only the role faces are loaded up front; fallback faces are loaded the first time a
    character is missing from the faces before them. Any thread may use a chain.
    """

    def __init__(self, *, candidates: Sequence[tuple[Path, str, str]]) -> None:
        self._candidates = list(candidates)  # (path, family, style)
        self._fallback_cache: dict[tuple[str, str], LoadedFont] = {}
        # A font chosen in settings is the body face whatever its style.
        chosen = self._first(lambda style: style == "settings")
        self.body: LoadedFont = (
            chosen or self._role_face(ROLE_STYLES["body"]) or _cid_font()
        )
        self.heading: LoadedFont = self._role_face(ROLE_STYLES["heading"]) or self.body
        self.letter: LoadedFont = self._role_face(ROLE_STYLES["letter"]) or self.body
        #: True when no embeddable face exists and everything prints in STSong-Light.
        self.cid_only = self.body.info.path is None

    def _first(self, accept: Callable[[str], bool]) -> LoadedFont | None:
        for path, family, style in self._candidates:
            if accept(style):
                face = _load_ttf(path, family)
                if face is not None:
                    return face
        return None

    def _role_face(self, styles: Sequence[str]) -> LoadedFont | None:
        for wanted in styles:
            face = self._first(lambda style, w=wanted: style == w)
            if face is not None:
                return face
        return None

    @property
    def info(self) -> FontInfo:
        return self.body.info

    def roles(self) -> dict[str, FontInfo]:
        """Role ("body", "heading", "letter") -> the face that serves it."""
        return {"body": self.body.info, "heading": self.heading.info, "letter": self.letter.info}

    def face_for_role(self, role: str) -> LoadedFont:
        return {"body": self.body, "heading": self.heading, "letter": self.letter}[role]

    def _iter_faces(self) -> Iterable[LoadedFont]:
        yield from (self.body, self.heading, self.letter)
        for path, family, _style in self._candidates:
            face = _load_ttf(path, family)
            if face is not None:
                yield face

    def font_for(self, char: str, *, primary: LoadedFont) -> LoadedFont:
        """The first face in the chain that can draw ``char``.

        Raises ``UncoveredCharacter`` when none can (the CID font stands in only when the
        machine has no embeddable face at all).
        """
        if primary.has(char):
            return primary
        key = (primary.name, char)
        hit = self._fallback_cache.get(key)
        if hit is not None:
            return hit
        for face in self._iter_faces():
            if face is not primary and face.has(char):
                hit = face
                break
        else:
            if not self.cid_only:
                raise UncoveredCharacter(char)
            hit = _cid_font()
        self._fallback_cache[key] = hit
        return hit

    def used_fonts(self) -> list[FontInfo]:
        """Fonts loaded so far for this chain (body first)."""
        seen = [self.body.info]
        for face in (self.heading, self.letter):
            if face.info not in seen:
                seen.append(face.info)
        for face in set(self._fallback_cache.values()):
            if face.info not in seen:
                seen.append(face.info)
        return seen


def _candidates(
    *, settings_path: str | os.PathLike[str] | None, search_dirs: Sequence[Path] | None
) -> list[tuple[Path, str, str]]:
    result: list[tuple[Path, str, str]] = []
    if settings_path:
        chosen = Path(settings_path).expanduser()
        if chosen.is_file():
            result.append((chosen, chosen.stem, "settings"))
        else:
            log.warning("form font %s not found; looking for another", chosen)
    dirs = tuple(default_search_dirs() if search_dirs is None else (Path(d) for d in search_dirs))
    index = _index_font_files(dirs)
    for known in _KNOWN_FONTS:
        path = index.get(known.file_name)
        if path is not None and all(path != p for p, _f, _s in result):
            result.append((path, known.family, known.style))
    return result


_chains: dict[tuple[str, tuple[str, ...] | None], FontChain] = {}


def find_font_chain(
    *,
    settings_path: str | os.PathLike[str] | None = None,
    search_dirs: Sequence[str | os.PathLike[str]] | None = None,
) -> FontChain:
    """The font chain for printing, cached per (settings path, search folders).

    ``search_dirs=None`` searches the usual Windows and Linux font folders; an empty list
    searches nowhere, leaving the settings font (if any) and STSong-Light. Any thread may
    call this.
    """
    dirs = None if search_dirs is None else tuple(str(d) for d in search_dirs)
    key = (str(settings_path or ""), dirs)
    with _lock:
        chain = _chains.get(key)
        if chain is None:
            paths = None if dirs is None else [Path(d) for d in dirs]
            chain = FontChain(
                candidates=_candidates(settings_path=settings_path, search_dirs=paths)
            )
            _chains[key] = chain
        return chain


def current_font_info(
    *,
    settings_path: str | os.PathLike[str] | None = None,
    search_dirs: Sequence[str | os.PathLike[str]] | None = None,
) -> FontInfo:
    """Which font forms print with (name, family, path), for the UI to show."""
    return find_font_chain(settings_path=settings_path, search_dirs=search_dirs).info
