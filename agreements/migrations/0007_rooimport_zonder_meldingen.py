"""A ROO import with nothing to report passes validation: ``meldingen`` may be empty, as the
import itself writes it. No change to the database."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0006_grip_naar_eigen_app'),
    ]

    operations = [
        migrations.AlterField(
            model_name='rooimport',
            name='meldingen',
            field=models.JSONField(blank=True, default=list, help_text='Wat is overgeslagen of opgevallen, en waarom.', verbose_name='meldingen'),
        ),
    ]
