"""deploy/: the systemd unit verifies clean and runs the bot's own commands; the environment file documents every
setting the bot reads, with defaults the bot accepts."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bot.cli import build_parser
from bot.config import Settings

ROOT = Path(__file__).resolve().parents[1]
UNIT = ROOT / "deploy" / "crimjust-bot.service"
ENV_FILE = ROOT / "deploy" / "crimjust-bot.env"
INSTALLED = "/opt/crimjust-bot"  # where the unit expects the project


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # systemd keys are case-sensitive
    parser.read_string(UNIT.read_text())
    return parser


def settings_the_bot_reads() -> set[str]:
    return set(re.findall(r'"((?:BOT|TELEGRAM)_[A-Z_]+)"', (ROOT / "bot" / "config.py").read_text()))


def template() -> dict[str, str]:
    """Every setting of the environment file, commented out or not, with its value."""
    found = re.findall(r"^#?((?:BOT|TELEGRAM)_[A-Z_]+)=(.*)$", ENV_FILE.read_text(), re.MULTILINE)
    return dict(found)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here")
def test_the_unit_verifies_clean(tmp_path):
    # As installed: the project's paths are this checkout's and its Python this one, so that verify finds them.
    text = UNIT.read_text().replace(f"{INSTALLED}/.venv/bin/python", sys.executable).replace(INSTALLED, str(ROOT))
    (tmp_path / UNIT.name).write_text(text)
    result = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / UNIT.name)], capture_output=True, text=True, timeout=60
    )
    ours = [line for line in (result.stdout + result.stderr).splitlines() if UNIT.name in line]
    assert result.returncode == 0 and ours == [], result.stdout + result.stderr


def test_the_unit_runs_the_bot_as_its_own_user_checks_first_and_restarts_on_failure():
    service = unit()["Service"]
    python = f"{INSTALLED}/.venv/bin/python"
    assert service["ExecStartPre"] == f"{python} -m bot check"
    assert service["ExecStart"] == f"{python} -m bot run"
    assert [build_parser().parse_args([c]).command for c in ("check", "run")] == ["check", "run"]
    assert service["User"] not in ("", "root") and service["Restart"] == "on-failure"
    # a setting to fix, a rejected token, a damaged database: restarting would not help
    assert service["RestartPreventExitStatus"].split() == ["2", "3", "5"]
    assert service["WorkingDirectory"] == INSTALLED
    # The database the environment file names is in the data folder systemd makes for the service.
    assert Path(template()["BOT_DB_PATH"]).parent == Path("/var/lib") / service["StateDirectory"]


def test_the_environment_file_documents_every_setting_the_bot_reads():
    documented = template()
    assert settings_the_bot_reads() == set(documented)
    text = ENV_FILE.read_text()
    for name in documented:
        above = text[: text.index(f"{name}=")].rstrip("#").splitlines()[-1]
        assert above.startswith("# ") and len(above) > 10, f"{name} has no comment saying what it is"


def test_the_readme_lists_every_setting():
    readme = (ROOT / "README.md").read_text()
    missing = [name for name in sorted(settings_the_bot_reads()) if f"| `{name}` |" not in readme]
    assert missing == []


def test_the_defaults_in_the_environment_file_are_the_bot_s_own():
    required = {"TELEGRAM_BOT_TOKEN": "123:abc", "BOT_ADMIN_IDS": "4242"}
    values = template() | required
    shown = Settings.from_env(values)  # every commented-out default taken as set
    default = Settings.from_env(required | {"BOT_DB_PATH": values["BOT_DB_PATH"]})
    assert shown.backups == default.backups
    assert replace(shown, backup_dir=None) == default
