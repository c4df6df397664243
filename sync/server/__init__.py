"""The central sync server: a FastAPI app over its own peewee models (SQLite or PostgreSQL)."""
