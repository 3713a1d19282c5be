"""Placeholder: generated study pages (cheat sheets, printable modules) are being built."""
