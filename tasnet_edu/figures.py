"""Old spelling of ``python -m tasnet_edu.cli.figures``, kept so earlier commands still work."""

from .cli.figures import main

if __name__ == "__main__":
    main()
