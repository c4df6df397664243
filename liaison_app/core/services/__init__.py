"""Use cases over the models: what the GUI and the CLI both call."""
