"""One module per rule kind; importing this package registers them all."""
