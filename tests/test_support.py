"""The support page: checked data, complete entries, clear errors, stale warnings, brand lists."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape
from pathlib import Path

import pytest
import yaml
from nextsteps.brand import load_brand
from nextsteps.problems import ContentError
from nextsteps.support import DATA_FILE, load_support, stale_warnings, support_markdown
from support import ROOT, build, copy_project

SUPPORT = load_support(ROOT)
RAW = yaml.safe_load((ROOT / DATA_FILE).read_text(encoding="utf-8"))["organisations"]


def test_every_entry_is_complete_with_well_formed_links():
    assert len(SUPPORT.organisations) == len(RAW) >= 8
    topics = {o.topic for o in SUPPORT.organisations}
    assert {"wellbeing", "careers", "money", "fairness", "safety"} <= topics
    for org, raw in zip(SUPPORT.organisations, RAW, strict=True):
        assert org.name and org.helps_with and org.regions and org.reviewed
        assert org.phone or org.text or org.web, org.id
        if org.phone:
            assert re.fullmatch(r"tel:\+?[0-9]{3,15}", org.tel_href), org.id
        if org.web:
            assert re.fullmatch(r"https://[a-z0-9.-]+\.[a-z]{2,}(/\S*)?", org.web), org.id
        for _, url in org.sources:
            assert re.fullmatch(r"https?://[A-Za-z0-9.-]+\.[a-z]{2,}(/\S*)?", url), org.id
        assert set(raw) >= {"id", "name", "helps_with", "topic", "regions", "source", "reviewed"}


def test_the_page_lists_every_entry_by_topic_with_links(site):
    html = (site / "get-support/index.html").read_text(encoding="utf-8")
    positions = [html.index(f'id="{topic.id}"') for topic in SUPPORT.topics]
    assert positions == sorted(positions)
    for org in SUPPORT.organisations:
        assert org.name in unescape(html)
        if org.phone:
            assert f'href="{org.tel_href}"' in html
        if org.web:
            assert f'href="{org.web}"' in html
        for _, url in org.sources:
            assert f'href="{url.replace("&", "&amp;")}"' in html
    assert "Checked in 2026" in html
    assert "<!-- nextsteps" not in html


FEELINGS_PAGES = (
    "",
    "stages/final/",
    "steps/its-not-personal/",
    "steps/clear-your-mind/",
    "steps/reply-to-the-rejection/",
    "steps/keep-learning/",
    "steps/keep-getting-turned-down/",
)


def test_start_page_and_feelings_steps_link_to_support(site):
    for url in FEELINGS_PAGES:
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert re.search(r'href="(\.\./)*get-support/(#\w+)?"', html), url


SOURCE_LINE = re.compile(r"<small>(.*?)</small>", re.S)


def test_every_fact_line_in_the_guide_names_a_source_and_the_year(site):
    """A fact, number or legal point has a <small> line under it: the year checked and a link to the page."""
    found = 0
    for page in sorted(site.rglob("index.html")):
        if "embed" in page.relative_to(site).parts:
            continue
        for line in SOURCE_LINE.findall(page.read_text(encoding="utf-8")):
            found += 1
            where = page.relative_to(site)
            assert re.search(r"[Cc]hecked in 20\d\d", line), (where, line)
            assert re.search(r'<a href="https?://[^"]+"', line), (where, line)
    assert found >= len(SUPPORT.organisations) + 4  # one per organisation, plus the lines in the steps


TOPICS = [{"id": "wellbeing", "title": "If you need to talk"}]


def write(path: Path, entries: list[dict], topics: list[dict] | None = TOPICS) -> Path:
    """A support file; a brand's that adds to the default list needs no topics of its own."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"topics": topics, "organisations": entries} if topics is not None else {"organisations": entries}
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def entry(**changes) -> dict:
    base = {"id": "helpline", "name": "A helpline", "helps_with": "Listens.", "topic": "wellbeing", "regions": ["other"],
            "phone": "+353 1 234 5678", "source": "https://example.org/helpline", "reviewed": date(2026, 11, 1)}
    return {**base, **changes}


