"""HCL native syntax: the scanner (``scanner.py``) and the parser that builds our positioned tree (``parser.py``)."""
