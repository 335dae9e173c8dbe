"""A fresh machine and a fresh checkout: what is missing is named in one line,
before the old site is touched, and the README's commands are the ones CI runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from support import ROOT, SITECUSTOM, TEST_ENV, build, copy_project, old_site

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_without_pango_the_build_stops_before_cleaning_with_one_line(tmp_path, site):
    project = copy_project(tmp_path / "project")
    site = old_site(site, tmp_path / "out")
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}

    hidden = {"PYTHONPATH": str(SITECUSTOM / "no_pango"), "NEXTSTEPS_NO_CACHE": "1"}
    # The machine really looks as if Pango were missing: WeasyPrint cannot start.
    probe = subprocess.run([sys.executable, "-c", "import weasyprint"], env={**TEST_ENV, **hidden, "PATH": "/usr/bin:/bin"}, capture_output=True, text=True)
    assert probe.returncode != 0 and "pango" in probe.stderr.lower()

    result = build(site, project, env=hidden)
    assert result.returncode != 0
    assert "Cleaning site directory" not in result.output and "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if "pango" in line.lower()]
    assert len(lines) == 1, result.output
    assert "Pango" in lines[0] and "apt-get install -y libpango-1.0-0 libpangoft2-1.0-0" in lines[0]
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_the_example_address_fails_a_strict_build_before_cleaning(tmp_path, site):
    project = copy_project(tmp_path / "project")
    site = old_site(site, tmp_path / "out")
    before = (site / "index.html").read_bytes()

    result = build(site, project, env={"NEXTSTEPS_LOCAL": ""})
    assert result.returncode != 0
    assert "mkdocs.yml: field 'site_url': 'https://nextsteps.example.org/' is an example address" in result.output
    assert "NEXTSTEPS_LOCAL=1" in result.output
    assert "Cleaning site directory" not in result.output
    assert (site / "index.html").read_bytes() == before


def _publishing_build(project, tmp_path) -> subprocess.CompletedProcess:
    """A plain `mkdocs build` (not strict), as for publishing: no local switch."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "out")],
        cwd=project,
        env={**TEST_ENV, "NEXTSTEPS_LOCAL": "", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_example_address_is_a_warning_without_strict(tmp_path):
    project = copy_project(tmp_path / "project")
    proc = _publishing_build(project, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" in proc.stderr and "is an example address" in proc.stderr
    assert (tmp_path / "out/index.html").is_file()


def test_a_real_address_builds_strictly_without_the_local_switch(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("https://nextsteps.example.org/", "https://guide.nextsteps.test/"), encoding="utf-8")
    result = build(tmp_path / "out", project, env={"NEXTSTEPS_LOCAL": ""})
    assert result.returncode == 0, result.output
    assert "example address" not in result.output


def _code_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", text, re.S)


def test_ci_runs_the_readmes_setup_and_test_commands_word_for_word():
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = _code_blocks(quick_start)
    assert len(blocks) == 2, "the quick start has two commands: run the site, run the tests"
    setup_and_test = [line.strip() for line in blocks[1].strip().splitlines()]
    ci = [line.strip() for line in (ROOT / ".ci/run").read_text(encoding="utf-8").splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for command in setup_and_test:
        assert command in ci, command
    # The system packages come from one script, which both name.
    script = "scripts/install-system-packages.sh"
    assert script in blocks[0] and script in blocks[1]
    assert (ROOT / script).is_file()


def test_the_install_script_names_every_system_package_the_project_needs():
    script = (ROOT / "scripts/install-system-packages.sh").read_text(encoding="utf-8")
    for package in ("python3-venv", "libpango-1.0-0", "libpangoft2-1.0-0", "fonts-dejavu-core", "chromium", "default-jre-headless", "nginx-light", "npm"):
        assert re.search(rf"(?<![\w.-]){re.escape(package)}(?![\w.-])", script), package


def test_there_is_a_licence_matching_the_package_metadata():
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "Next Steps contributors" in licence
    assert 'license = { text = "MIT" }' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


# scripts/install-system-packages.sh on a fresh machine -------------------------
#
# The real script runs with stand-ins for the system's package tools on its
# PATH: they answer from the test's lists and record what would be run, so the
# test needs neither root nor the network.

STUBS = {
    # Installed packages: the names in $STUB_INSTALLED.
    "dpkg-query": 'for n in $STUB_INSTALLED; do [ "$n" = "${@: -1}" ] && { printf "install ok installed"; exit 0; }; done; exit 1',
    # A package has a candidate only once the lists are fetched, as on a fresh
    # image. Like the real tool, more follows the candidate line: a long
    # version table, so a reader that stops at the match cuts the writer off.
    "apt-cache": 'if [ -e "$STUB_LOG.updated" ]; then for n in $STUB_AVAILABLE; do [ "$n" = "$2" ] && { echo "  Candidate: 1.0"; printf "     1.0 500\\n        500 http://deb.example/debian stable/main amd64 Packages\\n%.0s" {1..4000}; exit 0; }; done; fi; echo "  Candidate: (none)"',
    # A package named in $STUB_BROKEN fails to install, as one from a mirror out of reach does.
    "apt-get": 'echo "apt-get $* [DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-}]" >>"$STUB_LOG"; [ "$1" = update ] && : >"$STUB_LOG.updated"; for n in $STUB_BROKEN; do [[ " $* " == *" $n "* ]] && exit 100; done; exit 0',
    "id": 'echo "$STUB_UID"',
    # Like the real sudo, it runs the command with a cleared environment.
    "sudo": 'echo "sudo $*" >>"$STUB_LOG"; exec env -i PATH="$PATH" STUB_LOG="$STUB_LOG" "$@"',
    # Node.js and npm installed without apt (from nodejs.org or NodeSource).
    "npm": 'echo 10.0.0',
}
BUILD_PACKAGES = "python3-venv libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"
# An Ubuntu-like release: 'chromium-browser' and 'nginx', not 'chromium' and 'nginx-light'.
UBUNTU_LIKE = BUILD_PACKAGES + " chromium-browser default-jre-headless nginx npm"


def run_install_script(tmp_path, *args, tools=("dpkg-query", "apt-cache", "apt-get", "id", "sudo"), installed="", available=UBUNTU_LIKE, uid=0, broken=""):
    import shutil

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for tool in ("grep", "env"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    for tool in tools:
        (bin_dir / tool).write_text("#!/bin/bash\n" + STUBS[tool] + "\n", encoding="utf-8")
        (bin_dir / tool).chmod(0o755)
    log = tmp_path / "commands.log"
    env = {"PATH": str(bin_dir), "STUB_LOG": str(log), "STUB_INSTALLED": installed, "STUB_AVAILABLE": available, "STUB_UID": str(uid), "STUB_BROKEN": broken}
    proc = subprocess.run(["/bin/bash", str(ROOT / "scripts/install-system-packages.sh"), *args], env=env, capture_output=True, text=True, timeout=60)
    ran = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return proc, ran


def test_install_script_as_root_on_a_fresh_machine_updates_then_picks_the_releases_names(tmp_path):
    proc, ran = run_install_script(tmp_path, "--test")
    assert proc.returncode == 0, proc.stderr
    assert ran == [
        "apt-get update -q [DEBIAN_FRONTEND=]",
        f"apt-get install -y -q --no-install-recommends {BUILD_PACKAGES} chromium-browser default-jre-headless nginx npm [DEBIAN_FRONTEND=noninteractive]",
    ]


def test_install_script_for_tests_adds_the_headless_shell_where_the_release_has_it(tmp_path):
    """Debian offers Chromium's headless shell, which runs the browser tests on less CPU."""
    debian_like = BUILD_PACKAGES + " chromium chromium-headless-shell default-jre-headless nginx-light npm"
    proc, ran = run_install_script(tmp_path, "--test", available=debian_like)
    assert proc.returncode == 0, proc.stderr
    assert ran[-2:] == [
        f"apt-get install -y -q --no-install-recommends {BUILD_PACKAGES} chromium default-jre-headless nginx-light npm [DEBIAN_FRONTEND=noninteractive]",
        "apt-get install -y -q --no-install-recommends chromium-headless-shell [DEBIAN_FRONTEND=noninteractive]",
    ]
    # Out of reach, it stops nothing: the tests use Chromium itself.
    unreachable = tmp_path / "unreachable"
    unreachable.mkdir()
    proc, ran = run_install_script(unreachable, "--test", available=debian_like, broken="chromium-headless-shell")
    assert proc.returncode == 0, proc.stderr
    assert "Could not install chromium-headless-shell; the tests use Chromium itself instead." in proc.stderr
    plain_build = tmp_path / "build-only"
    plain_build.mkdir()
    proc, ran = run_install_script(plain_build, available=debian_like)
    assert proc.returncode == 0 and "chromium-headless-shell" not in " ".join(ran), "only the tests need a browser"


def test_install_script_uses_sudo_for_a_user_and_keeps_it_non_interactive(tmp_path):
    proc, ran = run_install_script(tmp_path, installed="python3-venv fonts-dejavu-core", uid=1000)
    assert proc.returncode == 0, proc.stderr
    assert ran == [
        "sudo apt-get update -q",
        "apt-get update -q [DEBIAN_FRONTEND=]",
        "sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0",
        "apt-get install -y -q --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 [DEBIAN_FRONTEND=noninteractive]",
    ]


def test_install_script_without_sudo_says_to_run_it_as_root(tmp_path):
    proc, ran = run_install_script(tmp_path, tools=("dpkg-query", "apt-cache", "apt-get", "id"), uid=1000)
    assert proc.returncode == 1 and ran == []
    assert "Missing: " + BUILD_PACKAGES in proc.stderr
    assert "needs root, and sudo is not installed" in proc.stderr and "as root" in proc.stderr


def test_install_script_without_apt_names_what_to_install(tmp_path):
    proc, ran = run_install_script(tmp_path, "--test", tools=("id",))
    assert proc.returncode == 1 and ran == []
    assert proc.stderr.strip() == (
        "This script is for Debian or Ubuntu (it needs apt-get). Elsewhere, install: "
        f"{BUILD_PACKAGES} chromium or chromium-browser default-jre-headless nginx-light or nginx npm"
    )


def test_install_script_with_everything_there_installs_nothing(tmp_path):
    proc, ran = run_install_script(tmp_path, "--test", installed=BUILD_PACKAGES + " chromium default-jre-headless nginx-light npm", uid=1000)
    assert proc.returncode == 0 and ran == []
    assert proc.stdout.strip() == "System packages: all there."


def test_install_script_for_tests_adds_npm_for_eslint_unless_npm_is_already_there(tmp_path):
    proc, ran = run_install_script(tmp_path, "--test", installed=BUILD_PACKAGES + " chromium default-jre-headless nginx-light")
    assert proc.returncode == 0, proc.stderr
    assert ran[-1] == "apt-get install -y -q --no-install-recommends npm [DEBIAN_FRONTEND=noninteractive]"
    other_way = tmp_path / "other"
    other_way.mkdir()
    tools = ("dpkg-query", "apt-cache", "apt-get", "id", "sudo", "npm")
    proc, ran = run_install_script(other_way, "--test", tools=tools, installed=BUILD_PACKAGES + " chromium default-jre-headless nginx-light")
    assert proc.returncode == 0 and ran == [], proc.stderr
    assert proc.stdout.strip() == "System packages: all there."


def test_install_script_names_a_package_the_sources_lack(tmp_path):
    proc, ran = run_install_script(tmp_path, "--test", installed=BUILD_PACKAGES, available="default-jre-headless nginx npm")
    assert proc.returncode == 1
    assert ran == ["apt-get update -q [DEBIAN_FRONTEND=]"], "nothing is installed when one package cannot be"
    assert "package sources have no chromium or chromium-browser" in proc.stderr


# A missing site_url ------------------------------------------------------------

def _without_site_url(project):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nsite_url: https://nextsteps.example.org/\n" in text
    config.write_text(text.replace("\nsite_url: https://nextsteps.example.org/\n", "\n"), encoding="utf-8")


def test_no_site_url_fails_a_strict_build_before_cleaning(tmp_path, site):
    project = copy_project(tmp_path / "project")
    site = old_site(site, tmp_path / "out")
    before = (site / "index.html").read_bytes()
    _without_site_url(project)

    result = build(site, project, env={"NEXTSTEPS_LOCAL": ""})
    assert result.returncode != 0
    assert "mkdocs.yml: field 'site_url': not set" in result.output and "NEXTSTEPS_LOCAL=1" in result.output
    assert "Cleaning site directory" not in result.output
    assert (site / "index.html").read_bytes() == before


def test_no_site_url_is_a_warning_without_strict_and_fine_for_a_local_build(tmp_path):
    import json

    project = copy_project(tmp_path / "project")
    _without_site_url(project)
    proc = _publishing_build(project, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" in proc.stderr and "field 'site_url': not set" in proc.stderr

    local = build(tmp_path / "local", project)
    assert local.returncode == 0, local.output
    assert "field 'site_url'" not in local.output and "WARNING" not in local.output
    feed = json.loads((tmp_path / "local/api/checklist.json").read_text(encoding="utf-8"))
    assert feed["paths"]["interview"]["url"] == "http://127.0.0.1:8000/stages/interview/"


def test_the_mkdocs_2_notice_is_explained_and_the_readmes_switch_hides_it(tmp_path):
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "end of life" in quick_start and "export NO_MKDOCS_2_WARNING=1" in quick_start
    assert "pins MkDocs 1.6" in quick_start
    # A quick build that stops at a content error still loads the theme, which prints the notice.
    project = copy_project(tmp_path / "project")
    step = project / "docs/steps/ask-for-feedback.md"
    step.write_text(step.read_text(encoding="utf-8").replace("\nwhen:", "\nwen:", 1), encoding="utf-8")

    def output(**env: str) -> str:
        base = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "out")], cwd=project, env={**base, **env}, capture_output=True, text=True, timeout=600)
        assert "field 'wen'" in proc.stderr, proc.stderr
        return proc.stdout + proc.stderr

    notice = "Material for MkDocs reaches end of life"
    assert notice in output(), "the notice the README explains is no longer printed; update the README"
    assert notice not in output(NO_MKDOCS_2_WARNING="1")
