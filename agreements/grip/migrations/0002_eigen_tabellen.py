"""The tables of grip get the app's own names (``grip_*``), and the content types (and so the
permissions granted on them and the admin's log) move along with the models."""

from django.db import migrations, models

MODELLEN = [
    "beeindiging",
    "bijdrage",
    "evaluatie",
    "jaarcijfers",
    "jaarstuk",
    "procedurestap",
    "raadsafspraak",
    "rapporteur",
    "toetsing",
    "vertegenwoordiger",
    "zienswijze",
]


def verplaats_contenttypes(van: str, naar: str):
    def verplaats(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        bezet = set(
            ContentType.objects.filter(app_label=naar, model__in=MODELLEN).values_list(
                "model", flat=True
            )
        )
        ContentType.objects.filter(app_label=van, model__in=set(MODELLEN) - bezet).update(
            app_label=naar
        )

    return verplaats


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0006_grip_naar_eigen_app'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('grip', '0001_initial'),
        ('municipalities', '0002_herindeling'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='rapporteur',
            name='agreements_rapporteur_einde_na_begin',
        ),
        migrations.RemoveConstraint(
            model_name='vertegenwoordiger',
            name='agreements_vertegenwoordiger_einde_na_begin',
        ),
        migrations.AddConstraint(
            model_name='rapporteur',
            constraint=models.CheckConstraint(condition=models.Q(('begindatum__isnull', True), ('einddatum__isnull', True), ('einddatum__gte', models.F('begindatum')), _connector='OR'), name='grip_rapporteur_einde_na_begin', violation_error_message='De einddatum ligt vóór de begindatum.'),
        ),
        migrations.AddConstraint(
            model_name='vertegenwoordiger',
            constraint=models.CheckConstraint(condition=models.Q(('begindatum__isnull', True), ('einddatum__isnull', True), ('einddatum__gte', models.F('begindatum')), _connector='OR'), name='grip_vertegenwoordiger_einde_na_begin', violation_error_message='De einddatum ligt vóór de begindatum.'),
        ),
        migrations.AlterModelTable(
            name='beeindiging',
            table=None,
        ),
        migrations.AlterModelTable(
            name='bijdrage',
            table=None,
        ),
        migrations.AlterModelTable(
            name='evaluatie',
            table=None,
        ),
        migrations.AlterModelTable(
            name='jaarcijfers',
            table=None,
        ),
        migrations.AlterModelTable(
            name='jaarstuk',
            table=None,
        ),
        migrations.AlterModelTable(
            name='procedurestap',
            table=None,
        ),
        migrations.AlterModelTable(
            name='raadsafspraak',
            table=None,
        ),
        migrations.AlterModelTable(
            name='rapporteur',
            table=None,
        ),
        migrations.AlterModelTable(
            name='toetsing',
            table=None,
        ),
        migrations.AlterModelTable(
            name='vertegenwoordiger',
            table=None,
        ),
        migrations.AlterModelTable(
            name='zienswijze',
            table=None,
        ),
        migrations.RunPython(
            verplaats_contenttypes("agreements", "grip"), verplaats_contenttypes("grip", "agreements")
        ),
    ]
