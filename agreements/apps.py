from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = "Regelingen"

    def ready(self):
        from .downloads import registreer_bronnen

        registreer_bronnen()
