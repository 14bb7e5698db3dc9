"""Immutable records that are quick to build.

The tagger builds tens of thousands of small immutable records per megabyte of text. A
``dataclass(frozen=True)`` stores each field through ``object.__setattr__``, one call per field,
which makes building a record of ten fields several times slower than building a mutable one.
:func:`frozen` makes the same class, with ``__slots__``, the same fields, defaults, equality,
hash, ``repr``, pickling and ``dataclasses.replace``, and setting an attribute afterwards still
raises ``FrozenInstanceError``; only its ``__init__`` differs: it stores each field through
that field's slot directly.
"""

from __future__ import annotations

import sys
from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from typing import TYPE_CHECKING, Any, TypeVar

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
elif TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:
    # Python 3.10 has no ``dataclass_transform``; it only tells type checkers (which read the
    # branch above) that :func:`frozen` makes dataclasses, so at run time it can do nothing.
    def dataclass_transform(**_: Any) -> Any:
        return lambda decorator: decorator


T = TypeVar("T")


@dataclass_transform(frozen_default=True)
def frozen(cls: type[T]) -> type[T]:
    """``dataclass(frozen=True, slots=True)`` with an ``__init__`` that does not go through the
    frozen ``__setattr__``. Fields with a ``default_factory``, fields left out of ``__init__``
    and a ``__post_init__`` are not supported (none of the records needs them)."""
    made = dataclass(frozen=True, slots=True)(cls)
    # The same class, read and given methods below in ways a type checker cannot follow.
    remade: Any = made
    if hasattr(made, "__post_init__"):
        raise TypeError(f"frozen: {cls.__name__}.__post_init__ is not supported")
    params: list[str] = []
    stores: list[str] = []
    namespace: dict[str, Any] = {}
    for f in fields(remade):
        if f.default_factory is not MISSING or not f.init or f.name == "self":
            raise TypeError(f"frozen: field {cls.__name__}.{f.name} is not supported")
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        namespace[f"_store_{f.name}"] = remade.__dict__[f.name].__set__  # the slot's own setter
        stores.append(f"_store_{f.name}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n    {'; '.join(stores) or 'pass'}\n"
    exec(source, namespace)  # the way ``dataclasses`` writes its own ``__init__``
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    remade.__init__ = init
    # The class ``dataclass`` remakes with slots keeps a ``__setattr__`` written for the class
    # before, which fails with a confusing TypeError on a name that is not a field.
    remade.__setattr__ = _refuse_set
    remade.__delattr__ = _refuse_delete
    return made


def _refuse_set(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_delete(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")
