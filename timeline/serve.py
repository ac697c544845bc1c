"""`timeline serve`: the authoring loop. Build, serve on 127.0.0.1, rebuild on every save.

The site is built into a private temporary folder (never build/, which
stays what `timeline build` last wrote) with the same build as `timeline
build`, and served from there. The pages are served with the site's
Content-Security-Policy, so what works here works when published, and each
HTML page gets one external script, added as it is served (the files on disk
are the build's, untouched): it asks the server twice a second which build
it is serving and reloads the page when that changes. When an input is bad,
every page is an error page listing its ``file:line:column`` problems, with
the same script, so it comes back by itself once the file is fixed.
"""

from __future__ import annotations

import errno
import html
import ipaddress
import json
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from timeline.archive import ARTICLE_SUFFIXES
from timeline.errors import InputError, TimelineError

# The server's own addresses, beside the site's files; no page of a site
# can have this name (build.py writes only its own paths).
OWN_PREFIX = "/__timeline__/"
STATE_PATH = OWN_PREFIX + "state"
SCRIPT_PATH = OWN_PREFIX + "live-reload.js"
SCRIPT_FILE = Path(__file__).resolve().parent / "serve_files" / "live-reload.js"


class ServeError(TimelineError):
    """The server cannot start: the port is taken, the address is not this machine's."""


@dataclass
class BuildState:
    """What the server serves: which build, and the problems that stopped the last one."""

    generation: int = 0
    problems: tuple[str, ...] = ()


class LiveSite:
    """The private folder the site is built into, rebuilt on demand; thread-safe to read."""

    def __init__(self, make_options: Callable[[], object], echo: Callable[[str], None]) -> None:
        self.make_options = make_options
        self.echo = echo
        self.folder = Path(tempfile.mkdtemp(prefix="timeline-serve-"))
        self.out = self.folder / "site"
        self.state = BuildState()
        self._lock = threading.Lock()

    def rebuild(self) -> BuildState:
        """Build the site again; on bad input keep the last good files and record why."""
        from timeline.build import build_site
        from timeline.site import Staging

        problems: list[str] = []
        try:
            options = self.make_options()
            with Staging(self.out) as staging:
                result = build_site(options, staging=staging.path)  # type: ignore[arg-type]
                staging.commit(result.files, result.written)
            for problem in result.skipped:
                self.echo(f"Skipped: {problem}")
        except InputError as exc:
            problems = [str(p) for p in exc.problems]
        except TimelineError as exc:
            problems = str(exc).splitlines()
        for line in problems:
            self.echo(f"Error: {line}")
        with self._lock:
            self.state = BuildState(self.state.generation + 1, tuple(problems))
            state = self.state
        self.echo(f"Build {state.generation}: "
                  + (f"{len(problems)} problem(s), shown in the page" if problems else "ok"))
        return state

    def current(self) -> BuildState:
        with self._lock:
            return self.state

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def live_script_tag(generation: int) -> bytes:
    """Return the element that makes a served page reload itself after a rebuild."""
    return (f'<script src="{SCRIPT_PATH}" data-state="{STATE_PATH}" '
            f'data-generation="{generation}"></script>').encode("ascii")


def with_live_script(page: bytes, generation: int) -> bytes:
    """Return an HTML page with the live-reload script at the end of its head."""
    tag = live_script_tag(generation)
    head_end = page.find(b"</head>")
    if head_end < 0:
        return page + tag
    return page[:head_end] + tag + b"\n" + page[head_end:]


def error_page(state: BuildState) -> bytes:
    """Return the page shown in place of every page while an input is bad."""
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in state.problems)
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>Build failed · timeline serve</title>\n"
        "<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
        "padding:0 1rem;color:#1a1a1a}code{white-space:pre-wrap;font-size:.95rem}"
        "li{margin:.4rem 0}h1{color:#a01818}</style>\n"
        "</head>\n<body>\n<main>\n<h1>The site could not be built</h1>\n"
        f"<p>Fix {'this problem' if len(state.problems) == 1 else 'these problems'} and save: "
        "this page reloads by itself.</p>\n"
        f"<ul class=\"build-problems\">\n{items}\n</ul>\n</main>\n</body>\n</html>\n"
    ).encode()


