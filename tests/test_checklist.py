"""Checklists come from the step pages' front matter: pages, JSON, errors and speed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from nextsteps import checklist, pdf, render_pool
from nextsteps.brand import Brand
from nextsteps.content import load_content
from nextsteps.problems import ContentError
from nextsteps.render_pool import RenderJob
from nextsteps.wording import say
from support import ROOT, build, copy_project, edit, journeys, problems_for

STAGES = journeys()  # the journeys the guide's stage pages declare

CONTENT = load_content(ROOT / "docs")
SITE_URL = "https://nextsteps.example.org/"
CHECKLIST_PAGES = ["checklist/", *(f"checklist/{stage}/" for stage in STAGES)]


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def front_matter_items() -> list[dict]:
    """The items exactly as the pages declare them, read without the content model.

    A step's own items list the stages whose path (in docs/stages/) includes
    it; the extra items under ``for_stage`` list only their own stage.
    """
    def read(path: Path) -> dict:
        return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])

    paths = {stage: read(ROOT / f"docs/stages/{stage}.md")["path"] for stage in STAGES}
    steps = []
    for path in sorted((ROOT / "docs/steps").glob("*.md")):
        meta = read(path)
        steps.append((meta["order"], path.stem, meta))
    items = []
    for _, slug, meta in sorted(steps):
        step = {"title": meta["title"], "url": f"{SITE_URL}steps/{slug}/"}
        on = [stage for stage in STAGES if slug in paths[stage]]
        lists = [(meta.get("checklist", []), on)]
        lists += [(meta.get("for_stage", {}).get(stage, {}).get("checklist", []), [stage]) for stage in STAGES]
        for declared, stages in lists:
            for item in declared:
                items.append({"id": item["id"], "text": item["text"].strip(), "when": item.get("when") or meta["when"], "stages": stages, "step": step})
    return items


def front_matter_paths() -> dict:
    """Each stage's path as its page declares it, with the step addresses on that path."""
    found = {}
    for stage in STAGES:
        meta = yaml.safe_load((ROOT / f"docs/stages/{stage}.md").read_text(encoding="utf-8").split("---")[1])
        steps = []
        for slug in meta["path"]:
            title = yaml.safe_load((ROOT / f"docs/steps/{slug}.md").read_text(encoding="utf-8").split("---")[1])["title"]
            steps.append({"slug": slug, "title": title, "url": f"{SITE_URL}stages/{stage}/{slug}/"})
        found[stage] = {"title": meta["title"], "url": f"{SITE_URL}stages/{stage}/", "checklist": f"{SITE_URL}checklist/{stage}/", "steps": steps}
    return found


def stage_items(stage: str) -> list[str]:
    """One stage's item ids: each step on its path in order, its own items then its extras for the stage."""
    ids = []
    for step in CONTENT.steps_for(stage):
        ids += [i.id for i in step.meta.checklist]
        wording = step.meta.for_stage.get(stage)
        ids += [i.id for i in wording.checklist] if wording else []
    return ids


