"""``python -m numcheck`` runs the CLI."""

from numcheck.cli import main

main()
