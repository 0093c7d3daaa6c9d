"""The roles, in one place for admin, pages and API. The public reads what is public. A
*redacteur* edits what the organisations of their ``Redacteur`` record keep (``houders()``);
a *beheerder* (a superuser, or a member of the group "Beheerders") edits everything and manages
the accounts. Django's model permissions apply to both: the groups made here give them."""

from django.apps import apps as django_apps
from django.db.models import Model, QuerySet

BEHEERDERS = "Beheerders"
REDACTEUREN = "Redacteuren"

# What a redacteur may add, change and delete (objects they keep only); the rest they read.
REDACTEUR_WIJZIGT = {
    "agreements": ["deelname", "regelingversie", "publicatie"],
    "grip": [
        "procedurestap",
        "jaarstuk",
        "zienswijze",
        "vertegenwoordiger",
        "rapporteur",
        "bijdrage",
        "jaarcijfers",
        "evaluatie",
        "toetsing",
        "raadsafspraak",
        "beeindiging",
    ],
}
# What a redacteur may change but neither add nor delete.
REDACTEUR_WIJZIGT_ALLEEN = {
    "municipalities": ["gemeente"],
    "agreements": ["regeling"],
    "meldingen": ["melding"],  # status and answer of the meldingen about their data
}
REGISTER_APPS = ["municipalities", "agreements", "grip", "redactie", "meldingen"]


def is_beheerder(user) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    if not hasattr(user, "_is_beheerder"):
        user._is_beheerder = user.is_superuser or user.groups.filter(name=BEHEERDERS).exists()
    return user._is_beheerder


def organisaties(user) -> frozenset[str] | None:
    """The organisation keys a user edits for; ``None`` for a beheerder, who edits all."""
    if is_beheerder(user):
        return None
    if not (user and user.is_authenticated and user.is_active):
        return frozenset()
    if not hasattr(user, "_organisaties"):
        redacteur = django_apps.get_model("redactie", "Redacteur")
        record = redacteur.objects.filter(gebruiker=user).first()
        user._organisaties = record.organisaties() if record else frozenset()
    return user._organisaties


def mag_houden(user, obj: Model) -> bool:
    """Whether ``user`` keeps ``obj``, as it is now (saved or not)."""
    eigen = organisaties(user)
    return eigen is None or bool(obj.houders() & eigen)


def eigen(queryset: QuerySet, user) -> QuerySet:
    """``queryset`` limited to what ``user`` keeps."""
    sleutels = organisaties(user)
    if sleutels is None:
        return queryset
    if not sleutels:
        return queryset.none()
    return queryset.filter(queryset.model.houders_q(sleutels))


def maak_groepen(**kwargs):
    """Create or update the groups Beheerders and Redacteuren with their permissions (after
    every migrate, so that new models are included)."""
    group = django_apps.get_model("auth", "Group")
    permission = django_apps.get_model("auth", "Permission")
    register = permission.objects.filter(content_type__app_label__in=REGISTER_APPS)
    accounts = permission.objects.filter(
        content_type__app_label="auth", content_type__model__in=["user", "group"]
    )
    beheerders, _ = group.objects.get_or_create(name=BEHEERDERS)
    beheerders.permissions.set([*register, *accounts])

    gekozen = []
    for perm in register.select_related("content_type"):
        label, model = perm.content_type.app_label, perm.content_type.model
        actie = perm.codename.split("_", 1)[0]
        if (
            (actie == "view" and label != "redactie")
            or (model in REDACTEUR_WIJZIGT.get(label, []) and actie in {"add", "change", "delete"})
            or (model in REDACTEUR_WIJZIGT_ALLEEN.get(label, []) and actie == "change")
            or (label == "redactie" and model == "apitoken" and actie != "delete")
        ):
            gekozen.append(perm)
    redacteuren, _ = group.objects.get_or_create(name=REDACTEUREN)
    redacteuren.permissions.set(gekozen)
