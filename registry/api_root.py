"""/api/v1 itself: the collections of the API and links to its documentation (a separate module:
registry.api is named by the DRF settings and cannot import DRF's views)."""

from django.conf import settings
from django.urls import URLResolver, get_resolver, reverse
from drf_spectacular.utils import extend_schema
from rest_framework import views
from rest_framework.permissions import AllowAny
from rest_framework.response import Response


def collecties(patronen=None, prefix: str = "") -> list[str]:
    """The paths (under /api/v1/) of every collection the URLconf routes: the names ending in
    -list that the routers of the apps register."""
    if patronen is None:
        patronen = get_resolver().url_patterns
    paden = []
    for patroon in patronen:
        pad = prefix + str(patroon.pattern)
        if isinstance(patroon, URLResolver):
            paden += collecties(patroon.url_patterns, pad)
        elif (patroon.name or "").endswith("-list") and pad.startswith("api/v1/"):
            paden.append(pad.removeprefix("api/v1/").rstrip("$").lstrip("^"))
    return sorted(set(paden))


@extend_schema(exclude=True)
class ApiRootView(views.APIView):
    """/api/v1 itself: the collections of the API and where its documentation is."""

    permission_classes = [AllowAny]
    http_method_names = ["get", "head", "options"]

    def get(self, request):
        return Response(
            {
                "naam": settings.SPECTACULAR_SETTINGS["TITLE"],
                "versie": settings.API_VERSION,
                "collecties": {
                    naam: request.build_absolute_uri(f"/api/v1/{naam}") for naam in collecties()
                },
                "documentatie": {
                    "openapi": request.build_absolute_uri(reverse("openapi-json")),
                    "openapiYaml": request.build_absolute_uri(reverse("openapi-yaml")),
                    "html": request.build_absolute_uri(reverse("api-docs")),
                    "downloads": request.build_absolute_uri(reverse("downloads-pagina")),
                },
            }
        )
