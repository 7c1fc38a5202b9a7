"""Settings checked against their annotations: a parameter file's value made the setting's type
(lists become tuples) or refused with one line naming the setting and what it must be."""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any


class SettingTypeError(ValueError):
    """A setting's value is not of the setting's type."""


@cache
def hints(section: type) -> dict[str, Any]:
    """Each setting's annotation; unchecked (Any) if the annotations cannot be resolved."""
    try:
        return typing.get_type_hints(section)
    except (NameError, TypeError, AttributeError):
        return {f.name: Any for f in dataclasses.fields(section)}


_NOUNS = {bool: "true/false value", int: "integer", float: "number", str: "string", Path: "path"}


def _noun(hint: Any, plural: bool = False) -> str:
    """A type annotation as a noun: int -> "integer", tuple[str, ...] -> "list of strings"."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    suffix = "s" if plural else ""
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_noun(a, plural) for a in args if a is not type(None))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return f"list{suffix} of {_noun(args[0], True)}"
    if origin is tuple:
        kind = "pair" if len(args) == 2 else f"list{suffix} of {len(args)}"
        return f"{kind}{suffix if len(args) == 2 else ''} ({', '.join(_noun(a) for a in args)})"
    if origin is dict:
        return f"mapping{suffix} of {_noun(args[0], True)} to {_noun(args[1], True)}"
    return _NOUNS.get(hint, getattr(hint, "__name__", str(hint))) + suffix


def _describe(hint: Any) -> str:
    """A type annotation in words: "an integer", "a list of strings", "true or false"."""
    if hint is bool:
        return "true or false"
    noun = _noun(hint)
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def typed(value: Any, hint: Any, name: str) -> Any:
    """`value` checked against the annotation `hint` (lists made tuples), or SettingTypeError."""

    def fail() -> typing.NoReturn:
        raise SettingTypeError(f"setting {name} must be {_describe(hint)}, got {value!r}")

    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        for option in args:
            try:
                return typed(value, option, name)
            except SettingTypeError:
                continue
        fail()
    if origin is tuple:
        if not isinstance(value, list | tuple):
            fail()
        inner = [args[0]] * len(value) if len(args) == 2 and args[1] is Ellipsis else args
        if len(inner) != len(value):
            fail()
        pairs = enumerate(zip(value, inner, strict=True))
        return tuple(typed(v, h, f"{name}[{i}]") for i, (v, h) in pairs)
    if origin is dict:
        if not isinstance(value, dict):
            fail()
        return {
            typed(k, args[0], f"{name} key"): typed(v, args[1], f"{name}.{k}")
            for k, v in value.items()
        }
    if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) if isinstance(value, int) else value
    if hint is Path and isinstance(value, str):
        return Path(value)
    if hint is Any:
        return value
    if isinstance(hint, type) and (
        not isinstance(value, hint) or (hint is int and isinstance(value, bool))
    ):
        fail()
    return value


def check_patterns(patterns: tuple[str, ...], name: str) -> None:
    """Every entry of a `*_patterns` setting must be a regular expression."""
    for i, pattern in enumerate(patterns):
        try:
            re.compile(pattern)
        except re.error as err:
            raise SettingTypeError(
                f"setting {name}[{i}] must be a regular expression, got {pattern!r} ({err})"
            ) from None
