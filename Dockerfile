FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DEBUG=false
WORKDIR /app

COPY pyproject.toml README.md ./
COPY registry registry
COPY agreements agreements
COPY municipalities municipalities
RUN pip install --no-cache-dir .

COPY . .
RUN DEBUG=false SECRET_KEY=build python manage.py collectstatic --noinput

RUN useradd --system --uid 1000 register && chown -R register /app
USER register
EXPOSE 8000
# Workers, threads and timeouts: gunicorn.conf.py (threaded workers; exports stream and do not
# depend on the timeout). WEB_CONCURRENCY sets the number of workers.
CMD ["gunicorn", "registry.wsgi"]
