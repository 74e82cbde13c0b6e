"""The command line: thin Typer commands over the Python API, printed with Rich."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


def _register_optional() -> None:
    """Commands of stages that live in their own packages (the store) register themselves."""
    try:
        from communique.store.commands import register
    except ImportError:
        return
    register(app)


_register_optional()
