from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

admin.site.site_header = "Samenwerkingsregister — beheer"
admin.site.site_title = "Samenwerkingsregister"
admin.site.index_title = "Beheer van gemeenten, partners en regelingen"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
]
