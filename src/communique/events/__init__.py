"""Event coding: triggers, the sides of each event, modes, contexts, CAMEO codes and scores."""
