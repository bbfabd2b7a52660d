"""The code of the package's regular expressions, precompiled by each CPython version (tfdind_lint/lazy_re.py)."""
