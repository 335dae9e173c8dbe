"""One support organisation, as an editor writes it in the YAML file."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from ..addresses import tel_href
from ..wording import say

Region = Literal["uk", "england", "scotland", "wales", "northern-ireland", "ie", "other"]

# Page order: UK-wide help first, then the nations, other places last. The
# words are in wording. The topics, and their order, are the list's own (Topic).
REGIONS: tuple[str, ...] = get_args(Region)


# The edition (extra.brand.region) each region's help is shown in; "other"
# places are shown in every edition.
EDITION_OF: dict[str, str | None] = {
    "uk": "uk",
    "england": "uk",
    "scotland": "uk",
    "wales": "uk",
    "northern-ireland": "uk",
    "ie": "ie",
    "other": None,
}


def region_name(region: str) -> str:
    return say(f"region.{region}")

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
HTTPS = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:/[^\s\"'<>]*)?$")
SOURCE = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:/[^\s\"'<>]*)?$")
PHONE = re.compile(r"^\+?[0-9](?:[0-9 ]{1,18}[0-9])?$")


class Topic(BaseModel):
    """A part of the support page, as the list declares it: what the guide's readers look for help with."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(description="The part's anchor on the page (#safety) and what an organisation's topic names.")
    title: Line = Field(description="The part's heading, such as 'If you feel low or need to talk'.")


class TextMessage(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    to: Annotated[str, StringConstraints(pattern=r"^[0-9]{3,15}$")] = Field(description="The number to text, digits only.")
    word: Line | None = Field(default=None, description="The word to send, if the service asks for one.")


class Organisation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    name: Line
    helps_with: Line
    topic: Slug = Field(description="The id of one of the list's topics.")
    regions: Annotated[list[Region], Field(min_length=1)]
    area: Line | None = Field(default=None, description="Shown instead of the region's name, such as 'Ireland' for 'other'.")
    phone: str | None = None
    phone_note: Line | None = Field(default=None, description="Such as 'Choose the mental health option'.")
    text: TextMessage | None = None
    web: str | None = None
    hours: Line | None = None
    source: str | Annotated[list[str], Field(min_length=1)] = Field(description="The page, or pages, the details were checked against.")
    reviewed: date

    @field_validator("phone")
    @classmethod
    def _phone(cls, v: str | None) -> str | None:
        if v is not None and not PHONE.match(str(v)):
            raise ValueError(f"{v!r} is not a phone number. Use digits and spaces, and a leading '+' for other countries")
        return v

    @field_validator("web")
    @classmethod
    def _web(cls, v: str | None) -> str | None:
        if v is not None and not HTTPS.match(v):
            raise ValueError(f"{v!r} is not a secure web address. Use a full address that starts with 'https://'")
        return v

    @field_validator("source")
    @classmethod
    def _source(cls, v: str | list[str]) -> str | list[str]:
        for url in [v] if isinstance(v, str) else v:
            if not SOURCE.match(url):
                raise ValueError(f"{url!r} is not a web address. Give the full address of the page you checked")
        return v

    @field_validator("regions")
    @classmethod
    def _regions(cls, v: list[str]) -> list[str]:
        if len(set(v)) != len(v):
            raise ValueError("each region may appear only once")
        if len(v) > 1 and ("uk" in v or "ie" in v or "other" in v):
            raise ValueError(
                "'uk' and 'other' must stand alone, as must 'ie'; list nations together, such as [england, wales]"
            )
        return v

    @model_validator(mode="after")
    def _reachable(self) -> Organisation:
        if not (self.phone or self.text or self.web):
            raise ValueError("give at least one way to reach them: phone, text or web")
        if self.phone_note and not self.phone:
            raise ValueError("phone_note needs a phone number")
        return self

    @property
    def tel_href(self) -> str | None:
        return tel_href(self.phone) if self.phone else None

    @property
    def sources(self) -> list[tuple[str, str]]:
        """(site name, address) for each page the details were checked against."""
        urls = [self.source] if isinstance(self.source, str) else self.source
        return [(u.split("/")[2].removeprefix("www."), u) for u in urls]

    @property
    def sources_markdown(self) -> str:
        """'[acas.org.uk](...) and [gov.uk](...)': where the details were checked."""
        return say("list.and").join(f"[{host}]({url})" for host, url in self.sources)

    @property
    def region_label(self) -> str:
        """'England, Wales and Northern Ireland': how the page names where it helps."""
        if self.area:
            return self.area
        names = [region_name(r) for r in self.regions]
        label = names[0] if len(names) == 1 else ", ".join(names[:-1]) + say("list.and") + names[-1]
        return label[:1].upper() + label[1:]

    def shown_in(self, edition_region: str) -> bool:
        """Whether this help is for readers of an edition for ``edition_region`` ('uk' or 'ie')."""
        return all(EDITION_OF[r] in (edition_region, None) for r in self.regions)

    @property
    def region_order(self) -> int:
        """UK-wide first, then the nations in a fixed order, other places last."""
        return min(REGIONS.index(r) for r in self.regions)
