"""Grading on a Dask distributed cluster (a local one the test starts) gives exactly the scores
of a serial run on this machine."""

from __future__ import annotations

import shutil

import pytest
from conftest import REPO, run_autograder

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as local:
        yield local.scheduler_address


def test_a_cluster_grades_like_this_machine(cluster, tmp_path):
    """The samples, and notebooks found where they should not be (one folder too high, in a
    misspelled folder): the workers get every file the grader would look at."""
    shutil.copytree(REPO / "examples" / "submitted", tmp_path / "submitted")
    notebook = REPO / "examples" / "submitted" / "kim_correct" / "forward_pass" / "forward_pass.ipynb"
    for folder in ("flat", "misnamed/forwardpass"):
        (tmp_path / "submitted" / folder).mkdir(parents=True)
        shutil.copy(notebook, tmp_path / "submitted" / folder)
    subs = str(tmp_path / "submitted")
    run_autograder("grade", "forward_pass", "--submissions", subs, "--csv",
                   str(tmp_path / "serial.csv"), "--jobs", "1", "--quiet")
    remote = run_autograder("grade", "forward_pass", "--submissions", subs, "--csv",
                            str(tmp_path / "cluster.csv"), "--scheduler", cluster, "--quiet")
    assert (tmp_path / "cluster.csv").read_text() == (tmp_path / "serial.csv").read_text()
    assert "\nflat,2,2" in (tmp_path / "cluster.csv").read_text()  # graded, not 0 for "no files"
    assert "\nmisnamed,2,2" in (tmp_path / "cluster.csv").read_text()
    assert "landlock" in remote.stdout  # the workers confined student code the same way


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path):
    result = run_autograder("grade", "forward_pass", "--submissions",
                            str(REPO / "examples" / "submitted"), "--csv", str(tmp_path / "g.csv"),
                            "--scheduler", "tcp://127.0.0.1:9", "--quiet", check=False)
    assert result.returncode == 2 and "cannot grade on the Dask scheduler" in result.stderr
