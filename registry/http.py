"""HTTP caching of every page and API read: an ETag and Last-Modified derived from the version
of the register (registry/versie.py), the request and who asks, so that a conditional GET
that matches is answered 304 before anything is rendered.

- ETag: a hash of the register version, the release, the address with its query, the Accept
  header (the format of an API answer), today's date (a missing peildatum means today) and the
  auth variant (anonymous, or who is logged in / which credentials are sent). A view that sets
  its own ETag (a single object) keeps it, and a matching If-None-Match still gets a 304.
- Last-Modified: the last write of the register, or the start of today if later (what
  "today" shows changes at midnight).
- Cache-Control: anonymous reads ``public, max-age=HTTP_MAX_AGE`` (60 s by default: a proxy or
  browser may serve them that long without asking); authenticated reads ``private, no-cache``
  (kept only by the browser, revalidated every time). Vary: Accept, Authorization, Cookie.
Writes, errors, the admin and answers whose view chose its own Cache-Control or sets a cookie
(a form) get none of this (the API keeps ``no-store`` there).
"""

import datetime
import hashlib

from django.conf import settings
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag

from . import versie

UITGESLOTEN = ("/admin/", "/static/")
VARY = ("Accept", "Authorization", "Cookie")


def auth_variant(request) -> tuple[str, bool]:
    """Who asks, as part of the ETag, and whether the answer is personal."""
    autorisatie = request.META.get("HTTP_AUTHORIZATION", "")
    if autorisatie:
        return "a:" + hashlib.sha256(autorisatie.encode()).hexdigest()[:16], True
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        gebruiker = getattr(request, "user", None)
        if gebruiker is not None and gebruiker.is_authenticated:
            return f"u:{gebruiker.pk}:{request.session.session_key}", True
    return "anoniem", False


def register_etag(request, stand: versie.Versie, variant: str) -> str:
    delen = [
        stand.sleutel,
        settings.RELEASE,
        request.get_full_path(),
        request.META.get("HTTP_ACCEPT", ""),
        datetime.date.today().isoformat(),
        variant,
    ]
    return quote_etag(hashlib.sha256("\n".join(delen).encode()).hexdigest()[:32])


def laatst_gewijzigd(stand: versie.Versie) -> int:
    vandaag = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return int(max(stand.gewijzigd, vandaag).timestamp())


def eigen_keuze(response) -> bool:
    """A view that said itself how its answer may be kept (``never_cache``: a form with a CSRF
    token), or that sets a cookie, keeps its answer out of every shared cache."""
    return response.has_header("Cache-Control") or bool(response.cookies)


class HttpCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(UITGESLOTEN):
            return self.get_response(request)
        stand = versie.huidige()
        variant, persoonlijk = auth_variant(request)
        etag = register_etag(request, stand, variant)
        gewijzigd = laatst_gewijzigd(stand)
        niet_gewijzigd = get_conditional_response(request, etag=etag, last_modified=gewijzigd)
        if niet_gewijzigd is not None:
            return self.headers(niet_gewijzigd, etag, gewijzigd, persoonlijk)
        response = self.get_response(request)
        if response.status_code != 200 or eigen_keuze(response):
            return response
        self.headers(response, etag, gewijzigd, persoonlijk)
        # A view's own ETag (one object): compare the request with it, after the fact.
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=gewijzigd, response=response
        )

    @staticmethod
    def headers(response, etag: str, gewijzigd: int, persoonlijk: bool):
        if not response.has_header("ETag"):
            response["ETag"] = etag
        response.setdefault("Last-Modified", http_date(gewijzigd))
        response["Cache-Control"] = (
            "private, no-cache" if persoonlijk else f"public, max-age={settings.HTTP_MAX_AGE}"
        )
        patch_vary_headers(response, VARY)
        return response
