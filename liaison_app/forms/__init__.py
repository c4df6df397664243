"""Printable forms: a small layout toolkit plus one module per form. Imports no Qt.

Each form module has ``FORM_ID``, ``TITLE`` and ``build(data, *, out, ...)``, taking the plain
dataclasses of ``liaison_app.forms.data``. ``registry`` lists them all.
"""
