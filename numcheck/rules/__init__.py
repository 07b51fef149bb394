"""Rule kinds (Python), rule packs (YAML), and the loader that joins them."""
