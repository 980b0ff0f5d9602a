# Collab.py: a pythonic face for libcollab, installed into gi/overrides
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Small on purpose: everything that decides anything is in C, where C,
# Python and JavaScript share it. Here are only the Python habits:
# constructors that load, iteration, dicts, exceptions, and DataFrames.

import functools
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
    message the library wrote, which always names the place first; for a
    workbook, ``sheet`` and ``cell`` (``派出人员``, ``D7``). ``record_id`` is
    the id of the record the path is in, as the message names it beside
    the path (``$.pairings[3] (p-jy-yc).assisted``): cut after 64
    characters with "…", or ``None`` when the message names none.
    """

    _SYNTAX = re.compile(r'^(?P<file>.*?):(?P<line>\d+):(?P<column>\d+): ')
    _PATH = re.compile(r'^(?P<file>.*?): (?P<path>\$\S*?)'
                       r'(?: \((?P<record_id>.*?)\)(?P<member>(?:[.\[]\S*?)?))?: ')
    _AT = re.compile(r'\(line (?P<line>\d+), column (?P<column>\d+)\)$')
    _CELL = re.compile(r'^(?P<file>.*?):(?P<sheet>[^:!]+)!(?P<cell>[A-Z]+\d+): ')

    def __init__(self, error):
        super().__init__(error.message, error.domain, error.code)
        self.file = self.line = self.column = self.path = self.sheet = self.cell = None
        self.record_id = None
        cell = self._CELL.match(error.message)
        if cell:
            self.file, self.sheet, self.cell = cell.group('file', 'sheet', 'cell')
        match = self._SYNTAX.match(error.message) or self._PATH.match(error.message)
        if match:
            self.file = match.group('file')
            self.path = match.groupdict().get('path')
            self.record_id = match.groupdict().get('record_id')
            if self.record_id is not None:
                self.path += match.group('member')
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


def _unpack(value):
    """A GLib.Variant as plain Python values (dict, list, str, int…), or None."""
    return value.unpack() if value is not None else None


class Record(Collab.Record):
    """One record; members read like a dict: ``pairing['assisted']``."""

    def to_dict(self):
        """The members as the dataset document has them; amounts stay
        exact strings of yuan (``'19200000.00'``)."""
        return self.to_variant().unpack()

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


def _years(years):
    """A ``Collab.YearRange`` from what a Python caller writes: ``None``
    (every year), a year (``2023``), a pair or a range
    (``(2016, 2020)``, ``range(2016, 2021)``), or a ``Collab.YearRange``."""
    if years is None or isinstance(years, Collab.YearRange):
        return years
    if isinstance(years, int):
        return Collab.YearRange.new(years, years)
    if isinstance(years, range):
        return Collab.YearRange.new(years.start, years.stop - 1)
    first, last = years
    return Collab.YearRange.new(first, last)


def _levels(levels):
    """``Collab.PairingLevels`` from ``None`` (every level), a level (a
    ``Collab.PairingLevel`` or its word, ``'county'``), flags, or a list of
    those."""
    if levels is None:
        return Collab.PairingLevels.ALL
    if isinstance(levels, Collab.PairingLevels):
        return levels
    if isinstance(levels, (list, tuple, set)):
        result = Collab.PairingLevels(0)
        for level in levels:
            result |= _levels(level)
        return result
    if isinstance(levels, str):
        levels = getattr(Collab.PairingLevel, levels.upper())
    return Collab.PairingLevels(1 << int(levels))


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
    if hasattr(Collab.Dataset, 'import_xlsx'):
        import_xlsx = _raises_load_error(Collab.Dataset.import_xlsx)
        import_xlsx_data = _raises_load_error(Collab.Dataset.import_xlsx_data)

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

    # Years and levels as a Python caller writes them (see _years and
    # _levels); everything else is the C method's.

    def get_pairings(self, program=None, levels=None, years=None):
        """The pairings of ``program`` (or every program) at ``levels``,
        active in ``years``: ``ds.get_pairings('wuxi-2021', 'county', 2023)``."""
        return Collab.Dataset.get_pairings(self, program, _levels(levels), _years(years))

    def get_partners(self, unit, years=None):
        return Collab.Dataset.get_partners(self, unit, _years(years))

    def get_scorecard(self, findings=None, program=None, years=None, period=False):
        """The scorecard: one row per program and year of ``years``, or with
        ``period=True`` one row per program for the whole of ``years``
        (``get_scorecard_for_period``: distinct people counted once over
        the period, columns ``first_year`` and ``last_year``)."""
        if period:
            return self.get_scorecard_for_period(findings, program, years)
        return Collab.Dataset.get_scorecard(self, list(findings) if findings is not None else None,
                                            program, _years(years))

    def get_scorecard_for_period(self, findings=None, program=None, years=None):
        return Collab.Dataset.get_scorecard_for_period(self, list(findings) if findings is not None else None,
                                                       program, _years(years))

    def get_fund_totals(self, boundary, years=None):
        return Collab.Dataset.get_fund_totals(self, boundary, _years(years))

    def aggregate_funds(self, boundary, years=None):
        return Collab.Dataset.aggregate_funds(self, boundary, _years(years))

    def trace_funds(self, program=None, years=None):
        return Collab.Dataset.trace_funds(self, program, _years(years))

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

    def plan(self, program=None, years=None, ruleset=None, interpretation=None, as_of=None):
        """The 666 shortfall plan of every pairing-year, as a DataFrame.

        Takes the options of ``check``; ``program`` and ``years`` (a year,
        or a pair) narrow it."""
        checker = self._checker(ruleset, interpretation, as_of)
        return checker.plan(self, program, years).to_pandas()

    def match(self, program=None, as_of=None):
        """Proposed placements of waiting workers into open job offers
        (人岗匹配), as a ``Collab.Match``: ``.placed``, ``.priority_placed``,
        ``.rank_sum`` and ``.to_pandas()``, one row per placement.

        ``program`` narrows it to a program's workers and offers;
        ``as_of`` is the day, a ``datetime.date`` or '2023-03-01'
        (default: today), as for ``check``."""
        day = Collab.day_parse(str(as_of))[1] if as_of is not None else 0
        return Collab.Dataset.match(self, program, day)

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
    """What a check found; ``finding.to_dict()`` has the members of its
    JSON form as Python values."""

    def to_dict(self):
        result = {
            'rule': self.get_rule(),
            'severity': self.get_severity().value_nick,
            'subject': self.subject,
            'expected': self.expected,
            'actual': self.actual,
            'message': self.get_message(),
        }
        if self.get_remedy() is not None:
            result['remedy'] = self.remedy
        return result

    @property
    def subject(self):
        """The subject as a dict: ``{'program': 'wuxi-2021', 'county': 'pingan', 'year': 2021}``."""
        return self.get_subject().unpack()

    @property
    def expected(self):
        return _unpack(self.get_expected())

    @property
    def actual(self):
        return _unpack(self.get_actual())

    @property
    def remedy(self):
        return _unpack(self.get_remedy())

    def __repr__(self):
        return f'<Collab.Finding {self.get_rule()} {self.subject}>'


Finding = override(Finding)
__all__.append('Finding')


class Match(Collab.Match):
    """A proposed matching; its figures read as attributes, its rows as a
    DataFrame."""

    placed = property(Collab.Match.get_placed)
    priority_placed = property(Collab.Match.get_priority_placed)
    rank_sum = property(Collab.Match.get_rank_sum)

    def to_pandas(self):
        """The rows (worker, offer, employer, job_type, rank, priority) as
        a pandas DataFrame."""
        return self.get_table().to_pandas()

    def __len__(self):
        return self.get_placed()

    def __repr__(self):
        return (f'<Collab.Match {self.get_placed()} placed, {self.get_priority_placed()} priority, '
                f'rank sum {self.get_rank_sum()}>')


Match = override(Match)
__all__.append('Match')


class Checker(Collab.Checker):
    """Runs rule sets over datasets; ``plan()`` takes years as Python does."""

    def plan(self, dataset, program=None, years=None):
        return Collab.Checker.plan(self, dataset, program, _years(years))


Checker = override(Checker)
__all__.append('Checker')


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
    and remedy; see ``Collab.Table.new_from_findings()``."""
    return Collab.Table.new_from_findings(list(findings)).to_pandas()


__all__.append('findings_to_pandas')
