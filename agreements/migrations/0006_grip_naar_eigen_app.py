"""The models of grip op samenwerking move to their own app, ``grip``: they leave this app's
state only; their tables stay and are taken over by grip's first migration."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0005_grip'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='bijdrage',
                    name='gemeente',
                ),
                migrations.RemoveField(
                    model_name='bijdrage',
                    name='regeling',
                ),
                migrations.RemoveField(
                    model_name='evaluatie',
                    name='gemeente',
                ),
                migrations.RemoveField(
                    model_name='evaluatie',
                    name='regeling',
                ),
                migrations.RemoveField(
                    model_name='toetsing',
                    name='evaluatie',
                ),
                migrations.RemoveField(
                    model_name='jaarcijfers',
                    name='regeling',
                ),
                migrations.RemoveField(
                    model_name='jaarstuk',
                    name='regeling',
                ),
                migrations.RemoveField(
                    model_name='zienswijze',
                    name='jaarstuk',
                ),
                migrations.RemoveField(
                    model_name='procedurestap',
                    name='gemeente',
                ),
                migrations.RemoveField(
                    model_name='procedurestap',
                    name='regeling',
                ),
                migrations.RemoveField(
                    model_name='raadsafspraak',
                    name='gemeente',
                ),
                migrations.RemoveField(
                    model_name='rapporteur',
                    name='gemeente',
                ),
                migrations.RemoveField(
                    model_name='rapporteur',
                    name='regeling',
                ),
                migrations.RemoveField(
                    model_name='vertegenwoordiger',
                    name='gemeente',
                ),
                migrations.RemoveField(
                    model_name='vertegenwoordiger',
                    name='regeling',
                ),
                migrations.RemoveField(
                    model_name='zienswijze',
                    name='gemeente',
                ),
                migrations.DeleteModel(
                    name='Beeindiging',
                ),
                migrations.DeleteModel(
                    name='Bijdrage',
                ),
                migrations.DeleteModel(
                    name='Evaluatie',
                ),
                migrations.DeleteModel(
                    name='Toetsing',
                ),
                migrations.DeleteModel(
                    name='Jaarcijfers',
                ),
                migrations.DeleteModel(
                    name='Jaarstuk',
                ),
                migrations.DeleteModel(
                    name='Procedurestap',
                ),
                migrations.DeleteModel(
                    name='Raadsafspraak',
                ),
                migrations.DeleteModel(
                    name='Rapporteur',
                ),
                migrations.DeleteModel(
                    name='Vertegenwoordiger',
                ),
                migrations.DeleteModel(
                    name='Zienswijze',
                ),
            ],
            database_operations=[],
        ),
    ]
