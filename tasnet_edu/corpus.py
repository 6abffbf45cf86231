"""Old spelling of ``python -m tasnet_edu.cli.corpus``, kept so earlier commands still work."""

from .cli.corpus import main

if __name__ == "__main__":
    main()
