"""Who the forms say they come from: the county, its service centre and the centre's seal.

The names are part of the centre's county-wide configuration (``requests.RequestConfig``,
edited in the centre's settings and synced to every laptop), so that one setting names the
county everywhere: forms, letters, passes. A laptop that has not received them prints the
generic defaults. Any thread (reads only).
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CountyIdentity", "load"]

#: The generic name printed until the centre names itself.
DEFAULT_ORGANISATION = "县企业服务中心"


@dataclass(frozen=True)
class CountyIdentity:
    #: The centre as it signs forms, e.g. 青田县企业服务中心.
    organisation: str = DEFAULT_ORGANISATION
    #: The county, e.g. 青田县; empty when not configured.
    county: str = ""
    #: The name engraved on the centre's seal; the organisation when not configured.
    seal_name: str = ""
    #: 机关代字 printed before 〔年份〕 in document numbers, e.g. 青企服.
    doc_prefix: str = ""
    #: 监督电话 on public lists: where anyone may object.
    supervision_phone: str = ""

    @property
    def seal(self) -> str:
        return self.seal_name or self.organisation

    def county_body(self, name: str) -> str:
        """A county body's name with the county's own: "县复工复产工作领导小组" becomes
        "青田县复工复产工作领导小组" once the county is known."""
        if self.county and name.startswith("县"):
            return self.county + name[1:]
        return name


def load() -> CountyIdentity:
    """The county's identity as the centre configured it. Any thread."""
    from liaison_app.core.services.requests import load_config

    config = load_config()
    return CountyIdentity(organisation=config.organisation.strip() or DEFAULT_ORGANISATION,
                          county=config.county.strip(), seal_name=config.seal_name.strip(),
                          doc_prefix=config.doc_prefix.strip(),
                          supervision_phone=config.supervision_phone.strip())
