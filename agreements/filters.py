import django_filters
from django.db.models import Q

from municipalities.filters import (
    IdentificatieFilterSet,
    gemeente_filter,
    partner_filter,
    provincie_filter,
)
from registry.filters import CodeFilter, PeildatumFilterSet, Sortering, ZoekFilter

from .constants import Beleidsintensiteit, Domein, Rol, Status, Vorm
from .models import Deelname, Regeling, RegelingVersie, Thema


def zoek_regeling(queryset, name, value):
    """Regelingen by any name they ever had (of a version too), afkorting or doel."""
    return queryset.filter(
        Q(naam__icontains=value)
        | Q(afkorting__icontains=value)
        | Q(doel__icontains=value)
        | Q(pk__in=RegelingVersie.objects.filter(titel__icontains=value).values("regeling"))
    )


ALLE = "alle"


def thema_filter(label: str = "Thema (identificatie).", **kwargs) -> CodeFilter:
    return CodeFilter(
        queryset=Thema.objects.all(),
        code_veld="slug",
        onbekend="Onbekend thema: %(waarde)s.",
        uitleg="Een identificatie die geen thema in het register is geeft 400.",
        label=label,
        **kwargs,
    )


class RegelingFilter(IdentificatieFilterSet):
    tooi_veld = "organisatiecode"
    rooId = django_filters.CharFilter(
        method="filter_roo_id", label="ROO-systeemId van een van de versies van de regeling."
    )
    organisatiecode = django_filters.CharFilter(
        field_name="organisatiecode",
        lookup_expr="iexact",
        label="Organisatiecode van de organisatie van de regeling (ROO), bijv. so0896.",
    )
    gemeente = gemeente_filter(
        method="filter_deelnemer",
        label="Gemeente (CBS-code): regelingen waaraan zij op de peildatum deelneemt.",
    )
    partner = partner_filter(
        method="filter_deelnemer",
        label="Partner (identificatie): regelingen waaraan die op de peildatum deelneemt.",
    )
    provincie = provincie_filter(
        method="filter_deelnemer",
        label="Provincie (code, bijv. pv28): regelingen met op de peildatum een deelnemende "
        "gemeente in die provincie.",
    )
    thema = thema_filter(
        method="filter_thema", label="Thema (identificatie); een hoofdthema omvat zijn subthema's."
    )
    vorm = django_filters.ChoiceFilter(
        choices=Vorm.choices, field_name="vorm_op", label="Vorm van samenwerking op de peildatum."
    )
    status = django_filters.ChoiceFilter(
        choices=[*Status.choices, (ALLE, "Alle")],
        method="filter_status",
        label="Status op de peildatum; zonder status alleen wat dan in werking is, met 'alle' "
        "elke status. Bij een andere status dan in werking tellen deelnemers van elk moment.",
    )
    zoek = ZoekFilter(
        method=zoek_regeling, label="Zoek in elke naam die de regeling had, afkorting en doel."
    )
    sort = Sortering(
        # Name, afkorting and vorm as on the peildatum, as the list shows them.
        fields=[
            ("naam_op", "naam"),
            ("afkorting_op", "afkorting"),
            ("vorm_op", "vorm"),
            "begindatum",
            "einddatum",
        ],
        label="Sortering: naam, afkorting, vorm, begindatum of einddatum; - voor aflopend.",
    )

    DEELNEMER_VELDEN = {
        "gemeente": "gemeente",
        "partner": "partner",
        "provincie": "gemeente__provincie",
    }

    class Meta:
        model = Regeling
        fields = []

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset.op_peildatum(self.peildatum_waarde()))
        # Without a sort of its own, a list is in the order of the names of that day.
        return (
            queryset if self.form.cleaned_data.get("sort") else queryset.order_by("naam_op", "pk")
        )

    def pas_peildatum_toe(self) -> bool:
        return not self.form.cleaned_data.get("status")

    def filter_status(self, queryset, name, value):
        return queryset if value == ALLE else queryset.filter(status_op=value)

    def filter_deelnemer(self, queryset, name, value):
        deelnames = Deelname.objects.all()
        if self.form.cleaned_data.get("status") in ("", None, Status.IN_WERKING):
            deelnames = deelnames.actief_op(self.peildatum_waarde())
        deelnames = deelnames.filter(**{self.DEELNEMER_VELDEN[name]: value})
        return queryset.filter(pk__in=deelnames.values("regeling"))

    def filter_roo_id(self, queryset, name, value):
        return queryset.filter(
            pk__in=RegelingVersie.objects.filter(roo_id=value).values("regeling")
        )

    def filter_thema(self, queryset, name, value):
        themas = Thema.objects.filter(Q(pk=value.pk) | Q(bovenliggend=value))
        return queryset.filter(
            pk__in=Regeling.themas.through.objects.filter(thema__in=themas).values("regeling")
        )


class DeelnameFilter(PeildatumFilterSet):
    gemeente = gemeente_filter()
    partner = partner_filter()
    regeling = django_filters.CharFilter(
        field_name="regeling__slug", label="Regeling (identificatie)."
    )
    rol = django_filters.ChoiceFilter(choices=Rol.choices, label="Rol in de regeling.")
    sort = Sortering(
        fields=["begindatum", "einddatum"],
        label="Sortering: begindatum (toetreding) of einddatum (uittreding); - voor aflopend.",
    )

    class Meta:
        model = Deelname
        fields = []


class ThemaFilter(django_filters.FilterSet):
    domein = django_filters.ChoiceFilter(choices=Domein.choices, label="Domein.")
    beleidsintensiteit = django_filters.ChoiceFilter(
        choices=Beleidsintensiteit.choices, label="Beleidsintensiteit."
    )
    zoek = ZoekFilter(field_name="naam", lookup_expr="icontains", label="Zoek op naam.")

    class Meta:
        model = Thema
        fields = []
