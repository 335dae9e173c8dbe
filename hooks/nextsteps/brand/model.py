"""Brand settings a recruiter sets under ``extra.brand``, checked before building."""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from ..addresses import tel_href
from ..content.edition import Edition
from ..content.regions import DEFAULT_REGION, Region
from ..problems import ContentError, Problem, problems_from_validation, with_lines
from .colour import AA_NORMAL_TEXT, contrast, normalise_hex, readable_shade, readable_text_on

URL = re.compile(r"^https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s\"'<>]*)?$")
EMAIL = re.compile(r"^[^@\s\"'<>]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
PHONE = re.compile(r"^\+?[0-9 ()-]{6,20}$")
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
# Letters, digits, spaces and . , & ' - only: it goes into the stylesheet as a CSS string.
ShortName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=30, pattern=r"^[\w .,&'-]+$")
]
PagePath = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*\.md$")]


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
    logo_png: str | None = Field(default=None, description="A PNG or JPEG copy of an SVG logo, for the Word copies.")
    accent: str = "#1d4f91"
    support: SupportSetting | None = None
    short_name: ShortName | None = Field(default=None, description="Shown in a phone's header instead of site_name.")
    region: Region = Field(default=DEFAULT_REGION, description="Where the readers are: laws and numbers follow it.")
    pages: str | None = Field(default=None, description="A folder of the brand's own pages, laid out like docs/.")
    hide: list[PagePath] = Field(default=[], description="Pages to leave out, by their path in docs/.")
    paths: dict[str, Annotated[list[Slug], Field(min_length=1)]] = Field(default={}, description="Stage paths.")

    def edition(self, base_dir: Path, settings_file: str, project_dir: Path) -> Edition:
        """What this brand changes in the guide's pages (nextsteps.content.edition)."""
        return Edition(
            region=self.region,
            pages_dir=(base_dir / self.pages).resolve() if self.pages else None,
            hidden=frozenset(self.hide),
            paths={stage: tuple(slugs) for stage, slugs in self.paths.items()},
            settings_file=settings_file,
            project_dir=project_dir,
        )

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
    def shows_recruiters_page(self) -> bool:
        """False when the brand hides the "For recruiters" page (and so its footer link)."""
        return RECRUITERS_PAGE not in self.hide

    @property
    def ink(self) -> str:
        """The accent as text or lines on white paper or a white page: itself, or a darker shade for 4.5:1."""
        return readable_shade(self.accent)

    def logo_data_uri(self) -> str | None:
        """The logo inside the document itself, so a PDF's bytes depend on the
        logo's bytes, never on where the file lay."""
        if not self.logo:
            return None
        path = Path(self.logo)
        return f"data:{LOGO_TYPES[path.suffix.lower()]};base64," + base64.b64encode(path.read_bytes()).decode("ascii")

    @property
    def word_logo(self) -> Path | None:
        """The logo the Word copies can show: the logo itself when it is a
        raster image, else its PNG or JPEG copy."""
        for name in (self.logo, self.logo_png):
            if name and Path(name).suffix.lower() in RASTER_TYPES:
                return Path(name)
        return None

    def build_notes(self, settings_file: str) -> list[str]:
        """What the build log should say about the brand, though nothing is wrong."""
        if self.logo and self.word_logo is None:
            return [f"{settings_file}: the Word copies show no logo, because Word cannot show SVG. Add 'logo_png'."]
        return []

    @property
    def logo_name(self) -> str | None:
        return f"assets/brand/logo{Path(self.logo).suffix.lower()}" if self.logo else None

    @property
    def is_own(self) -> bool:
        """An agency's brand, not the guide's own look: its name, colour or logo differ."""
        defaults = Brand.model_fields
        changed = self.name != defaults["name"].default or self.accent != defaults["accent"].default
        return bool(self.logo or self.short_name) or changed

    def stylesheet(self) -> str:
        """CSS custom properties for the brand, served as a file (no inline styles).

        An agency's brand also colours links and focus rings (a shade that
        keeps 4.5:1 in each colour scheme), shows its logo at every width and
        lets its name wrap in a phone's header instead of being cut short.
        """
        css = (
            ":root{"
            f"--ns-accent:{self.accent};"
            f"--ns-on-accent:{self.on_accent};"
            f"--md-primary-fg-color:{self.accent};"
            f"--md-primary-fg-color--dark:{self.accent};"
            f"--md-primary-bg-color:{self.on_accent};"
            "}\n"
        )
        if not self.is_own:
            return css  # the guide's own colours are fixed, tested values (nextsteps.css)
        light, dark = readable_shade(self.accent, LIGHT_PAGE), readable_shade(self.accent, DARK_BOX)
        for scheme, ink in (("default", light), ("slate", dark)):
            colours = f"--md-typeset-a-color:{ink};--md-accent-fg-color:{ink};--ns-focus:{ink}"
            css += f'body[data-md-color-scheme="{scheme}"]{{{colours}}}\n'
        css += "html :focus-visible{outline-color:var(--ns-focus) !important}\n"
        # Material hides the header's logo below 1220 px and cuts a long name short.
        css += "@media screen and (max-width:76.2344em){.md-header__button.md-logo{display:inline-block}}\n"
        css += (
            "@media screen and (max-width:44.9844em){"
            ".md-header__title{margin-left:.2rem;font-size:.65rem;line-height:1.1}"
            ".md-header__topic{align-items:center;height:100%;white-space:normal}"
            ".md-header__topic .md-ellipsis{white-space:normal}"
            "}\n"
        )
        if self.short_name:
            # On a phone the short name stands in for the site's name; screen
            # readers still read the whole name (the short one has empty alt text).
            css += (
                "@media screen and (max-width:44.9844em){"
                ".md-header__topic:first-child .md-ellipsis{font-size:0}"
                f'.md-header__topic:first-child .md-ellipsis::after{{content:"{self.short_name}";'
                f'content:"{self.short_name}"/"";font-size:.9rem}}'
                "}\n"
            )
        return css


