# gukdae's stand-in for the part of Hugging Face `datasets` that lm-eval `process_docs` helpers
# use: a Dataset is a list of dict rows held in memory. Written for gukdae from the documented API;
# anything else raises an error that names the method, so a helper never gets a silent no-op.


class Dataset:
    def __init__(self, rows):
        self._rows = [dict(r) for r in rows]

    # construction and export
    @classmethod
    def from_list(cls, rows):
        return cls(rows)

    @classmethod
    def from_dict(cls, columns):
        names = list(columns)
        length = len(columns[names[0]]) if names else 0
        return cls([{n: columns[n][i] for n in names} for i in range(length)])

    def to_list(self):
        return [dict(r) for r in self._rows]

    def to_dict(self):
        return {n: [r.get(n) for r in self._rows] for n in self.column_names}

    # reading
    @property
    def column_names(self):
        names = []
        for row in self._rows:
            for name in row:
                if name not in names:
                    names.append(name)
        return names

    @property
    def num_rows(self):
        return len(self._rows)

    def __len__(self):
        return len(self._rows)

    def __iter__(self):
        return iter([dict(r) for r in self._rows])

    def __getitem__(self, key):
        if isinstance(key, str):
            return [r.get(key) for r in self._rows]
        if isinstance(key, slice):
            rows = self._rows[key]
            return {n: [r.get(n) for r in rows] for n in Dataset(rows).column_names}
        return dict(self._rows[key])

    def __repr__(self):
        return "Dataset(features=%r, num_rows=%d)" % (self.column_names, len(self._rows))

    # transforming: each returns a new Dataset, as `datasets` does
    def map(self, function=None, with_indices=False, input_columns=None, batched=False,
            batch_size=1000, remove_columns=None, fn_kwargs=None, **_ignored):
        if function is None:
            return Dataset(self._rows)
        kwargs = fn_kwargs or {}
        drop = _names(remove_columns)
        if batched:
            return self._map_batched(function, with_indices, input_columns, batch_size, drop, kwargs)
        out = []
        for i, row in enumerate(self._rows):
            args = _inputs(row, input_columns) + ([i] if with_indices else [])
            update = function(*args, **kwargs)
            new = {k: v for k, v in row.items() if k not in drop}
            if update is not None:
                new.update(update)
            out.append(new)
        return Dataset(out)

    def _map_batched(self, function, with_indices, input_columns, batch_size, drop, kwargs):
        out = []
        size = batch_size if batch_size and batch_size > 0 else max(len(self._rows), 1)
        for start in range(0, len(self._rows), size):
            rows = self._rows[start:start + size]
            batch = {n: [r.get(n) for r in rows] for n in Dataset(rows).column_names}
            args = _inputs(batch, input_columns)
            if with_indices:
                args.append(list(range(start, start + len(rows))))
            update = function(*args, **kwargs) or {}
            lengths = {len(v) for v in update.values()}
            if lengths and lengths != {len(rows)}:
                # a batch that changes the row count keeps only the returned columns
                length = lengths.pop()
                out += [{n: update[n][i] for n in update} for i in range(length)]
                continue
            for i, row in enumerate(rows):
                new = {k: v for k, v in row.items() if k not in drop}
                new.update({n: update[n][i] for n in update})
                out.append(new)
        return Dataset(out)

    def filter(self, function=None, with_indices=False, input_columns=None, batched=False,
               batch_size=1000, fn_kwargs=None, **_ignored):
        if function is None:
            return Dataset(self._rows)
        kwargs = fn_kwargs or {}
        if batched:
            keep = []
            size = batch_size if batch_size and batch_size > 0 else max(len(self._rows), 1)
            for start in range(0, len(self._rows), size):
                rows = self._rows[start:start + size]
                batch = {n: [r.get(n) for r in rows] for n in Dataset(rows).column_names}
                args = _inputs(batch, input_columns)
                if with_indices:
                    args.append(list(range(start, start + len(rows))))
                flags = function(*args, **kwargs)
                keep += [row for row, flag in zip(rows, flags) if flag]
            return Dataset(keep)
        keep = []
        for i, row in enumerate(self._rows):
            args = _inputs(row, input_columns) + ([i] if with_indices else [])
            if function(*args, **kwargs):
                keep.append(row)
        return Dataset(keep)

    def select(self, indices, **_ignored):
        return Dataset([self._rows[i] for i in indices])

    def rename_column(self, original_column_name, new_column_name, **_ignored):
        return self.rename_columns({original_column_name: new_column_name})

    def rename_columns(self, column_mapping, **_ignored):
        for old in column_mapping:
            if old not in self.column_names:
                raise ValueError("Dataset.rename_columns: no column %r" % old)
        return Dataset([{column_mapping.get(k, k): v for k, v in r.items()} for r in self._rows])

    def remove_columns(self, column_names, **_ignored):
        drop = _names(column_names)
        for name in drop:
            if name not in self.column_names:
                raise ValueError("Dataset.remove_columns: no column %r" % name)
        return Dataset([{k: v for k, v in r.items() if k not in drop} for r in self._rows])

    def select_columns(self, column_names, **_ignored):
        keep = _names(column_names)
        return Dataset([{k: v for k, v in r.items() if k in keep} for r in self._rows])

    def add_column(self, name, column, **_ignored):
        column = list(column)
        if len(column) != len(self._rows):
            raise ValueError("Dataset.add_column: %d values for %d rows" % (len(column), len(self)))
        return Dataset([dict(r, **{name: v}) for r, v in zip(self._rows, column)])

    def __getattr__(self, name):
        raise AttributeError(
            "Dataset.%s is not in gukdae's stand-in for the datasets library (it has map, filter,"
            " select, rename_column(s), remove_columns, select_columns, add_column, from_list,"
            " from_dict, to_list)" % name)


def _names(value):
    if value is None:
        return set()
    return {value} if isinstance(value, str) else set(value)


def _inputs(row_or_batch, input_columns):
    if input_columns is None:
        return [row_or_batch]
    names = [input_columns] if isinstance(input_columns, str) else list(input_columns)
    return [row_or_batch[n] for n in names]


def load_dataset(*_args, **_kwargs):
    raise RuntimeError(
        "load_dataset is not available to helpers in gukdae: the task's rows are handed to"
        " process_docs; read other files with the task's dataset_kwargs")


__all__ = ["Dataset", "load_dataset"]
