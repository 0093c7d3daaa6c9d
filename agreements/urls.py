"""URLs of regelingen and their deelnames: the API resources and overviews, and the pages."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import feeds, views
from .api import DeelnameViewSet, RegelingViewSet, ThemaViewSet
from .kaart_api import GemeenteKaartView, LappendekenView, RegelingKaartView
from .overzichten import (
    DownloadView,
    GemeenteOverzichtView,
    GemeenteRegisterView,
    GemeenteVerschilView,
    HerindelingsscanView,
    NetwerkView,
    ProvincieCijfersView,
    RegelingVerschilView,
    ThemaCijfersView,
)
from .wijzigingen import WijzigingenView

router = SimpleRouter(trailing_slash=False)
router.register("themas", ThemaViewSet)
router.register("regelingen", RegelingViewSet)
router.register("deelnames", DeelnameViewSet)

api = [
    *router.urls,
    path(
        "gemeenten/<cbs:code>/overzicht",
        GemeenteOverzichtView.as_view(),
        name="gemeente-overzicht",
    ),
    path(
        "gemeenten/<cbs:code>/register",
        GemeenteRegisterView.as_view(),
        name="gemeente-register-api",
    ),
    path(
        "gemeenten/<cbs:code>/verschil",
        GemeenteVerschilView.as_view(),
        name="gemeente-verschil-api",
    ),
    path(
        "regelingen/<slug:identificatie>/verschil",
        RegelingVerschilView.as_view(),
        name="regeling-verschil-api",
    ),
    path("downloads", DownloadView.as_view(), name="downloads"),
    path("netwerk", NetwerkView.as_view(), name="netwerk"),
    path("herindelingsscan", HerindelingsscanView.as_view(), name="herindelingsscan"),
    path("cijfers/themas", ThemaCijfersView.as_view(), name="cijfers-themas"),
    path("cijfers/provincies", ProvincieCijfersView.as_view(), name="cijfers-provincies"),
    path("wijzigingen", WijzigingenView.as_view(), name="wijzigingen"),
    path(
        "kaart/regelingen/<slug:identificatie>",
        RegelingKaartView.as_view(),
        name="kaart-regeling",
    ),
    path("kaart/gemeenten/<cbs:code>", GemeenteKaartView.as_view(), name="kaart-gemeente"),
    path("kaart/lappendeken", LappendekenView.as_view(), name="kaart-lappendeken"),
]

urlpatterns = [
    path("api/v1/", include(api)),
    path("", views.home, name="home"),
    path("wijzigingen.atom", feeds.Wijzigingen(), name="wijzigingen-feed"),
    path(
        "regelingen/<slug:slug>/wijzigingen.atom",
        feeds.WijzigingenVanRegeling(),
        name="regeling-wijzigingen-feed",
    ),
    path(
        "gemeenten/<cbs:code>/wijzigingen.atom",
        feeds.WijzigingenVanGemeente(),
        name="gemeente-wijzigingen-feed",
    ),
    path("zoeken", views.zoeken, name="zoeken"),
    path("regelingen", views.regeling_lijst, name="regeling-lijst"),
    path("regelingen/<slug:slug>", views.regeling_detail, name="regeling-pagina"),
    path("regelingen/<slug:slug>/verschil", views.regeling_verschil, name="regeling-verschil"),
    path("themas/<slug:slug>", views.thema_detail, name="thema-pagina"),
    path("cijfers", views.cijfers, name="cijfers"),
    path("downloads", views.downloads, name="downloads-pagina"),
    path("kaart", views.lappendeken, name="kaart"),
    path("kaart.svg", views.lappendeken_svg, name="kaart-svg"),
    path("regelingen/<slug:slug>/kaart.svg", views.regeling_svg, name="regeling-kaart-svg"),
    path("gemeenten/<cbs:code>/kaart.svg", views.gemeente_svg, name="gemeente-kaart-svg"),
    path("herindelingsscan/kaart.svg", views.herindelingsscan_svg, name="scan-kaart-svg"),
    path("herindelingsscan", views.herindelingsscan, name="herindelingsscan-pagina"),
    path("gemeenten/<cbs:code>", views.gemeente_detail, name="gemeente-pagina"),
    path("gemeenten/<cbs:code>/register", views.gemeente_register, name="gemeente-register"),
    path("gemeenten/<cbs:code>/verschil", views.gemeente_verschil, name="gemeente-verschil"),
    path("partners/<slug:slug>", views.partner_detail, name="partner-pagina"),
    path("provincies/<provincie:code>", views.provincie_detail, name="provincie-pagina"),
]
