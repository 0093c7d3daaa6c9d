import uuid

from django.db import migrations, models


def eerste_versie(apps, schema_editor):
    apps.get_model("registry", "RegisterVersie").objects.using(
        schema_editor.connection.alias
    ).get_or_create(pk=1, defaults={"sleutel": uuid.uuid4().hex})


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="RegisterVersie",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("nummer", models.BigIntegerField(default=1, verbose_name="versie")),
                ("sleutel", models.CharField(default="0", max_length=32, verbose_name="sleutel")),
                (
                    "gewijzigd",
                    models.DateTimeField(auto_now_add=True, verbose_name="laatst gewijzigd"),
                ),
            ],
            options={
                "verbose_name": "versie van het register",
                "verbose_name_plural": "versies van het register",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("pk", 1)), name="registerversie_een_rij"
                    )
                ],
            },
        ),
        migrations.RunPython(eerste_versie, migrations.RunPython.noop),
    ]
