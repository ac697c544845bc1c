"""The Content-Security-Policy the built pages are written to run under.

No page has an inline script or event handler: the chart's data travels as
``<script type="application/json">`` (data, never executed) and is drawn by
assets/timeline.js. plotly.js inserts ``<style>`` elements while it draws, so
styles need 'unsafe-inline'; nothing else does. Send this as an HTTP header
from the server that publishes the site (see README).
"""

from __future__ import annotations

PLOTLY_CDN_ORIGIN = "https://cdn.plot.ly"


def content_security_policy(plotlyjs: str = "local") -> str:
    """Return the policy for a site built with ``--plotlyjs local`` or ``cdn``."""
    scripts = "'self'" if plotlyjs == "local" else f"'self' {PLOTLY_CDN_ORIGIN}"
    return ("default-src 'none'; "
            f"script-src {scripts}; "
            "style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; "
            "font-src 'self'; "
            "connect-src 'self'; "
            "frame-src 'self'; "
            "base-uri 'none'; "
            "form-action 'none'")
