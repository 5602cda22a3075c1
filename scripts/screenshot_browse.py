"""Take the root README's screenshot of a served release (docs/browse.png): the task list searched for 医共体.

Starts `python -m pipeline serve RELEASE` on 127.0.0.1, opens the page in Debian's chromium (headless,
through Playwright, never a downloaded browser) with the Noto Sans SC font that the pipeline already ships
for its figure (pylopdf-fonts-zh-cn) made visible to chromium through a fontconfig file, so Chinese is
drawn without installing system fonts; stops the server. Run from the project root, on a built package or
a release that has the SQLite copy:

    .venv/bin/python scripts/screenshot_browse.py build/package docs/browse.png
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote
from urllib.request import urlopen

import pylopdf_fonts_zh_cn
from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FONTS = Path(pylopdf_fonts_zh_cn.__file__).parent


def main(release: Path, output: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", str(release), "--port", str(port)])
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urlopen(base, timeout=2).close()
                break
            except OSError:
                time.sleep(0.3)
        with tempfile.TemporaryDirectory() as folder:
            config = Path(folder) / "fonts.conf"
            config.write_text(
                '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                f"<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include><dir>{FONTS}</dir>"
                f"<cachedir>{folder}/cache</cachedir></fontconfig>",
                encoding="utf-8",
            )
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium",
                    args=CHROMIUM_ARGS,
                    env={**os.environ, "FONTCONFIG_FILE": str(config)},
                )
                page = browser.new_page(viewport={"width": 1100, "height": 1250})
                database = release.joinpath("x").resolve().parent
                name = next(database.glob("*.sqlite")).stem if database.is_dir() else release.stem
                page.goto(f"{base}/{name}/task_list?_search={quote('医共体')}")
                page.screenshot(path=str(output))
                browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
