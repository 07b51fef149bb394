"""``python -m numcheck`` runs the CLI."""

from numcheck.cli import main

if __name__ == "__main__":
    main()
