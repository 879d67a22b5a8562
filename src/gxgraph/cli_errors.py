"""The one way every ``gxgraph`` command reports a failure: ``error (<code>): <message>`` on stderr,
then the error body the HTTP API would answer with (its details carry files and line numbers), and
exit code 2. Commands raise; :class:`ReportErrors` catches at the top, so none prints a traceback."""

from __future__ import annotations

import json
from typing import Any

import typer
from pydantic import ValidationError
from typer.core import TyperGroup

from gxgraph.errors import GxGraphError, InvalidInput, validation_details

__all__ = ["ReportErrors", "report"]


def report(code: str, message: str, body: dict[str, Any]) -> typer.Exit:
    """Print one failure and return the exit to raise."""
    typer.echo(f"error ({code}): {message}", err=True)
    typer.echo(json.dumps(body, ensure_ascii=False, indent=2), err=True)
    return typer.Exit(code=2)


class ReportErrors(TyperGroup):
    """A command group whose commands (and sub-groups' commands) fail through :func:`report`."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except GxGraphError as exc:
            body = exc.to_body()
            raise report(body["error"]["code"], exc.message, body) from exc
        except ValidationError as exc:  # a model checked the command's input, as the API's edge does
            details = validation_details(exc.errors(include_url=False))
            error = InvalidInput("the input does not match the schema", details)
            raise report(error.code, error.message, error.to_body()) from exc
        except OSError as exc:
            # A file the user named cannot be read or written: their input, not a bug.
            message = f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc)
            details = [{"file": str(exc.filename), "msg": exc.strerror}] if exc.filename else []
            raise report(
                "file_error",
                message,
                {"error": {"code": "file_error", "message": message, "details": details}},
            ) from exc
