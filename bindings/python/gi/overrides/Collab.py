# Collab.py: a pythonic face for libcollab, installed into gi/overrides
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Small on purpose: everything that decides anything is in C, where C,
# Python and JavaScript share it. Here are only the Python habits:
# constructors that load, iteration, dicts, exceptions, and DataFrames.

import functools
import json
import re

from gi.repository import GLib

from ..module import get_introspection_module
from ..overrides import override

Collab = get_introspection_module('Collab')

__all__ = []


class LoadError(GLib.Error):
    """A document that cannot be loaded: a ``GLib.Error`` that also says where.

    ``file``, ``line`` and ``column`` (or ``None``) and ``path``, the JSON
    path such as ``$.pairings[3].assisted`` (or ``None``), are read from the
    message the library wrote, which always names the place first.
    """

    _SYNTAX = re.compile(r'^(?P<file>.*?):(?P<line>\d+):(?P<column>\d+): ')
    _PATH = re.compile(r'^(?P<file>.*?): (?P<path>\$\S*): ')
    _AT = re.compile(r'\(line (?P<line>\d+), column (?P<column>\d+)\)$')

    def __init__(self, error):
        super().__init__(error.message, error.domain, error.code)
        self.file = self.line = self.column = self.path = None
        match = self._SYNTAX.match(error.message) or self._PATH.match(error.message)
        if match:
            self.file = match.group('file')
            self.path = match.groupdict().get('path')
            at = match if 'line' in match.groupdict() else self._AT.search(error.message)
            if at:
                self.line, self.column = int(at.group('line')), int(at.group('column'))


__all__.append('LoadError')


def _raises_load_error(method):
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except GLib.Error as error:
            if isinstance(error, LoadError):
                raise
            raise LoadError(error) from None
    return wrapper


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

    load_from_file = _raises_load_error(Collab.Dataset.load_from_file)
    load_from_data = _raises_load_error(Collab.Dataset.load_from_data)
    merge_from_file = _raises_load_error(Collab.Dataset.merge_from_file)
    merge_from_data = _raises_load_error(Collab.Dataset.merge_from_data)
    add = _raises_load_error(Collab.Dataset.add)
    if hasattr(Collab.Dataset, 'import_csv'):
        import_csv = _raises_load_error(Collab.Dataset.import_csv)
        import_csv_data = _raises_load_error(Collab.Dataset.import_csv_data)

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

    @staticmethod
    def _checker(ruleset, interpretation, as_of):
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
        return checker

    def check(self, ruleset=None, interpretation=None, as_of=None):
        """Runs the rules; returns the findings as a list.

        ``ruleset`` is a shipped id or a ``Collab.Ruleset``;
        ``interpretation`` 'nested', 'cumulative' or 'banded';
        ``as_of`` a date such as '2023-12-31'."""
        return list(self._checker(ruleset, interpretation, as_of).run(self))

    def plan(self, program=None, year=0, ruleset=None, interpretation=None, as_of=None):
        """The 666 shortfall plan of every pairing-year, as a DataFrame.

        Takes the options of ``check``; ``program`` and ``year`` narrow it."""
        checker = self._checker(ruleset, interpretation, as_of)
        return checker.plan(self, program, year).to_pandas()

    def to_pandas(self, kind):
        """The records of one kind as a pandas DataFrame, in one call.

        ``kind`` is a ``Collab.RecordKind`` or its name in the document
        (``'dispatches'``) or its nick (``'dispatch'``). The columns are
        those of ``Dataset.to_table()``: categoricals for text, enums and
        references, datetime64 for dates, int64 fen for amounts.
        """
        return self.to_table(_record_kind(kind)).to_pandas()


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


# Tables: numpy and pandas over the columns C exports, never a loop over
# rows. numpy and pandas are imported only when a DataFrame is asked for.

def _record_kind(kind):
    if isinstance(kind, str):
        found, value = Collab.RecordKind.from_name(kind)
        if not found:
            raise ValueError(f'no record kind is called {kind!r}')
        return value
    return kind


# The Collab.Day of 1970-01-01, where numpy's datetime64 counts from.
_UNIX_EPOCH_DAY = 719163


def _array(data, dtype):
    """A writable numpy array over a GLib.Bytes (a copy, no loop)."""
    import numpy
    return numpy.frombuffer(bytearray(data.get_data() or b''), dtype=dtype)


class Table(Collab.Table):
    """Named, typed columns; ``table.to_pandas()`` makes a DataFrame."""

    def __len__(self):
        return self.get_n_rows()

    def column_names(self):
        return [self.get_column_name(i) for i in range(self.get_n_columns())]

    def _column_to_pandas(self, i):
        import numpy
        import pandas
        kind = self.get_column_type(i)
        if kind == Collab.ColumnType.STRING:
            # Codes -1 are missing cells, as pandas has it.
            return pandas.Categorical.from_codes(
                _array(self.get_column_codes(i), numpy.int32),
                categories=self.get_column_categories(i))
        if kind == Collab.ColumnType.DAY:
            # Collab.Day numbers (0001-01-01 is 1, as date.toordinal()),
            # 0 where missing; numpy counts from 1970-01-01, day 719163.
            # astype() copies: no writable copy of the bytes is needed.
            days = numpy.frombuffer(self.get_column_data(i).get_data() or b'', dtype=numpy.uint32)
            values = (days.astype('int64') - _UNIX_EPOCH_DAY).view('datetime64[D]')
            values[days == 0] = numpy.datetime64('NaT')
            return values
        values = _array(self.get_column_data(i), numpy.int64)
        validity = self.get_column_validity(i)
        if kind == Collab.ColumnType.BOOL:
            values = values.astype(bool)
            if validity is None:
                return values
            return pandas.arrays.BooleanArray(values, _array(validity, numpy.uint8) == 0)
        if validity is None:
            return values
        return pandas.arrays.IntegerArray(values, _array(validity, numpy.uint8) == 0)

    def to_pandas(self):
        """The table as a pandas DataFrame.

        Strings become categoricals, days ``datetime64`` (``NaT`` where
        missing), amounts int64 fen, and number and boolean columns with
        missing cells pandas' nullable ``Int64`` and ``boolean``.
        """
        import pandas
        n_columns = self.get_n_columns()
        frame = pandas.DataFrame(
            {i: self._column_to_pandas(i) for i in range(n_columns)},
            index=pandas.RangeIndex(self.get_n_rows()))
        # By position first: a table may repeat a name, a dict may not.
        frame.columns = self.column_names()
        return frame


Table = override(Table)
__all__.append('Table')


def findings_to_pandas(findings):
    """Findings (as ``Dataset.check()`` gives them) as a pandas DataFrame:
    rule, severity, message, one column per subject key, expected, actual
    and remedy; see ``Collab.findings_to_table()``."""
    return Collab.findings_to_table(list(findings)).to_pandas()


__all__.append('findings_to_pandas')
