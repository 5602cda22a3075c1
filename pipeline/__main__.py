"""`python -m pipeline build|publish|validate`: see pipeline.cli."""

from pipeline.cli import main

raise SystemExit(main())
