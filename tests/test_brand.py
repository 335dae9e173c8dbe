"""Brand colours always give readable text; bad settings are named clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
from nextsteps.brand import contrast, load_brand, normalise_hex, readable_text_on
from nextsteps.problems import ContentError


@pytest.mark.parametrize("accent", ["#ffdd00", "#1d4f91", "#777777", "#00ff00", "#000000", "#ffffff", "#d4351c"])
def test_text_on_any_accent_passes_aa(accent):
    assert contrast(readable_text_on(accent), accent) >= 4.5


def test_contrast_matches_wcag_examples():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48


def test_short_hex_is_expanded():
    assert normalise_hex("#AbC") == "#aabbcc"


@pytest.mark.parametrize(
    ("settings", "field", "says"),
    [
        ({"accent": "red"}, "extra.brand.accent", "is not a colour"),
        ({"url": "example.com"}, "extra.brand.url", "is not a web address"),
        ({"email": "nobody"}, "extra.brand.email", "is not an email address"),
        ({"logo": "missing.svg"}, "extra.brand.logo", "does not exist"),
        ({"colour": "#000000"}, "extra.brand.colour", "unknown field. Allowed fields are: name, url"),
    ],
)
def test_bad_settings_are_named(settings, field, says, tmp_path: Path):
    with pytest.raises(ContentError) as caught:
        load_brand(settings, "mkdocs.yml", tmp_path)
    assert f"mkdocs.yml: field '{field}'" in str(caught.value)
    assert says in str(caught.value)


ACCENTS = ["#ffdd00", "#1d4f91", "#777777", "#00ff00", "#000000", "#ffffff", "#d4351c", "#0b6e4f"]


@pytest.mark.parametrize("accent", ACCENTS)
@pytest.mark.parametrize("page", ["#ffffff", "#1e2129"])
def test_links_take_a_shade_of_the_brand_colour_that_stays_readable(accent, page):
    from nextsteps.brand.colour import readable_shade

    shade = readable_shade(accent, page)
    assert contrast(shade, page) >= 4.5
    if contrast(accent, page) >= 4.5:
        assert shade == accent  # the brand's own colour whenever it is readable


def test_only_an_agency_brand_changes_the_guide_colours():
    from nextsteps.brand import Brand

    assert "md-typeset-a-color" not in Brand().stylesheet()
    own = Brand(name="Agency", accent="#ffdd00").stylesheet()
    assert 'body[data-md-color-scheme="default"]{--md-typeset-a-color:#877500;' in own


def test_an_svg_logo_without_a_png_copy_is_noted_for_the_word_copies(tmp_path: Path):
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (tmp_path / "logo.png").write_bytes((Path(__file__).parent.parent / "brands/example/logo.png").read_bytes())
    svg_only = load_brand({"logo": "logo.svg"}, "agency.yml", tmp_path)
    assert svg_only.word_logo is None
    assert svg_only.build_notes("brands/agency.yml") == [
        "brands/agency.yml: the Word copies show no logo, because Word cannot show SVG. Add 'logo_png'."
    ]
    both = load_brand({"logo": "logo.svg", "logo_png": "logo.png"}, "agency.yml", tmp_path)
    assert both.word_logo == tmp_path / "logo.png" and both.build_notes("brands/agency.yml") == []
    assert both.logo_data_uri().startswith("data:image/svg+xml;base64,")


def test_a_short_name_stands_in_for_the_site_name_on_a_phone_only():
    from nextsteps.brand import Brand

    css = Brand(name="Acme Recruitment International", short_name="Acme").stylesheet()
    phone = css[css.rindex("@media") :]
    assert phone.startswith("@media screen and (max-width:44.9844em){")
    assert 'content:"Acme"/""' in phone


@pytest.mark.parametrize("short_name", ['Acme"}body{color:red', "Acme\\", "A" * 31, "<b>"])
def test_a_short_name_cannot_break_out_of_the_stylesheet(short_name, tmp_path: Path):
    with pytest.raises(ContentError) as caught:
        load_brand({"short_name": short_name}, "agency.yml", tmp_path)
    assert "agency.yml: field 'extra.brand.short_name'" in str(caught.value)
