"""Golden split indices for CrossValidationTest: scikit-learn's StratifiedKFold (with and without
shuffling), GroupKFold, LeaveOneGroupOut and LeavePGroupsOut on seeded labels and groups, including
unequal and equal group sizes, groups given out of order, and labels whose classes first appear out
of order. Run with Debian's python3-sklearn: python3 make_splits_golden.py"""
import json
import os

import numpy as np
import sklearn
from sklearn.model_selection import GroupKFold, LeaveOneGroupOut, LeavePGroupsOut, StratifiedKFold

rng = np.random.default_rng(20261202)
cases = []


def record(name, splitter, y, groups, params):
    splits = [{"train": tr.tolist(), "test": te.tolist()} for tr, te in splitter.split(np.zeros((len(y), 1)), y, groups)]
    cases.append({"protocol": name, "params": params, "y": [int(v) for v in y],
                  "groups": None if groups is None else [int(g) for g in groups], "splits": splits})


for n, classes, folds in [(40, 2, 5), (37, 3, 4), (53, 4, 3)]:
    y = rng.integers(0, classes, n)
    y[0] = classes - 1  # the last class first: the fold allocation follows first appearance
    record("stratified-k-fold", StratifiedKFold(folds), y, None, {"folds": folds, "shuffle": False, "seed": 0})
    for seed in (0, 42):
        record("stratified-k-fold", StratifiedKFold(folds, shuffle=True, random_state=seed), y, None,
               {"folds": folds, "shuffle": True, "seed": seed})

for sizes, folds in [([9, 4, 7, 7, 3, 12, 5], 3), ([6] * 12, 4), ([5, 8, 8, 2, 8, 11], 2)]:
    groups = np.repeat(np.arange(len(sizes)), sizes)
    order = rng.permutation(len(groups))  # trials of a group need not be contiguous
    groups = groups[order] + 1  # runs numbered from 1
    y = rng.integers(0, 3, len(groups))
    record("group-k-fold", GroupKFold(folds), y, groups, {"folds": folds})
    record("leave-one-group-out", LeaveOneGroupOut(), y, groups, {})
    record("leave-p-groups-out", LeavePGroupsOut(2), y, groups, {"p": 2})

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "splits_golden.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}, f)
