"""MkDocs adapters: thin layers between MkDocs' events and the engine (handbook_verify) or the page
generators (handbook_site). The rest of handbook_site does not import MkDocs."""
