"""The analyst's view: a REST API over a flashpoint store and the web dashboard served with it.

``create_app(db)`` builds the FastAPI application; ``serve(db)`` runs it (``flashpoint serve``).
"""

from flashpoint.api.app import create_app, serve

__all__ = ["create_app", "serve"]
