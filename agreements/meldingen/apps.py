from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "agreements.meldingen"
    label = "meldingen"
    verbose_name = "Meldingen"
