"""The domain: models, services, validation and search. Imports no Qt."""
