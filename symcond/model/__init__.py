"""What a paper says, as data: the paper, its claims and derivations, the context they are decided in, verdicts."""
