"""A real client: the release notebook in JupyterLab, driven in headless Chromium by Playwright.

A student opens the notebook, writes `sigmoid`, runs its visible test and sees it pass; the next
function, still a stub, fails its visible test with the stub's NotImplementedError.
Needs Debian's `chromium` (`.ci/run` installs it); elsewhere the test is skipped, unless
REQUIRE_BROWSER=1 (set by `.ci/run`) turns a missing browser into a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright import sync_api

from conftest import REPO

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise RuntimeError("REQUIRE_BROWSER=1 but no chromium on PATH: apt-get install chromium")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

SIGMOID = '''def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.exp(-np.logaddexp(0.0, -z))'''
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOKEN = "browser-test-token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def jupyterlab(tmp_path: Path):
    """A JupyterLab server on loopback serving a copy of the release notebook; yields its URL."""
    shutil.copy(REPO / "release" / "forward_pass" / "forward_pass.ipynb", tmp_path)
    port = free_port()
    command = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", "--allow-root",
               f"--port={port}", "--ip=127.0.0.1", f"--IdentityProvider.token={TOKEN}",
               f"--ServerApp.root_dir={tmp_path}",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    settings = tmp_path / ".lab-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / ".jupyter"),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / ".runtime"),
           "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / ".lab-settings")}
    log = open(tmp_path / "jupyterlab.log", "w")
    server = subprocess.Popen(command, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("JupyterLab did not start:\n" + (tmp_path / "jupyterlab.log").read_text())
                time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def cell_containing(page, text: str):
    """The notebook cell whose editor holds `text` (the first one)."""
    return page.locator(".jp-Notebook .jp-Cell").filter(
        has=page.locator(".jp-InputArea-editor", has_text=text)).first


def run_cell(page, cell) -> None:
    cell.locator(".jp-InputArea-prompt").click()  # select the cell (command mode)
    page.keyboard.press("Shift+Enter")


def test_student_fills_sigmoid_and_its_visible_test_passes(jupyterlab: str, tmp_path: Path):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.goto(f"{jupyterlab}/lab/tree/forward_pass.ipynb?token={TOKEN}")
            page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
            # the kernel is ready when the toolbar's kernel status says idle
            page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=60_000)

            setup = cell_containing(page, "import numpy as np")
            stub = cell_containing(page, "def sigmoid(z):")
            sigmoid_test = cell_containing(page, "out = sigmoid(2.0)")
            relu_stub = cell_containing(page, "def relu(z):")
            relu_test = cell_containing(page, "out = relu(-2.5)")

            # write the answer as a student would: into the solution cell's editor
            stub.locator(".cm-content").click()
            page.keyboard.press("Control+a")
            page.keyboard.press("Delete")
            page.keyboard.insert_text(SIGMOID)
            page.keyboard.press("Escape")

            for cell in (setup, stub, sigmoid_test, relu_stub, relu_test):
                run_cell(page, cell)
                page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=30_000)

            passed = sigmoid_test.locator(".jp-OutputArea-output")
            passed.first.wait_for(timeout=30_000)
            assert "공개 테스트 통과" in passed.inner_text(), passed.inner_text()
            assert sigmoid_test.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
            failed = relu_test.locator(".jp-OutputArea-output")
            failed.first.wait_for(timeout=30_000)
            assert "NotImplementedError" in failed.inner_text(), failed.inner_text()
            sigmoid_test.scroll_into_view_if_needed()
            page.screenshot(path=str(os.environ.get("BROWSER_SCREENSHOT", tmp_path / "jupyterlab.png")))
        finally:
            browser.close()
