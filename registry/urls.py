"""The project's URLs: the admin, the API's own documents, and each app's URLs included."""

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, register_converter
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from .api_root import ApiRootView
from .converters import CONVERTERS

for naam, converter in CONVERTERS.items():
    register_converter(converter, naam)

handler404 = "registry.api.niet_gevonden"

admin.site.site_header = "Samenwerkingsregister — beheer"
admin.site.site_title = "Samenwerkingsregister"
admin.site.index_title = "Beheer van gemeenten, partners en regelingen"

api_documents = [
    path(
        "openapi.json",
        SpectacularAPIView.as_view(
            renderer_classes=[OpenApiJsonRenderer], http_method_names=["get", "head", "options"]
        ),
        name="openapi-json",
    ),
    path(
        "openapi.yaml",
        SpectacularAPIView.as_view(
            renderer_classes=[OpenApiYamlRenderer], http_method_names=["get", "head", "options"]
        ),
        name="openapi-yaml",
    ),
    # Redoc (from drf-spectacular-sidecar, served by the register itself) sets its styles inline
    # and renders in a web worker from a blob.
    path(
        "docs",
        csp_update({"style-src": [UNSAFE_INLINE], "worker-src": ["blob:"], "img-src": ["blob:"]})(
            SpectacularRedocView.as_view(url_name="openapi-json")
        ),
        name="api-docs",
    ),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1", ApiRootView.as_view(), name="api-root"),
    path("api/v1/", include(api_documents)),
    path("", include("municipalities.urls")),
    path("", include("agreements.urls")),
    path("", include("agreements.grip.urls")),
    path("", include("agreements.meldingen.urls")),
]

if settings.OIDC_RP_CLIENT_ID:  # sign-in through the organisation's identity provider
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))
