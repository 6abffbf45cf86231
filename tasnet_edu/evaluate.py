"""Old spelling of ``python -m tasnet_edu.cli.evaluate``, kept so earlier commands still work."""

from .cli.evaluate import main

if __name__ == "__main__":
    main()
