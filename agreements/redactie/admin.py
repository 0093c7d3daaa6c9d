"""Accounts (beheerders only), the organisations of a redacteur, and personal API tokens."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .models import ApiToken, Redacteur
from .rollen import is_beheerder

User = get_user_model()


class RedacteurInline(admin.StackedInline):
    model = Redacteur
    fields = ["gemeenten", "regelingen"]
    autocomplete_fields = ["gemeenten", "regelingen"]
    can_delete = True
    max_num = 1
    verbose_name_plural = "redacteur voor de organisaties"


class GebruikerAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, RedacteurInline]


admin.site.unregister(User)
admin.site.register(User, GebruikerAdmin)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """A beheerder sees every token; anyone else only their own, and makes them for
    themselves. The token is shown once, right after it is made."""

    list_display = ["naam", "gebruiker", "begin", "aangemaakt", "verloopt_op", "status"]
    list_filter = ["verloopt_op"]
    list_select_related = ["gebruiker"]
    search_fields = ["naam", "prefix", "gebruiker__username"]
    actions = ["intrekken"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if is_beheerder(request.user) else queryset.filter(gebruiker=request.user)

    def get_fields(self, request, obj=None):
        if obj is None:
            return (
                ["gebruiker", "naam", "verloopt_op"]
                if is_beheerder(request.user)
                else [
                    "naam",
                    "verloopt_op",
                ]
            )
        return ["gebruiker", "naam", "begin", "aangemaakt", "verloopt_op", "ingetrokken_op"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return self.get_fields(request, obj)

    def save_model(self, request, obj, form, change):
        if change:
            return
        if not is_beheerder(request.user) or not obj.gebruiker_id:
            obj.gebruiker = request.user
        token = obj.genereer()
        super().save_model(request, obj, form, change)
        messages.warning(
            request,
            f"De token is: {token} — kopieer hem nu: hij wordt alleen als hash bewaard en is "
            "hierna niet meer te zien.",
        )

    def has_delete_permission(self, request, obj=None):
        return False  # withdrawn, not deleted: what a token did stays traceable

    @admin.display(description="begin")
    def begin(self, obj):
        return f"sr_{obj.prefix}_…"

    @admin.display(description="status")
    def status(self, obj):
        return obj.status

    @admin.action(description="Geselecteerde tokens intrekken", permissions=["change"])
    def intrekken(self, request, queryset):
        for token in queryset:
            token.trek_in()
        self.message_user(request, f"{queryset.count()} token(s) ingetrokken.")
