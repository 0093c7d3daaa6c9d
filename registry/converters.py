"""The identifiers of the register as patterns and as URL converters.

Defined here once, in the shared kernel, so that models, serializers, the OpenAPI document and
the URLs of every app agree on what a CBS code or a provincie code looks like.

The register keeps a CBS code in capitals (GM0626) and a provincie code in small letters
(pv28), but people also write them the other way: a TOOI identifier ends in ``gm0626``. Pages
and API accept both (the ``*_INVOER`` patterns) and read them as the register keeps them
(``cbs_code``, ``provincie_code``); a page asked in another case answers with a permanent
redirect to its canonical address (``CanonicalCodeMiddleware``).
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import reverse

CBS_CODE = r"GM[0-9]{4}"  # the CBS code of a gemeente, e.g. GM0626
PROVINCIE_CODE = r"pv[0-9]{2}"  # the code of a provincie, e.g. pv28
CBS_CODE_INVOER = r"[Gg][Mm][0-9]{4}"  # as people write it: GM0626, gm0626
PROVINCIE_CODE_INVOER = r"[Pp][Vv][0-9]{2}"  # as people write it: pv28, PV28


def cbs_code(waarde: str) -> str:
    """A CBS code as the register keeps it: GM0626 for gm0626."""
    return waarde.upper()


def provincie_code(waarde: str) -> str:
    """A provincie code as the register keeps it: pv28 for PV28."""
    return waarde.lower()


class CbsCodeConverter:
    regex = CBS_CODE_INVOER

    def to_python(self, value: str) -> str:
        return cbs_code(value)

    def to_url(self, value: str) -> str:
        return cbs_code(value)


class ProvincieCodeConverter:
    regex = PROVINCIE_CODE_INVOER

    def to_python(self, value: str) -> str:
        return provincie_code(value)

    def to_url(self, value: str) -> str:
        return provincie_code(value)


CONVERTERS = {"cbs": CbsCodeConverter, "provincie": ProvincieCodeConverter}


class CanonicalCodeMiddleware:
    """A page whose address names a code in another case than the register's (/gemeenten/gm0626)
    answers 301 with its canonical address (/gemeenten/GM0626), the query string kept, so that
    every page has one address. The API answers such an address itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            request.method not in ("GET", "HEAD")
            or match is None
            or match.route.startswith("api/")
            or not any(f"<{naam}:" in match.route for naam in CONVERTERS)
        ):
            return None
        canoniek = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        if canoniek == request.path:
            return None
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{canoniek}?{query}" if query else canoniek)
