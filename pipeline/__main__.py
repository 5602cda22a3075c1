"""`python -m pipeline build|publish|validate`: see pipeline.cli.main."""

from pipeline.cli.main import main

raise SystemExit(main())
