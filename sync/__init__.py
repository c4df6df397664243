"""Sync: the wire protocol, the client's sync engine and the central server. No Qt here."""
