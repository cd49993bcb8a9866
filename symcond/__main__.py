"""``python -m symcond``."""

import sys

from symcond.cli.main import main

sys.exit(main())
