"""Addresses come from one place: nextsteps.addresses."""

from __future__ import annotations

import re
import subprocess

import pytest
from nextsteps import addresses, pages
from nextsteps.brand import Brand
from nextsteps.support.model import Organisation
from support import ROOT

WRITTEN = "(020) 7946-0000"  # brackets, a space and a dash, as people write numbers


@pytest.mark.parametrize(
    ("phone", "href"),
    [(WRITTEN, "tel:02079460000"), ("+44 20 7946 0000", "tel:+442079460000"), ("116 123", "tel:116123")],
)
def test_tel_href_keeps_the_digits_and_a_leading_plus(phone, href):
    assert addresses.tel_href(phone) == href


def test_every_python_tel_link_is_the_same():
    brand = Brand(phone=WRITTEN)
    assert brand.contact_href == "tel:02079460000"
    assert "(tel:02079460000)" in pages.contact_sentence(brand)
    raw = {"id": "helpline", "name": "Helpline", "helps_with": "Someone to talk to.", "topic": "wellbeing", "regions": ["uk"],
           "phone": "0800 83 85 87", "reviewed": "2026-01-01", "source": "https://www.example.org/"}
    assert Organisation.model_validate(raw).tel_href == "tel:0800838587"


def test_theme_templates_link_phone_numbers_through_tel_href():
    """The footer and the call to action, rendered by MkDocs' own theme setup after the hooks' on_env."""
    import mkdocs_hooks
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    env = config.theme.get_env()
    kept = mkdocs_hooks._build.brand
    mkdocs_hooks._build.brand = Brand(phone=WRITTEN, email="jobs@example.org")
    try:
        env = mkdocs_hooks.on_env(env, config, None)
        for template in ("partials/copyright.html", "partials/brand-cta.html"):
            html = env.get_template(template).render(config=config, page=None, base_url=".")
            assert re.findall(r'href="(tel:[^"]*)"', html) == ["tel:02079460000"], template
    finally:
        mkdocs_hooks._build.brand = kept


def test_no_checklist_address_is_written_by_hand_outside_addresses():
    found = subprocess.run(
        ["grep", "-rn", "--include=*.py", "--include=*.html", "--include=*.j2", "--include=*.md", "checklist/", "hooks", "overrides"],
        cwd=ROOT, capture_output=True, text=True,
    ).stdout.splitlines()
    assert [line for line in found if not line.startswith("hooks/nextsteps/addresses.py:")] == []
