"""Running papers: load derivation files, decide every claim in worker processes with hard budgets, the ledger."""