@pytest.mark.parametrize(
    ("bad", "field", "message"),
    [
        ({"phone": "call us"}, "organisations[0] (helpline).phone", "is not a phone number"),
        ({"web": "http://example.org"}, "organisations[0] (helpline).web", "starts with 'https://'"),
        ({"topic": "jobs"}, "organisations[0] (helpline).topic", "'jobs' is not one of the list's topics. Allowed: wellbeing"),
        ({"regions": ["uk", "wales"]}, "organisations[0] (helpline).regions", "'uk' and 'other' must stand alone"),
        ({"source": None}, "organisations[0] (helpline).source", ""),
        ({"phone": None}, "organisations[0] (helpline)", "give at least one way to reach them"),
        ({"colour": "red"}, "organisations[0] (helpline).colour", "unknown field. Allowed fields are: id, name"),
    ],
)
def test_a_malformed_entry_stops_with_file_entry_and_field(tmp_path, bad, field, message):
    data = {k: v for k, v in entry(**bad).items() if v is not None}
    write(tmp_path / DATA_FILE, [data])
    with pytest.raises(ContentError) as caught:
        load_support(tmp_path)
    text = str(caught.value)
    assert f"{DATA_FILE}: field '{field}'" in text and message in text, text


def test_the_topics_and_their_order_are_the_lists_own(tmp_path):
    """What readers need help with depends on the guide: the file names the parts of the page."""
    topics = [{"id": "first-days", "title": "Help in your first days"}, {"id": "rights", "title": "Your rights at work"}]
    write(tmp_path / DATA_FILE, [entry(id="union", topic="rights"), entry(id="buddy", topic="first-days")], topics)
    found = load_support(tmp_path)
    assert [t.id for t in found.topics] == ["first-days", "rights"] and found.title_of("rights") == "Your rights at work"
    page = support_markdown(found)
    assert page.index("## Help in your first days {: #first-days }") < page.index("## Your rights at work {: #rights }")


@pytest.mark.parametrize(
    ("topics", "field", "message"),
    [
        (None, "topics", "must list the parts of the support page in page order, each with an id and a title"),
        ([], "topics", "must list the parts of the support page"),
        ([{"id": "Well Being", "title": "Talk"}], "topics[0].id", ""),
        ([{"id": "wellbeing"}], "topics[0].title", "this field is required"),
        ([{"id": "wellbeing", "title": "A"}, {"id": "wellbeing", "title": "B"}], "topics[1].id", "'wellbeing' is already a topic"),
    ],
)
def test_a_list_without_good_topics_stops_with_the_field(tmp_path, topics, field, message):
    write(tmp_path / DATA_FILE, [entry()], topics)
    with pytest.raises(ContentError) as caught:
        load_support(tmp_path)
    text = str(caught.value)
    assert f"{DATA_FILE}: field '{field}'" in text and message in text, text


def test_a_missing_field_is_named(tmp_path):
    data = entry()
    del data["reviewed"]
    write(tmp_path / DATA_FILE, [data])
    with pytest.raises(ContentError, match=r"field 'organisations\[0\] \(helpline\)\.reviewed': this field is required"):
        load_support(tmp_path)


def test_problems_in_the_real_file_name_their_line(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / DATA_FILE
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("    topic: wellbeing", "    topic: feelings", 1), encoding="utf-8")
    line = next(i for i, row in enumerate(data.read_text(encoding="utf-8").splitlines(), start=1) if row == "    topic: feelings")
    with pytest.raises(ContentError) as caught:
        load_support(project)
    [problem] = caught.value.problems
    assert (problem.field, problem.line) == ("organisations[0] (samaritans).topic", line)

    # An unclosed quote is found where it opens, not where YAML stumbles.
    data.write_text(text.replace('phone: "116 123"', 'phone: "116 123', 1), encoding="utf-8")
    opened = next(i for i, row in enumerate(text.splitlines(), start=1) if 'phone: "116 123"' in row)
    with pytest.raises(ContentError) as caught:
        load_support(project)
    [problem] = caught.value.problems
    assert problem.line == opened and "quotation mark" in problem.message, problem


