"""Protecting the personal data on a laptop that can be lost: keys, encryption, unlocking.

``crypto`` holds the primitives, ``keystore`` the file of wrapped keys, ``session`` which data
folder this process has unlocked, ``conversion`` the one-time encryption of an older plain
data folder and ``wipe`` the removal of a lost or retired laptop's data. No Qt here.
"""
