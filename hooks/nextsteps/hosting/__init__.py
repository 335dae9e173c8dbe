"""Security headers for the built site: a ``_headers`` file and an nginx example."""

from .headers import (
    EMBED_POLICY,
    HEADERS_FILE,
    NGINX_EXAMPLE,
    SHARED_HEADERS,
    SITE_POLICY,
    frameable,
    headers_file,
    nginx_conf,
    policy_for,
)

__all__ = ["EMBED_POLICY", "HEADERS_FILE", "NGINX_EXAMPLE", "SHARED_HEADERS", "SITE_POLICY", "frameable", "headers_file", "nginx_conf", "policy_for"]
