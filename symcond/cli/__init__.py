"""The command line: one module per subcommand (`main` builds the parser).  Only this package prints or exits."""
