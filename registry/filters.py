"""The filter pieces that API and web pages share (django-filter)."""

import datetime

import django_filters


def peildatum_uit(request, standaard: datetime.date | None = None) -> datetime.date:
    """The peildatum of a web page: ``?peildatum=``, else ``standaard``, else today."""
    try:
        return datetime.date.fromisoformat(request.GET.get("peildatum", ""))
    except ValueError:
        return standaard or datetime.date.today()


class Sortering(django_filters.OrderingFilter):
    """The ``sort`` parameter; the primary key breaks ties so every order is deterministic."""

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "pk") if value else qs


class PeildatumFilterSet(django_filters.FilterSet):
    """A FilterSet whose result is always "as on the peildatum": today when none is given."""

    peildatum = django_filters.DateFilter(
        label="Peildatum (JJJJ-MM-DD): het register zoals het was op deze datum; standaard vandaag."
    )

    def peildatum_waarde(self) -> datetime.date:
        return self.form.cleaned_data.get("peildatum") or datetime.date.today()

    def pas_peildatum_toe(self) -> bool:
        return True

    def filter_queryset(self, queryset):
        for naam, waarde in self.form.cleaned_data.items():
            if naam != "peildatum":
                queryset = self.filters[naam].filter(queryset, waarde)
        if self.pas_peildatum_toe():
            queryset = queryset.actief_op(self.peildatum_waarde())
        return queryset
