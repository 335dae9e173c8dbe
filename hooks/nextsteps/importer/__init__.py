"""nextsteps import: an article becomes draft step pages."""
