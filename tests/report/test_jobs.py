"""The bundled ledger does not depend on where claims are decided: worker processes or this process."""

from symcond.ledger.run import load_papers, verify


def test_worker_ledger_equals_in_process_ledger(bundled_ledger):
    """dasgreen2003 decided in this process (jobs=0) gives the same outcomes as the session's worker-pool run."""
    papers = load_papers()
    in_process = verify(papers, only=["dasgreen2003:"], jobs=0)
    pooled = [(e.claim.id, e.outcome) for e in bundled_ledger.entries if e.paper.key == "dasgreen2003"]
    assert [(e.claim.id, e.outcome) for e in in_process.entries] == pooled
    [paper] = [p for p in papers if p.key == "dasgreen2003"]
    assert len(pooled) == len(paper.claims) > 40
