"""`timeline serve` end to end: a real process, real HTTP, real edits, SIGINT to stop.

The waits below poll the server's state until a rebuild is seen, under a
deadline that only guards against a hang; nothing asserts how fast it is.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from timeline.serve import BuildState, error_page, with_live_script

ROOT = Path(__file__).resolve().parent.parent
DEADLINE = 90  # seconds; a guard against hanging, not a speed target


class Served:
    """A `timeline serve` process in a new project folder, and what it printed."""

    def __init__(self, tmp_path: Path, *args: str) -> None:
        self.project = tmp_path / "project"
        subprocess.run([sys.executable, "-m", "timeline", "new", str(self.project)],
                       check=True, capture_output=True)
        self.private = tmp_path / "tmp"
        self.private.mkdir()
        env = {**os.environ, "TMPDIR": str(self.private),
               "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen([sys.executable, "-m", "timeline", "serve", *args],
                                     cwd=self.project, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self.url = ""
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end and not self.url:
            line = self.proc.stdout.readline()
            if not line:
                break
            self.lines.append(line)
            if m := re.match(r"Serving (http://\S+/)", line):
                self.url = m[1]
        assert self.url, (self.lines, self.proc.stderr.read() if self.proc.poll() else "")

    def get(self, path: str = "") -> tuple[int, dict[str, str], str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as r:
                return r.status, dict(r.headers), r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read().decode("utf-8")

    def state(self) -> dict:
        return json.loads(self.get("__timeline__/state")[2])

    def wait_for_build_after(self, generation: int) -> dict:
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            state = self.state()
            if state["generation"] > generation:
                return state
            time.sleep(0.1)
        raise AssertionError(f"no rebuild after build {generation}")

    def edit(self, old: str, new: str) -> None:
        """Change the events file in one step, as editors save: a new file renamed over it.

        (Written in place, the server could see the file truncated and build
        that first, on a slow machine.)
        """
        events = self.project / "events.yaml"
        text = events.read_text(encoding="utf-8")
        assert old in text
        fresh = self.project / ".events.yaml.new"
        fresh.write_text(text.replace(old, new), encoding="utf-8")
        os.replace(fresh, events)

    def stop(self) -> tuple[int, str, str]:
        self.proc.send_signal(signal.SIGINT)
        out, err = self.proc.communicate(timeout=DEADLINE)
        return self.proc.returncode, "".join(self.lines) + out, err

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()


@pytest.fixture
def served(tmp_path):
    s = Served(tmp_path, "--port", "0")
    yield s
    s.kill()


def test_serve_builds_edits_breaks_recovers_and_stops(served):
    status, headers, page = served.get()
    assert status == 200
    assert "<h1>The early space age: a timeline</h1>" in page
    # The live script is added as the page is served, under the site's own policy.
    assert '<script src="/__timeline__/live-reload.js" data-state="/__timeline__/state" ' \
           'data-generation="1"></script>\n</head>' in page
    assert headers["Content-Security-Policy"].startswith("default-src 'none'; script-src 'self';")
    status, headers, script = served.get("__timeline__/live-reload.js")
    assert status == 200 and "location.reload()" in script
    assert served.get("assets/timeline.js")[0] == 200
    # The files on disk are the build's: no live script in them.
    build = list(served.private.glob("timeline-serve-*/site/index.html"))
    assert len(build) == 1 and "__timeline__" not in build[0].read_text(encoding="utf-8")

    served.edit("The early space age: a timeline", "The first space age: a timeline")
    state = served.wait_for_build_after(1)
    assert state["problems"] == []
    assert "<h1>The first space age: a timeline</h1>" in served.get()[2]

    served.edit("date: 4 October 1957", "date: 31 February 1957")
    state = served.wait_for_build_after(state["generation"])
    message = ("events.yaml:44:11: date '31 February 1957' does not exist: February 1957 has "
               "no day 31")
    assert state["problems"] == [message]
    status, _, page = served.get("fr/index.html")
    assert status == 500
    assert "<li><code>events.yaml:44:11: date &#x27;31 February 1957&#x27; does not exist" in page
    # The error page reloads itself too.
    assert f'data-generation="{state["generation"]}"' in page

    served.edit("date: 31 February 1957", "date: 4 October 1957")
    assert served.wait_for_build_after(state["generation"])["problems"] == []
    status, _, page = served.get("fr/index.html")
    assert status == 200 and "Les débuts de l’ère spatiale" in page

    code, out, err = served.stop()
    assert code == 0, err
    assert out.rstrip().endswith("Stopped.")
    assert "Traceback" not in err
    assert f"Error: {message}" in err
    assert list(served.private.iterdir()) == []  # the private folder is gone
    assert not (served.project / "build").exists()  # never build/


def test_serve_refuses_a_port_in_use_in_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "timeline", "serve", "--port", str(port)],
                                cwd=tmp_path, capture_output=True, text=True, timeout=DEADLINE)
    assert result.returncode == 2
    assert result.stderr == (f"Error: 127.0.0.1:{port} is already in use; choose another "
                             "--port (0 picks a free one)\n")


@pytest.mark.parametrize("args, message", [
    (["--host", "example.org"],
     "Error: --host example.org: not an IP address; give one of this machine's, such as "
     "127.0.0.1\n"),
    (["--port", "70000"], "Error: --port 70000: a port is a number from 0 to 65535\n"),
    (["--host", "192.0.2.1", "--port", "0"],
     "Error: cannot serve on 192.0.2.1:0: Cannot assign requested address\n"),
])
def test_serve_refuses_a_bad_address_in_one_line(tmp_path, args, message):
    result = subprocess.run([sys.executable, "-m", "timeline", "serve", *args], cwd=tmp_path,
                            capture_output=True, text=True, timeout=DEADLINE)
    assert (result.returncode, result.stderr, result.stdout) == (2, message, "")


def test_live_script_goes_at_the_end_of_the_head():
    page = b"<html><head><title>x</title></head><body></body></html>"
    assert with_live_script(page, 7) == (
        b'<html><head><title>x</title><script src="/__timeline__/live-reload.js" '
        b'data-state="/__timeline__/state" data-generation="7"></script>\n</head><body></body>'
        b"</html>")


def test_error_page_escapes_the_problems():
    page = error_page(BuildState(2, ("a.yaml:1:1: <script>bad</script>",))).decode()
    assert "&lt;script&gt;bad&lt;/script&gt;" in page and "<script>bad" not in page
    assert "<script" not in page  # the live script is added by the server, external


@pytest.mark.browser
def test_open_page_reloads_itself_through_an_error_and_back(tmp_path, browser):
    from tests.browser import OfflinePage

    served = Served(tmp_path, "--port", "0")
    page = OfflinePage(browser, allowed_origin=served.url.rstrip("/"))
    try:
        page.page.goto(served.url + "index.html")
        page.page.wait_for_selector("h1:text('The early space age: a timeline')")
        served.edit("date: 4 October 1957", "date: 03/04/1957")
        page.page.wait_for_selector(".build-problems", timeout=DEADLINE * 1000)
        assert "could be 3 April 1957 (day first) or 4 March 1957 (month first)" in \
            page.page.inner_text(".build-problems")
        served.edit("date: 03/04/1957", "date: 4 October 1957")
        page.page.wait_for_selector("h1:text('The early space age: a timeline')",
                                    timeout=DEADLINE * 1000)
        # The external script ran under the site's policy: no violation, no error
        # but the error page's own status (500, on purpose).
        assert [e for e in page.errors if "status of 500" not in e] == []
        assert page.blocked == []
    finally:
        page.close()
        served.kill()
