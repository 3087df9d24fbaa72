"""evaluate: gold loading, matching, scores, and the gate with pinned floors."""
