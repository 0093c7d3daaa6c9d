from django.apps import AppConfig


class GripConfig(AppConfig):
    name = "agreements.grip"
    label = "grip"
    verbose_name = "Grip op samenwerking"
    voorbeelddata = ["grip"]

    def ready(self):
        from . import sections  # noqa: F401  (contributes the grip sections to pages)
        from .downloads import registreer_bronnen

        registreer_bronnen()  # after those of agreements (INSTALLED_APPS order)
