"""``python -m symcond``."""

import sys

from symcond.cli import main

sys.exit(main())