def make_handler(live: LiveSite, policy: str) -> type[SimpleHTTPRequestHandler]:
    """Return the request handler serving ``live``'s folder under ``policy``."""

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            super().__init__(*args, directory=str(live.out), **kwargs)

        def end_headers(self) -> None:
            self.send_header("Content-Security-Policy", policy)
            # Every response may change at the next save.
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # a request line per asset would bury the build messages

        def do_GET(self) -> None:  # noqa: N802
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            state = live.current()
            if path == STATE_PATH:
                body = json.dumps({"generation": state.generation,
                                   "problems": list(state.problems)}).encode("utf-8")
                return self._send(200, "application/json", body)
            if path == SCRIPT_PATH:
                return self._send(200, "text/javascript; charset=utf-8",
                                  SCRIPT_FILE.read_bytes())
            is_page = path.endswith((".html", "/"))
            if is_page and state.problems:
                return self._send(500, "text/html; charset=utf-8",
                                  with_live_script(error_page(state), state.generation))
            if is_page:
                local = Path(self.translate_path(path))
                if local.is_dir():
                    local = local / "index.html"
                try:
                    page = local.read_bytes()
                except OSError:
                    return self.send_error(404, "No such page")
                return self._send(200, "text/html; charset=utf-8",
                                  with_live_script(page, state.generation))
            return super().do_GET()

        def _send(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def open_server(host: str, port: int, handler: type[SimpleHTTPRequestHandler]
                ) -> ThreadingHTTPServer:
    """Bind the server, or raise ServeError in one line saying why it cannot."""
    if not 0 <= port <= 65535:
        raise ServeError(f"--port {port}: a port is a number from 0 to 65535")
    # An address, not a name to look up: serving is local, and a typo must not
    # wait on DNS (nor send the name to it).
    if host != "localhost":
        try:
            ipaddress.ip_address(host)
        except ValueError:
            raise ServeError(f"--host {host}: not an IP address; give one of this machine's, "
                             "such as 127.0.0.1") from None
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(f"{host}:{port} is already in use; choose another --port "
                             "(0 picks a free one)") from None
        reason = exc.strerror or str(exc)
        raise ServeError(f"cannot serve on {host}:{port}: {reason}") from None
    server.daemon_threads = True
    return server


def watched(events: Path, article_files: Iterable[Path], folders: Iterable[Path],
            templates: Iterable[Path]) -> tuple[list[Path], Callable[[object, str], bool]]:
    """Return the folders to watch (not recursively) and the filter of relevant changes.

    The events file's and articles' own folders are watched, not the files,
    because many editors save by writing a new file and renaming it over the
    old one; the folders of articles and templates are walked here, so that
    watching the project's root never means watching a whole .venv.
    """
    files = {events.absolute(), *(p.absolute() for p in article_files)}
    article_trees = [p.absolute() for p in folders if p.is_dir()]
    template_trees = [p.absolute() for p in templates if p.is_dir()]
    dirs = {p.parent for p in files if p.parent.is_dir()}
    for tree in (*article_trees, *template_trees):
        dirs.add(tree)
        dirs.update(d for d in tree.rglob("*") if d.is_dir() and not d.name.startswith("."))

    def inside(p: Path, trees: list[Path]) -> bool:
        return any(tree in p.parents for tree in trees)

    def relevant(_change: object, path: str) -> bool:
        p = Path(path)
        if p in files:
            return True
        if p.name.startswith(".") or p.name.endswith("~"):
            return False  # editors' swap and backup files
        return (inside(p, article_trees) and p.suffix in ARTICLE_SUFFIXES) \
            or inside(p, template_trees)

    return sorted(dirs), relevant


def serve(make_options: Callable[[], object], *, host: str, port: int, plotlyjs: str,
          watch_dirs: list[Path], relevant: Callable[[object, str], bool],
          echo: Callable[[str], None]) -> None:
    """Build, serve and rebuild on every relevant change until Ctrl-C."""
    import watchfiles

    from timeline.policy import content_security_policy

    live = LiveSite(make_options, echo)
    try:
        server = open_server(host, port, make_handler(live, content_security_policy(plotlyjs)))
    except BaseException:
        live.close()
        raise
    thread = threading.Thread(target=server.serve_forever, name="timeline-serve", daemon=True)
    try:
        live.rebuild()
        thread.start()
        bound_host, bound_port = server.server_address[:2]
        echo(f"Serving http://{bound_host}:{bound_port}/ (Ctrl-C stops); rebuilding on "
             "every change to the events file, the articles and the templates")
        for _changes in watchfiles.watch(*watch_dirs, watch_filter=relevant, recursive=False,
                                         raise_interrupt=True):
            live.rebuild()
    except KeyboardInterrupt:
        pass
    finally:
        if thread.is_alive():
            server.shutdown()
        server.server_close()
        live.close()
    echo("Stopped.")
    sys.stdout.flush()
