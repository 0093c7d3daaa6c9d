"""The pages of "Klopt er iets niet?", beside the page of the regeling or gemeente."""

from django.urls import path

from . import views

urlpatterns = [
    path("regelingen/<slug:slug>/melding", views.regeling_melding, name="melding-regeling"),
    path(
        "regelingen/<slug:slug>/melding/verstuurd",
        views.regeling_verstuurd,
        name="melding-regeling-verstuurd",
    ),
    path("gemeenten/<cbs:code>/melding", views.gemeente_melding, name="melding-gemeente"),
    path(
        "gemeenten/<cbs:code>/melding/verstuurd",
        views.gemeente_verstuurd,
        name="melding-gemeente-verstuurd",
    ),
]
