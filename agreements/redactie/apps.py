from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RedactieConfig(AppConfig):
    name = "agreements.redactie"
    label = "redactie"
    verbose_name = "Redactie en toegang"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .rollen import maak_groepen

        post_migrate.connect(maak_groepen, sender=self, dispatch_uid="redactie-groepen")
