from django.db import models


class RegisterVersie(models.Model):
    """The version of the register: one row, advanced by every write of the register's apps
    (registry/versie.py). Cached results and ETags are keyed on it."""

    nummer = models.BigIntegerField("versie", default=1)
    # A fresh random value on every advance: a version that a rolled-back transaction saw is
    # never seen again, so nothing it cached can be served (the nummer may repeat).
    sleutel = models.CharField("sleutel", max_length=32, default="0")
    gewijzigd = models.DateTimeField("laatst gewijzigd", auto_now_add=True)

    class Meta:
        verbose_name = "versie van het register"
        verbose_name_plural = "versies van het register"
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="registerversie_een_rij")
        ]

    def __str__(self):
        return f"Versie {self.nummer} ({self.gewijzigd:%d-%m-%Y %H:%M})"
