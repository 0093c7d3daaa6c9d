"""URLs of gemeenten, partners and herindelingen: their API resources and the list of gemeenten."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import views
from .api import GemeenteViewSet, HerindelingViewSet, KaartGemeentenView, PartnerViewSet

router = SimpleRouter(trailing_slash=False)
router.register("gemeenten", GemeenteViewSet)
router.register("partners", PartnerViewSet)
router.register("herindelingen", HerindelingViewSet)

urlpatterns = [
    path("api/v1/", include(router.urls)),
    path("api/v1/kaart/gemeenten", KaartGemeentenView.as_view(), name="kaart-gemeenten"),
    path("gemeenten", views.gemeente_lijst, name="gemeente-lijst"),
]
