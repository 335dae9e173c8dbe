"""A new guide in one command: ``nextsteps new DIR`` (see ``command``)."""
