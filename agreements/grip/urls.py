"""URLs of grip op samenwerking: its API resources, the dashboard and the verbonden partijen."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import api, views

router = SimpleRouter(trailing_slash=False)
router.register("procedurestappen", api.ProcedurestapViewSet)
router.register("jaarstukken", api.JaarstukViewSet)
router.register("zienswijzen", api.ZienswijzeViewSet)
router.register("vertegenwoordigers", api.VertegenwoordigerViewSet)
router.register("rapporteurs", api.RapporteurViewSet)
router.register("bijdragen", api.BijdrageViewSet)
router.register("jaarcijfers", api.JaarcijfersViewSet)
router.register("evaluaties", api.EvaluatieViewSet)
router.register("toetsingen", api.ToetsingViewSet)
router.register("beeindigingen", api.BeeindigingViewSet)
router.register("raadsafspraken", api.RaadsafspraakViewSet)

api_urls = [
    *router.urls,
    path("gemeenten/<cbs:code>/dashboard", api.DashboardView.as_view(), name="gemeente-dashboard"),
    path(
        "gemeenten/<cbs:code>/verbonden-partijen",
        api.VerbondenPartijenView.as_view(),
        name="gemeente-verbonden-partijen",
    ),
]

urlpatterns = [
    path("api/v1/", include(api_urls)),
    path("gemeenten/<cbs:code>/dashboard", views.dashboard, name="dashboard"),
    path("gemeenten/<cbs:code>/termijnen.ics", views.termijnen_ics, name="termijnen-ics"),
    path(
        "gemeenten/<cbs:code>/verbonden-partijen",
        views.verbonden_partijen,
        name="verbonden-partijen",
    ),
]
