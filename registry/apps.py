from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = "Register"

    def ready(self):
        from . import versie

        versie.verbind()
