import sys

from .cli import main

if __name__ == "__main__":  # a worker process (spawn) imports this module again: it must not run the tool
    sys.exit(main())
