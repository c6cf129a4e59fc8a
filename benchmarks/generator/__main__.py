"""``python -m benchmarks.generator OUT --stories N --outlets M --seed S``."""

import sys

from .cli import main

sys.exit(main())
