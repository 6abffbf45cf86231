"""The document's code, verbatim: the reference the course reproduces (see ``document_encoder``)."""
