"""Atom feeds of what changed in the register (Django's syndication framework), read from the
protocollering: for the whole register, per gemeente and per regeling. Public fields only, and
never who made a change: the kanaal and the organisations on whose behalf it was made are public,
the user is not."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import capfirst

from municipalities.models import Gemeente

from .models import Regeling
from .selectors import Wijziging, recente_wijzigingen

AANTAL = 50


class Wijzigingen(Feed):
    """The newest public changes of regelingen and deelnames in the whole register."""

    feed_type = Atom1Feed
    title = "Samenwerkingsregister: wijzigingen"
    subtitle = (
        "Wat er in het register veranderde aan regelingen en deelnames, de nieuwste eerst "
        "(openbare gegevens, uit de protocollering)."
    )

    def link(self, obj=None):
        return reverse("home")

    def feed_url(self, obj=None):
        return reverse("wijzigingen-feed")

    def items(self, obj=None) -> list[Wijziging]:
        return recente_wijzigingen(aantal=AANTAL)

    def item_title(self, item: Wijziging) -> str:
        return item.titel

    def item_description(self, item: Wijziging) -> str:
        regels = [f"{capfirst(w.label)}: {w.oud} → {w.nieuw}" for w in item.wijzigingen]
        via = f"Via {item.kanaal}" + (f", namens {item.organisaties}" if item.organisaties else "")
        return "\n".join([*regels, via + "."])

    def item_link(self, item: Wijziging) -> str:
        return item.adres

    def item_guid(self, item: Wijziging) -> str:
        return f"{settings.API_BASIS_URL}/wijzigingen/{item.sleutel}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Wijziging):
        return item.datum

    def item_updateddate(self, item: Wijziging):
        return item.datum


class WijzigingenVanGemeente(Wijzigingen):
    """The changes of a gemeente's deelnames and of the regelingen it takes or took part in."""

    def get_object(self, request, code):
        return get_object_or_404(Gemeente, code=code)

    def title(self, obj):
        return f"Samenwerkingsregister: wijzigingen voor {obj.naam}"

    def subtitle(self, obj):
        return (
            f"Wat er veranderde aan de deelnames van {obj.naam} en aan de regelingen waaraan "
            f"{obj.naam} deelneemt of deelnam, de nieuwste eerst."
        )

    def link(self, obj):
        return obj.get_absolute_url()

    def feed_url(self, obj):
        return reverse("gemeente-wijzigingen-feed", args=[obj.code])

    def items(self, obj):
        return recente_wijzigingen(gemeente=obj, aantal=AANTAL)


class WijzigingenVanRegeling(Wijzigingen):
    """The changes of a regeling and of its deelnames."""

    def get_object(self, request, slug):
        return get_object_or_404(Regeling, slug=slug)

    def title(self, obj):
        return f"Samenwerkingsregister: wijzigingen van {obj.naam}"

    def subtitle(self, obj):
        return f"Wat er veranderde aan {obj.naam} en haar deelnames, de nieuwste eerst."

    def link(self, obj):
        return obj.get_absolute_url()

    def feed_url(self, obj):
        return reverse("regeling-wijzigingen-feed", args=[obj.slug])

    def items(self, obj):
        return recente_wijzigingen(regeling=obj, aantal=AANTAL)
