"""Old spelling of ``python -m tasnet_edu.cli.train``, kept so earlier commands still work."""

from .cli.train import main

if __name__ == "__main__":
    main()
