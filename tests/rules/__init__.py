"""Rule fixtures: tests/rules/*.yml cases run through the full pipeline."""
