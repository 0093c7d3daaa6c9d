"""The roles in the admin: a redacteur sees, changes and deletes only what their organisations
keep, in change lists, change views, inlines, autocomplete, actions and exports; a new or
changed object must be theirs when it is saved."""

from django.contrib.admin.options import InlineModelAdmin

from .rollen import eigen, mag_houden

NIET_VAN_U = (
    "U mag alleen gegevens vastleggen die uw eigen organisatie bijhoudt: {houders}. Vraag een "
    "beheerder als dit toch nodig is."
)


def is_autocomplete(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name == "autocomplete")


def met_houderscontrole(form_class, user):
    """``form_class`` that refuses, as a form error, to save an object ``user`` does not keep
    (checked on the object as the form would save it)."""

    class HouderscontroleForm(form_class):
        def _post_clean(self):
            super()._post_clean()
            nieuw = self.instance._state.adding
            if self._errors or not (nieuw or self.has_changed()):
                return
            if not mag_houden(user, self.instance):
                houders = ", ".join(sorted(self.instance.houders())) or "alleen beheerders"
                self.add_error(None, NIET_VAN_U.format(houders=houders))

    HouderscontroleForm.__name__ = form_class.__name__
    return HouderscontroleForm


class EigenObjectenMixin:
    """For a ModelAdmin or an inline of a model with ``houders()`` and ``houders_q()``.

    ``vrij_te_kiezen``: autocomplete of this model, from a field elsewhere, shows every object
    (regelingen: anyone may refer to a public regeling; whether the referring object may be
    saved is decided by its own houders)."""

    vrij_te_kiezen = False

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.vrij_te_kiezen and is_autocomplete(request):
            return queryset
        return eigen(queryset, request.user)

    def _is_inline(self) -> bool:
        return isinstance(self, InlineModelAdmin)

    def _houdt(self, request, obj) -> bool:
        """Whether the user keeps ``obj`` as it was read: decided once, so that a form that
        was refused is shown again as a form (with the reason), not as a view."""
        if not hasattr(obj, "_redactie_houdt"):
            obj._redactie_houdt = mag_houden(request.user, obj)
        return obj._redactie_houdt

    def has_change_permission(self, request, obj=None):
        toegestaan = super().has_change_permission(request, obj)
        if self._is_inline() or obj is None:  # an inline's obj is the parent
            return toegestaan
        return toegestaan and self._houdt(request, obj)

    def has_delete_permission(self, request, obj=None):
        toegestaan = super().has_delete_permission(request, obj)
        if self._is_inline() or obj is None:
            return toegestaan
        return toegestaan and self._houdt(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        return met_houderscontrole(super().get_form(request, obj, **kwargs), request.user)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = met_houderscontrole(formset.form, request.user)
        return formset
