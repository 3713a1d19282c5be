"""The site side of the handbook: pages generated from the handbook's Markdown, and what makes
rebuilding them fast. Independent of the verification engine (`handbook_verify`); the MkDocs hooks
in hooks/ are thin adapters over it."""
