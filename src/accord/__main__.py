"""`python -m accord` runs the CLI."""

from accord.cli.app import main

main()
