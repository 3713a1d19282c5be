"""Placeholder: replaced by the MkDocs adapter of handbook_verify."""
