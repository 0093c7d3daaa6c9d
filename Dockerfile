FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DEBUG=false
WORKDIR /app

COPY pyproject.toml README.md ./
COPY registry registry
COPY agreements agreements
COPY municipalities municipalities
RUN pip install --no-cache-dir .

COPY . .
RUN SECRET_KEY=build python manage.py collectstatic --noinput

RUN useradd --system --uid 1000 register && chown -R register /app
USER register
EXPOSE 8000
CMD ["gunicorn", "-c", "gunicorn.conf.py", "registry.wsgi"]
