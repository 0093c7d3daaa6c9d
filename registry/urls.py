from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from rest_framework.routers import SimpleRouter

from agreements import grip_api, grip_views
from agreements import views as regelingen
from agreements.api import DeelnameViewSet, RegelingViewSet, ThemaViewSet
from agreements.overzichten import (
    GemeenteOverzichtView,
    GemeenteRegisterView,
    HerindelingsscanView,
    NetwerkView,
    ProvincieCijfersView,
    ThemaCijfersView,
)
from municipalities import views as gemeenten
from municipalities.api import GemeenteViewSet, HerindelingViewSet, PartnerViewSet
from municipalities.constants import CBS_CODE

handler404 = "registry.api.niet_gevonden"

admin.site.site_header = "Samenwerkingsregister — beheer"
admin.site.site_title = "Samenwerkingsregister"
admin.site.index_title = "Beheer van gemeenten, partners en regelingen"

router = SimpleRouter(trailing_slash=False)
router.register("gemeenten", GemeenteViewSet)
router.register("partners", PartnerViewSet)
router.register("themas", ThemaViewSet)
router.register("regelingen", RegelingViewSet)
router.register("deelnames", DeelnameViewSet)
router.register("herindelingen", HerindelingViewSet)
# Grip op samenwerking (issue 7)
router.register("procedurestappen", grip_api.ProcedurestapViewSet)
router.register("jaarstukken", grip_api.JaarstukViewSet)
router.register("zienswijzen", grip_api.ZienswijzeViewSet)
router.register("vertegenwoordigers", grip_api.VertegenwoordigerViewSet)
router.register("rapporteurs", grip_api.RapporteurViewSet)
router.register("bijdragen", grip_api.BijdrageViewSet)
router.register("jaarcijfers", grip_api.JaarcijfersViewSet)
router.register("evaluaties", grip_api.EvaluatieViewSet)
router.register("toetsingen", grip_api.ToetsingViewSet)
router.register("beeindigingen", grip_api.BeeindigingViewSet)
router.register("raadsafspraken", grip_api.RaadsafspraakViewSet)

api_v1 = [
    *router.urls,
    re_path(
        rf"^gemeenten/(?P<code>{CBS_CODE})/overzicht$",
        GemeenteOverzichtView.as_view(),
        name="gemeente-overzicht",
    ),
    re_path(
        rf"^gemeenten/(?P<code>{CBS_CODE})/register$",
        GemeenteRegisterView.as_view(),
        name="gemeente-register-api",
    ),
    # Grip op samenwerking (issue 7)
    re_path(
        rf"^gemeenten/(?P<code>{CBS_CODE})/dashboard$",
        grip_api.DashboardView.as_view(),
        name="gemeente-dashboard",
    ),
    re_path(
        rf"^gemeenten/(?P<code>{CBS_CODE})/verbonden-partijen$",
        grip_api.VerbondenPartijenView.as_view(),
        name="gemeente-verbonden-partijen",
    ),
    path("netwerk", NetwerkView.as_view(), name="netwerk"),
    path("herindelingsscan", HerindelingsscanView.as_view(), name="herindelingsscan"),
    path("cijfers/themas", ThemaCijfersView.as_view(), name="cijfers-themas"),
    path("cijfers/provincies", ProvincieCijfersView.as_view(), name="cijfers-provincies"),
    path(
        "openapi.json",
        SpectacularAPIView.as_view(
            renderer_classes=[OpenApiJsonRenderer], http_method_names=["get"]
        ),
        name="openapi-json",
    ),
    path(
        "openapi.yaml",
        SpectacularAPIView.as_view(
            renderer_classes=[OpenApiYamlRenderer], http_method_names=["get"]
        ),
        name="openapi-yaml",
    ),
    path("docs", SpectacularRedocView.as_view(url_name="openapi-json"), name="api-docs"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    path("", regelingen.home, name="home"),
    path("zoeken", regelingen.zoeken, name="zoeken"),
    path("regelingen", regelingen.regeling_lijst, name="regeling-lijst"),
    path("regelingen/<slug:slug>", regelingen.regeling_detail, name="regeling-pagina"),
    path("themas/<slug:slug>", regelingen.thema_detail, name="thema-pagina"),
    path("cijfers", regelingen.cijfers, name="cijfers"),
    path("herindelingsscan", regelingen.herindelingsscan, name="herindelingsscan-pagina"),
    path("gemeenten", gemeenten.gemeente_lijst, name="gemeente-lijst"),
    re_path(
        rf"^gemeenten/(?P<code>{CBS_CODE})$", gemeenten.gemeente_detail, name="gemeente-pagina"
    ),
    re_path(
        rf"^gemeenten/(?P<code>{CBS_CODE})/register$",
        gemeenten.gemeente_register,
        name="gemeente-register",
    ),
    path("partners/<slug:slug>", gemeenten.partner_detail, name="partner-pagina"),
    re_path(
        r"^provincies/(?P<code>pv[0-9]{2})$", gemeenten.provincie_detail, name="provincie-pagina"
    ),
    # Grip op samenwerking (issue 7)
    re_path(rf"^gemeenten/(?P<code>{CBS_CODE})/dashboard$", grip_views.dashboard, name="dashboard"),
    re_path(
        rf"^gemeenten/(?P<code>{CBS_CODE})/verbonden-partijen$",
        grip_views.verbonden_partijen,
        name="verbonden-partijen",
    ),
]
