"""Brand settings a recruiter sets under ``extra.brand``, checked before building."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from ..addresses import tel_href
from ..content.errors import ContentError, Problem
from ..content.frontmatter import yaml_line
from .colour import AA_NORMAL_TEXT, contrast, normalise_hex, readable_text_on

URL = re.compile(r"^https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s\"'<>]*)?$")
EMAIL = re.compile(r"^[^@\s\"'<>]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
PHONE = re.compile(r"^\+?[0-9 ()-]{6,20}$")
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


class SupportSetting(BaseModel):
    """A brand's own support list: ``replace`` the default one or ``extend`` it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] = Field(description="A YAML file like data/support.yml, relative to the config file.")
    mode: Literal["replace", "extend"] = "extend"


class Brand(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text = "Next Steps"
    url: str | None = Field(default=None, description="The recruiter's own website.")
    email: str | None = None
    phone: str | None = None
    cta_text: Text = "Looking for your next role? Talk to a recruiter."
    cta_link_text: Text = "Contact us"
    logo: str | None = Field(default=None, description="Image file, relative to the config file.")
    accent: str = "#1d4f91"
    support: SupportSetting | None = None

    @field_validator("accent")
    @classmethod
    def _accent_is_hex(cls, v: str) -> str:
        return normalise_hex(v)

    @field_validator("url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        if v is not None and not URL.match(v):
            raise ValueError(f"{v!r} is not a web address. Use a full address such as 'https://example.com/'")
        return v

    @field_validator("email")
    @classmethod
    def _email(cls, v: str | None) -> str | None:
        if v is not None and not EMAIL.match(v):
            raise ValueError(f"{v!r} is not an email address")
        return v

    @field_validator("phone")
    @classmethod
    def _phone(cls, v: str | None) -> str | None:
        if v is not None and not PHONE.match(str(v)):
            raise ValueError(f"{v!r} is not a phone number. Use digits, spaces, brackets, '-' and a leading '+'")
        return v

    @property
    def on_accent(self) -> str:
        """Text colour for text placed on the accent colour; always 4.5:1 or more."""
        return readable_text_on(self.accent)

    @property
    def contact_href(self) -> str | None:
        if self.url:
            return self.url
        if self.email:
            return f"mailto:{self.email}"
        if self.phone:
            return tel_href(self.phone)
        return None

    @property
    def logo_name(self) -> str | None:
        return f"assets/brand/logo{Path(self.logo).suffix.lower()}" if self.logo else None

    def stylesheet(self) -> str:
        """CSS custom properties for the brand, served as a file (no inline styles)."""
        return (
            ":root{"
            f"--ns-accent:{self.accent};"
            f"--ns-on-accent:{self.on_accent};"
            f"--md-primary-fg-color:{self.accent};"
            f"--md-primary-fg-color--dark:{self.accent};"
            f"--md-primary-bg-color:{self.on_accent};"
            "}\n"
        )


LOGO_TYPES = {".svg", ".png", ".jpg", ".jpeg", ".webp"}


def load_brand(data: Any, config_file: str, base_dir: Path) -> Brand:
    """Validate ``extra.brand``; errors name the config file, the field and its line."""
    try:
        return _load_brand(data, config_file, base_dir)
    except ContentError as exc:
        raise ContentError([_with_line(p, base_dir / config_file) for p in exc.problems]) from None


def _with_line(problem: Problem, config: Path) -> Problem:
    try:
        return problem.at_line(yaml_line(config.read_text(encoding="utf-8"), problem.field))
    except (OSError, UnicodeDecodeError):
        return problem


def _load_brand(data: Any, config_file: str, base_dir: Path) -> Brand:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError([Problem(config_file, "extra.brand", "must be a set of 'field: value' settings")])
    try:
        brand = Brand.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            field = "extra.brand." + ".".join(str(p) for p in err["loc"])
            if err["type"] == "extra_forbidden":
                parent = SupportSetting if err["loc"][:1] == ("support",) else Brand
                message = "unknown setting. Allowed: " + ", ".join(parent.model_fields)
            elif err["type"].startswith("literal_error"):
                message = f"{err['msg']} (got {err['input']!r})"
            else:
                message = str(err["msg"]).removeprefix("Value error, ")
            problems.append(Problem(config_file, field, message))
        raise ContentError(problems) from None
    assert contrast(brand.on_accent, brand.accent) >= AA_NORMAL_TEXT
    if brand.logo:
        logo = (base_dir / brand.logo).resolve()
        if logo.suffix.lower() not in LOGO_TYPES:
            raise ContentError([Problem(config_file, "extra.brand.logo", f"'{brand.logo}' must be one of: {', '.join(sorted(LOGO_TYPES))}")])
        if not logo.is_file():
            raise ContentError([Problem(config_file, "extra.brand.logo", f"the file '{brand.logo}' does not exist (paths are relative to {config_file})")])
    if brand.support and not (base_dir / brand.support.file).is_file():
        raise ContentError([Problem(config_file, "extra.brand.support.file", f"the file '{brand.support.file}' does not exist (paths are relative to {config_file})")])
    return brand