class Widget(HTMLParser):
    """What a checklist fragment offers: headings, boxes, labels and step links, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = 0  # div depth inside the fragment
        self.all_ids: list[str] | None = None
        self.events: list[tuple[str, str]] = []
        self.labels: dict[str, str] = {}
        self._text_for: str | None = None
        self._heading = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div" and self.inside:
            self.inside += 1
        if "data-ns-checklist" in a:
            self.inside = 1
            if a.get("data-all-ids") is not None:
                self.all_ids = a["data-all-ids"].split()
            return
        if not self.inside:
            return
        if tag in ("h2", "h3"):
            self._heading = True
        elif tag == "input" and a.get("type") == "checkbox":
            self.events.append(("item", a["data-item-id"]))
            assert a["id"].endswith(a["data-item-id"])
        elif tag == "label":
            self._text_for = a["for"]
            self.labels[a["for"]] = ""
        elif tag == "a":
            self.events.append(("link", a["href"]))

    def handle_endtag(self, tag):
        if tag == "div" and self.inside:
            self.inside -= 1  # nesting depth; 0 once the fragment's own div closes
        if tag == "label":
            self._text_for = None
        if tag in ("h2", "h3"):
            self._heading = False

    def handle_data(self, data):
        if self._text_for:
            self.labels[self._text_for] += data
        if self._heading and self.inside:
            self.events.append(("heading", data.strip()))

    @property
    def ids(self) -> list[str]:
        return [value for kind, value in self.events if kind == "item"]


def widget(html: str) -> Widget:
    parser = Widget()
    parser.feed(html)
    return parser


# --- Data ------------------------------------------------------------------


def test_json_matches_the_front_matter_exactly(site):
    raw = (site / "api/checklist.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert list(data) == ["version", "items", "paths"]
    assert data["version"] == 1
    assert data["items"] == front_matter_items()
    assert data["paths"] == front_matter_paths()
    assert all(list(item) == ["id", "text", "when", "stages", "step"] for item in data["items"])
    assert all(list(item["step"]) == ["title", "url"] for item in data["items"])
    # Fixed formatting: the file is exactly what a re-dump gives.
    assert raw == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_every_step_url_in_the_json_is_a_built_page(site):
    data = json.loads((site / "api/checklist.json").read_text(encoding="utf-8"))
    urls = [item["step"]["url"] for item in data["items"]]
    urls += [url for path in data["paths"].values() for url in (path["url"], path["checklist"], *(s["url"] for s in path["steps"]))]
    for url in urls:
        assert (site / url.removeprefix(SITE_URL) / "index.html").is_file(), url


# --- Pages -----------------------------------------------------------------


def test_checklist_is_in_the_nav_and_the_stage_lists_are_not(site):
    home = read(site, "")
    assert re.search(r'<a href="checklist/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Checklist', home)
    for stage in STAGES:
        assert f'href="checklist/{stage}/"' not in home


def test_full_checklist_has_every_item_grouped_by_when(site):
    found = widget(read(site, "checklist/"))
    everything = CONTENT.checklist()
    assert found.ids == [i.id for g in checklist.groups(everything) for i in g.items]
    assert sorted(found.ids) == sorted(i.id for i in everything)
    assert [v for k, v in found.events if k == "heading"] == ["Today", "This week", "Ongoing"]
    # Each item sits under the heading for its own 'when'.
    heading = None
    by_id = {i.id: i for i in everything}
    for kind, value in found.events:
        if kind == "heading":
            heading = value
        elif kind == "item":
            assert heading == say(f"when.{by_id[value].when}"), value
    assert found.all_ids == [i.id for i in CONTENT.every_item()]
    # A list for readers who chose no stage: every step's own items, no stage's extras.
    assert everything == [i for s in CONTENT.steps for i in CONTENT.step_items(s)]


def test_each_item_links_to_its_step_page(site):
    found = widget(read(site, "checklist/"))
    pairs = list(zip(found.ids, [v for k, v in found.events if k == "link"], strict=True))
    by_id = {i.id: i for i in CONTENT.checklist()}
    assert len(pairs) == len(by_id)
    for item_id, href in pairs:
        assert href == f"../{by_id[item_id].step.url}"
        assert (site / "checklist" / href / "index.html").resolve().is_file()


def test_item_labels_are_the_front_matter_text(site):
    found = widget(read(site, "checklist/"))
    for item in CONTENT.checklist():
        assert found.labels[f"ns-check-{item.id}"].strip() == item.text


@pytest.mark.parametrize("stage", STAGES)
def test_stage_checklist_matches_its_path(site, stage):
    found = widget(read(site, f"checklist/{stage}"))
    expected = stage_items(stage)
    assert sorted(found.ids) == sorted(expected)
    # Grouped by when, and in path order inside each group.
    by_id = {i.id: i for i in CONTENT.checklist(stage)}
    assert found.ids == [i for when in ("today", "this-week", "ongoing") for i in expected if by_id[i].when == when]
    assert found.all_ids == [i.id for i in CONTENT.every_item()]
    # Each item opens its step as read on this stage's path.
    pairs = dict(zip(found.ids, [v for k, v in found.events if k == "link"], strict=True))
    for item_id, href in pairs.items():
        assert href == f"../../stages/{stage}/{by_id[item_id].step.slug}/", href
        assert (site / "checklist" / stage / href / "index.html").resolve().is_file()


@pytest.mark.parametrize("stage", STAGES)
def test_stage_pdfs_match_the_path(stage):
    html = checklist.print_html(CONTENT, stage, checklist.PAPERS[0], brand=Brand(), site_url=SITE_URL, site_name="Next steps")
    printed = [unescape(t) for t in re.findall(r'<span class="text">(.*?)</span>', html)]
    texts = {i.id: i.text for i in CONTENT.every_item()}
    assert sorted(printed) == sorted(texts[i] for i in stage_items(stage))


def test_stage_lists_differ_where_the_paths_do():
    application = {i.id for i in CONTENT.checklist("application")}
    interview = {i.id for i in CONTENT.checklist("interview")}
    assert "thank-you-send-note" in interview - application, "a thank-you note is for people who met the employer"
    assert "learn-check-cv-against-advert" in application - interview, "an item added for the application stage only"


@pytest.mark.parametrize("stage", STAGES)
def test_stage_page_links_to_its_checklist(site, stage):
    assert 'href="../../checklist/' + stage + '/"' in read(site, f"stages/{stage}")


def test_full_checklist_links_to_each_stage_checklist(site):
    html = read(site, "checklist/")
    for stage in STAGES:
        assert f'href="{stage}/"' in html


def test_each_step_page_shows_its_own_items_only(site):
    for step in CONTENT.steps:
        found = widget(read(site, step.url))
        own = CONTENT.step_items(step)
        assert found.ids == [i.id for g in checklist.groups(own) for i in g.items], step.path
        assert sorted(found.ids) == sorted(i.id for i in step.meta.checklist)
        assert not [k for k, _ in found.events if k == "link"], "a step page does not link each item to itself"


@pytest.mark.parametrize("stage", STAGES)
def test_a_step_on_a_path_adds_that_stages_items(site, stage):
    for step in CONTENT.steps_for(stage):
        found = widget(read(site, f"stages/{stage}/{step.slug}"))
        wording = step.meta.for_stage.get(stage)
        expected = [i.id for i in step.meta.checklist] + ([i.id for i in wording.checklist] if wording else [])
        assert sorted(found.ids) == sorted(expected), (stage, step.slug)


def test_download_links_show_the_real_size(site):
    for stage in (None, *STAGES):
        url = "checklist/" if stage is None else f"checklist/{stage}/"
        html = read(site, url)
        for paper in checklist.PAPERS:
            target = checklist.pdf_path(stage, paper)
            size = (site / target).stat().st_size
            kb = max(1, round(size / 1024))
            href = ("../" if stage is None else "../../") + target
            assert f'<a href="{href}">Download a printable checklist (PDF, {paper.label}, {kb} KB)</a>' in html, (url, paper.key)


def test_every_page_with_a_checklist_loads_its_script(site):
    """No inline code anywhere is checked site-wide (test_csp.py)."""
    for url in CHECKLIST_PAGES + [s.url for s in CONTENT.steps if s.meta.checklist] + [f"stages/{st}/{s.slug}/" for st in STAGES for s in CONTENT.steps_for(st) if CONTENT.step_items(s, st)]:
        html = read(site, url)
        assert '<div class="ns-checklist"' in html, url
        assert re.search(r'<script src="[./]*assets/javascripts/checklist\.js" defer></script>', html), url


def test_the_script_is_only_on_pages_with_a_checklist(site):
    assert "checklist.js" not in read(site, "privacy")
    assert "checklist.js" not in read(site, "")


def test_progress_and_start_again_are_hidden_where_scripts_do_not_run(site):
    # Shown from the first paint where scripts run (no layout shift), hidden by the stylesheet elsewhere.
    html = read(site, "checklist/")
    assert re.search(r'<p class="ns-checklist__progress" data-ns-progress aria-live="polite"[^>]*>', html)
    assert re.search(r'<div class="ns-checklist__actions" data-ns-actions>\s*<p><button class="ns-button ns-button--secondary" type="button" data-ns-reset>Start again</button>', html)
    # That they are hidden where scripts do not run is checked in a browser (test_checklist_browser.py).


# --- The fragment other pages embed -------------------------------------------


def test_widget_for_another_site_opens_steps_in_a_new_tab():
    html = checklist.widget_html(CONTENT, "interview", step_href=lambda step: SITE_URL + step.url, new_tab=True)
    found = widget(html)
    assert "<html" not in html and "<body" not in html and "md-" not in html
    assert found.ids == [i.id for g in checklist.groups(CONTENT.checklist("interview")) for i in g.items]
    assert found.all_ids == [i.id for i in CONTENT.every_item()]
    links = re.findall(r'<a class="ns-checklist__step" href="([^"]+)" target="_blank" rel="noopener">Step: [^<]+ <span class="ns-checklist__hint" data-ns-new-tab>\(opens in a new tab\)</span></a>', html)
    assert len(links) == len(found.ids) and all(link.startswith(SITE_URL) for link in links)


def test_widget_escapes_item_text(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    step = docs / "steps/ask-for-feedback.md"
    step.write_text(step.read_text(encoding="utf-8").replace("Save any reply so you can use it later.", "Save any <b>reply</b> & notes."), encoding="utf-8")
    html = checklist.widget_html(load_content(docs), step_href=lambda step: step.url)
    assert "Save any &lt;b&gt;reply&lt;/b&gt; &amp; notes." in html and "<b>" not in html


# --- Errors ----------------------------------------------------------------


def test_duplicate_item_id_names_both_files_and_the_id(docs):
    edit(docs / "steps/keep-learning.md", "id: keep-learning-find-course", "id: ask-feedback-send-email")
    message = problems_for(docs)
    assert "docs/steps/keep-learning.md: field 'checklist[1].id': 'ask-feedback-send-email' is already used in steps/ask-for-feedback.md" in message


def test_empty_item_text_names_the_file_and_item(docs):
    edit(docs / "steps/ask-for-feedback.md", "text: Save any reply so you can use it later.", 'text: ""')
    message = problems_for(docs)
    assert "docs/steps/ask-for-feedback.md: field 'checklist[2].text': checklist item 'ask-feedback-save-reply': must not be empty" in message


def test_unknown_item_when_names_the_item_and_the_allowed_values(docs):
    edit(docs / "steps/ask-for-feedback.md", "    when: this-week\n", "    when: next-month\n")
    message = problems_for(docs)
    assert "docs/steps/ask-for-feedback.md: field 'checklist[1].when': checklist item 'ask-feedback-send-email':" in message
    assert "'today', 'this-week' or 'ongoing'" in message and "'next-month'" in message


def test_unknown_stage_names_the_file_and_the_allowed_values(docs):
    edit(docs / "steps/learn-from-it.md", "  final:\n", "  phone-call:\n")
    message = problems_for(docs)
    assert "docs/steps/learn-from-it.md: field 'for_stage.phone-call': no journey has the slug 'phone-call'. Journeys: " + ", ".join(STAGES) in message


def test_a_bad_item_stops_the_real_build_before_any_output(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project / "docs/steps/learn-from-it.md", "text: Choose one thing to do differently next time.", "text: '   '")
    result = build(tmp_path / "out", project)
    assert result.returncode != 0
    assert "docs/steps/learn-from-it.md: field 'checklist[2].text': checklist item 'learn-pick-one-change': must not be empty" in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_missing_site_url_is_a_clear_error():
    with pytest.raises(ContentError, match=r"mkdocs\.yml: field 'site_url': set the full address"):
        checklist.check_site_url(None, "mkdocs.yml")
    checklist.check_site_url(SITE_URL, "mkdocs.yml")


# --- Speed -----------------------------------------------------------------


def test_importing_the_checklist_does_not_load_weasyprint():
    code = "import sys, nextsteps.checklist, nextsteps.pdf; print('weasyprint' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert proc.stdout.strip() == "False"


def test_a_text_edit_elsewhere_does_no_pdf_work(tmp_path):
    def outputs(docs: Path):
        generated = checklist.generated_files(load_content(docs), brand=Brand(), site_url=SITE_URL, site_name="Next steps")
        jobs = [(g.path, g.content) for g in generated if isinstance(g.content, RenderJob)]
        assert len(jobs) == 2 * (1 + len(STAGES))
        with_bytes = render_pool.render_all(jobs)
        return [with_bytes.get(g.path, g.content) for g in generated]

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    first = outputs(docs)
    rendered = pdf.renders_so_far()

    edit(docs / "steps/ask-for-feedback.md", "Feedback can help", "Feedback often helps")
    again = outputs(docs)
    assert pdf.renders_so_far() == rendered, "a body edit must not render any PDF"
    assert again == first

    # Rewording an item does change the PDFs that list it, and only those.
    edit(docs / "steps/send-a-thank-you-note.md", "In the same reply, ask them", "In that same reply, ask them")
    outputs(docs)
    changed = 2 * (1 + len(["interview", "final"]))  # whole guide + the step's two stages, in both sizes
    assert pdf.renders_so_far() == rendered + changed
