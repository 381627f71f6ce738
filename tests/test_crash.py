"""Nothing acknowledged is lost: kill -9 during writes, many times, then check the database."""

from __future__ import annotations

from tests.crashes import kill_writer_repeatedly


def test_kill_9_during_admin_writes_never_corrupts_or_loses_an_acknowledged_change(tmp_path):
    report = kill_writer_repeatedly(tmp_path / "db.json", trials=15)
    assert report.acknowledged > 15
    assert (report.corrupt_files, report.lost, report.audit_gaps) == (0, 0, 0), str(report)
