# Collab.py: a pythonic face for libcollab, installed into gi/overrides
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Small on purpose: everything that decides anything is in C, where C,
# Python and JavaScript share it. Here are only the Python habits:
# constructors that load, iteration, dicts, exceptions, and DataFrames.

import json

from ..module import get_introspection_module
from ..overrides import override

Collab = get_introspection_module('Collab')

__all__ = []


def _node_to_python(node):
    """A Json.Node as plain Python values (dict, list, str, int…)."""
    if node is None:
        return None
    from gi.repository import Json
    return json.loads(Json.to_string(node, False))


class Record(Collab.Record):
    """One record; members read like a dict: ``pairing['assisted']``."""

    def to_dict(self):
        return _node_to_python(self.to_json())

    def __getitem__(self, field):
        value = self.to_dict()
        if field not in value:
            raise KeyError(field)
        return value[field]

    def get(self, field, default=None):
        return self.to_dict().get(field, default)

    def __contains__(self, field):
        return self.has_field(field)

    def __repr__(self):
        kind = self.get_kind().value_nick
        return f'<Collab.Record {kind} {self.get_id()!r}>'


Record = override(Record)
__all__.append('Record')


class Dataset(Collab.Dataset):
    """All the records of one or more programs.

    ``Collab.Dataset('wuxi-2021.json')`` loads a document; a load error
    raises ``GLib.Error`` whose message names the file and the line and
    column or the JSON path.
    """

    def __init__(self, path=None, **kwargs):
        super().__init__(**kwargs)
        if path is not None:
            self.load_from_file(str(path))

    @classmethod
    def load(cls, path):
        return cls(path)

    def records(self, kind):
        """Iterates the records of one kind, made one at a time."""
        for position in range(self.get_n_records(kind)):
            yield self.get_record(kind, position)

    def __getitem__(self, key):
        kind, record_id = key
        record = self.lookup(kind, record_id)
        if record is None:
            raise KeyError(key)
        return record

    def check(self, ruleset=None, interpretation=None, as_of=None):
        """Runs the rules; returns the findings as a list."""
        checker = Collab.Checker.new()
        if ruleset is not None:
            if isinstance(ruleset, str):
                ruleset = Collab.Ruleset.new_builtin(ruleset)
            checker.set_ruleset(ruleset)
        if interpretation is not None:
            if isinstance(interpretation, str):
                interpretation = getattr(Collab.Interpretation, interpretation.upper())
            checker.set_interpretation(interpretation)
        if as_of is not None:
            checker.set_as_of(Collab.day_parse(str(as_of))[1])
        return list(checker.run(self))


Dataset = override(Dataset)
__all__.append('Dataset')


class Finding(Collab.Finding):
    """What a check found; ``finding.to_dict()`` is its JSON form."""

    def to_dict(self):
        return _node_to_python(self.to_json())

    @property
    def subject(self):
        return self.to_dict()['subject']

    def __repr__(self):
        return f'<Collab.Finding {self.get_rule()} {self.subject}>'


Finding = override(Finding)
__all__.append('Finding')
