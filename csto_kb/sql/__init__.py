"""The read queries: defined in SQLAlchemy Core, compiled per dialect ahead of time, run on a DB-API connection."""
