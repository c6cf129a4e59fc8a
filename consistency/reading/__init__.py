"""Reading input: finding files, one reader per format, furniture, sidecars, positions."""
