"""Database access: engines, migrations, the unit of work and the change log."""
