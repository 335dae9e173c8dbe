"""Security headers for the built site: a ``_headers`` file and an nginx example."""

from .headers import (
    CORS_HEADERS,
    EMBED_POLICY,
    HEADERS_FILE,
    HSTS_MAX_AGE,
    NGINX_EXAMPLE,
    OPEN_DATA_DIRS,
    SHARED_HEADERS,
    SITE_POLICY,
    frameable,
    headers_file,
    nginx_conf,
    open_data,
    policy_for,
)

__all__ = [
    "CORS_HEADERS",
    "EMBED_POLICY",
    "HEADERS_FILE",
    "HSTS_MAX_AGE",
    "NGINX_EXAMPLE",
    "OPEN_DATA_DIRS",
    "SHARED_HEADERS",
    "SITE_POLICY",
    "frameable",
    "headers_file",
    "nginx_conf",
    "open_data",
    "policy_for",
]
