"""Engine, configuration, suppression and output-format tests."""