# The page backgrounds of Material's two colour schemes, for link colours.
LIGHT_PAGE = "#ffffff"
# In 'slate' links also sit in boxes on the code background (the "What to do
# next" box), lighter than the page (hsl(225, 15%, 14%)): a shade readable
# there is readable on the page too.
DARK_BOX = "#272a35"  # 'slate' --md-code-bg-color: hsl(225, 15%, 18%)

LOGO_TYPES = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
}
RASTER_TYPES = (".png", ".jpg", ".jpeg")  # what Word shows


def load_brand(
    data: Any, config_file: str, base_dir: Path, shown: str | None = None, docs_dir: Path | None = None
) -> Brand:
    """Validate ``extra.brand``; errors name the config file (as ``shown``,
    such as 'brands/ireland.yml'), the field and its line.

    Files the brand names are found relative to ``base_dir``, the config
    file's folder; a missing one's error says where the build looked.
    With ``docs_dir``, every page the brand hides must exist.
    """
    shown = shown or config_file
    try:
        return _load_brand(data, shown, base_dir, docs_dir)
    except ContentError as exc:
        raise ContentError(with_lines(exc.problems, {shown: base_dir / Path(config_file).name})) from None


def _looked_for(path: Path) -> str:
    """Where the build looked for a file, as the editor would type it."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return path.as_posix()


def _missing(kind: str, name: str, path: Path, config_file: str) -> str:
    return f"the {kind} '{name}' does not exist (looked for {_looked_for(path)}; paths are relative to {config_file})"


def _load_brand(data: Any, config_file: str, base_dir: Path, docs_dir: Path | None) -> Brand:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError([Problem(config_file, "extra.brand", "must be a set of 'field: value' settings")])
    try:
        brand = Brand.model_validate(data)
    except ValidationError as exc:
        raise ContentError(problems_from_validation(exc, config_file, Brand, at="extra.brand")) from None
    assert contrast(brand.on_accent, brand.accent) >= AA_NORMAL_TEXT
    found: list[Problem] = []
    resolved: dict[str, str] = {}  # the logos' full paths, so no later step depends on the working folder
    for field, allowed in (("logo", tuple(LOGO_TYPES)), ("logo_png", RASTER_TYPES)):
        name = getattr(brand, field)
        if not name:
            continue
        logo = (base_dir / name).resolve()
        if logo.suffix.lower() not in allowed:
            message = f"'{name}' must be one of: {', '.join(sorted(allowed))}"
            found.append(Problem(config_file, f"extra.brand.{field}", message))
        elif not logo.is_file():
            found.append(Problem(config_file, f"extra.brand.{field}", _missing("file", name, logo, config_file)))
        else:
            resolved[field] = str(logo)
    if found:
        raise ContentError(found)
    brand = brand.model_copy(update=resolved)
    if brand.support and not (base_dir / brand.support.file).is_file():
        missing = _missing("file", brand.support.file, base_dir / brand.support.file, config_file)
        found.append(Problem(config_file, "extra.brand.support.file", missing))
    pages = (base_dir / brand.pages).resolve() if brand.pages else None
    if brand.pages and pages and not pages.is_dir():
        found.append(Problem(config_file, "extra.brand.pages", _missing("folder", brand.pages, pages, config_file)))
    if docs_dir is not None:
        for i, hidden in enumerate(brand.hide):
            own = pages is not None and (pages / hidden).is_file()
            if not (docs_dir / hidden).is_file() and not own and hidden not in GENERATED_PAGES:
                looked = _looked_for(docs_dir / hidden)
                message = f"no page '{hidden}' to hide (looked for {looked}). Name a page by its path in docs/"
                found.append(Problem(config_file, f"extra.brand.hide[{i}]", message))
    if found:
        raise ContentError(found)
    return brand


# Pages the build writes that a brand may hide as well.
RECRUITERS_PAGE = "for-recruiters/index.md"  # nextsteps.recruiters.PAGE
GENERATED_PAGES = (RECRUITERS_PAGE,)