def test_an_entry_not_reviewed_for_a_year_warns_by_the_build_date():
    day = min(o.reviewed for o in SUPPORT.organisations)  # the entry checked longest ago
    assert stale_warnings(SUPPORT, day) == []
    assert stale_warnings(SUPPORT, day + timedelta(days=365)) == []  # twelve months exactly is still fine
    warnings = stale_warnings(SUPPORT, day + timedelta(days=366))
    assert any("'samaritans' was last reviewed on" in w and "more than 12 months" in w for w in warnings)


def test_a_stale_entry_warns_in_a_real_build(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / DATA_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("reviewed: 2026-11-23", "reviewed: 2024-01-10", 1), encoding="utf-8")
    result = build(tmp_path / "out", project)  # strict: a warning stops the build, with its reason
    assert "WARNING" in result.output and "'samaritans' was last reviewed on 2024-01-10" in result.output, result.output[-2000:]


def test_a_brand_can_replace_or_extend_the_list(tmp_path):
    own = write(tmp_path / "brands/ireland/support.yml", [entry()], topics=None)
    replaced = load_support(ROOT, brand_file=own, brand_shown="brand.yml", mode="replace")
    assert [o.id for o in replaced.organisations] == ["helpline"]
    extended = load_support(ROOT, brand_file=own, brand_shown="brand.yml", mode="extend")
    assert [o.id for o in extended.organisations] == [o.id for o in SUPPORT.organisations] + ["helpline"]
    assert extended.organisations[-1].region_label == "Other places"
    clash = write(tmp_path / "brands/clash.yml", [entry(id="samaritans")], topics=None)
    with pytest.raises(ContentError, match=re.escape("'samaritans' is already in data/support.yml")):
        load_support(ROOT, brand_file=clash, brand_shown="brand.yml", mode="extend")



def test_a_brands_list_uses_the_guides_topics_or_its_own(tmp_path):
    """Without topics of its own a brand's list has the guide's; it may add a topic, or bring its own set when it replaces the list."""
    assert load_support(ROOT, brand_file=write(tmp_path / "a.yml", [entry()], topics=None), brand_shown="a.yml", mode="replace").topics == SUPPORT.topics
    local = [{"id": "local", "title": "Help in your town"}]
    added = load_support(ROOT, brand_file=write(tmp_path / "b.yml", [entry(topic="local")], local), brand_shown="b.yml", mode="extend")
    assert [t.id for t in added.topics] == [t.id for t in SUPPORT.topics] + ["local"] and added.title_of("local") == "Help in your town"
    own = load_support(ROOT, brand_file=write(tmp_path / "c.yml", [entry(topic="local")], local), brand_shown="c.yml", mode="replace")
    assert [t.id for t in own.topics] == ["local"]
    with pytest.raises(ContentError, match=re.escape("field 'organisations[0] (helpline).topic': 'careers' is not one of the list's topics. Allowed: local")):
        load_support(ROOT, brand_file=write(tmp_path / "d.yml", [entry(topic="careers")], local), brand_shown="d.yml", mode="replace")


def test_brand_support_setting_is_checked(tmp_path):
    with pytest.raises(ContentError, match=r"extra.brand.support.mode"):
        load_brand({"support": {"file": "x.yml", "mode": "merge"}}, "brand.yml", tmp_path)
    with pytest.raises(ContentError, match=r"field 'extra.brand.support.file': the file 'x.yml' does not exist"):
        load_brand({"support": {"file": "x.yml"}}, "brand.yml", tmp_path)
    (tmp_path / "x.yml").write_text("organisations: []\n", encoding="utf-8")
    assert load_brand({"support": {"file": "x.yml", "mode": "replace"}}, "brand.yml", tmp_path).support.mode == "replace"


def test_accessibility_page_says_how_to_contact_the_site_owner(site):
    html = (site / "accessibility/index.html").read_text(encoding="utf-8")
    assert "This copy of the guide does not give any contact details" in html  # the default brand has none
    from nextsteps.brand import Brand
    from nextsteps.pages import contact_sentence

    with_email = contact_sentence(Brand(name="Acme Recruiting", email="help@acme.example"))
    assert "[help@acme.example](mailto:help@acme.example)" in with_email and "Acme Recruiting" in with_email
