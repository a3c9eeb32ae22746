#!/usr/bin/python3
"""The least NDCG@10 that two-group exposure parity can cost on a model's scores.

Reads one model exported by bench/fair.sh (files in DIR):
  items.txt  item_id|[factors]|group     (two groups)
  users.txt  user_id|[factors]|{seen ids}
  test.txt   user_id|item_id|rating      (relevant: rating >= 4)
and ranks every user's unseen items by score + b for items of the group the
plain lists under-expose.  Exposure and DCG discount rank r by the same
1/log2(r+1), so for each b these lists maximize the sum of the users' DCG
in score units given the exposure the group receives (sorting is optimal by
the rearrangement inequality; b is the Lagrange multiplier of the exposure
constraint).  A bisection on b finds the smallest boost that brings the
disparity (docs/design.md, "Definitions"; target equal) down to each level.  Nothing in
recfair is used beyond the exported factors: this is the yardstick the
re-rankers are measured against, not a re-ranker.

  bench/fair_bound.py DIR LABEL
"""
import sys

import numpy as np

K = 10
DISCOUNT = 1.0 / np.log2(np.arange(2, K + 2))


def vector(text):
    return np.array([float(x) for x in text.strip('[]').split(',')])


def load(directory):
    item_ids, item_vecs, groups = [], [], []
    for line in open(f'{directory}/items.txt'):
        item_id, vec, group = line.rstrip('\n').split('|')
        item_ids.append(int(item_id))
        item_vecs.append(vector(vec))
        groups.append(group)
    index = {item: n for n, item in enumerate(item_ids)}
    relevant = {}
    for line in open(f'{directory}/test.txt'):
        user, item, rating = map(int, line.split('|'))
        if rating >= 4:
            relevant.setdefault(user, set()).add(item)
    users = []
    for line in open(f'{directory}/users.txt'):
        user, vec, seen = line.rstrip('\n').split('|')
        user = int(user)
        if user in relevant:
            seen_idx = [index[int(s)] for s in seen.strip('{}').split(',') if s and int(s) in index]
            users.append((user, vector(vec), seen_idx))
    return np.array(item_ids), np.array(item_vecs), np.array(groups), users, relevant


def main():
    directory, label = sys.argv[1], sys.argv[2]
    item_ids, item_vecs, groups, users, relevant = load(directory)
    names = sorted(set(groups))
    if len(names) != 2:
        sys.exit('fair_bound: expects two item groups, found %d' % len(names))
    scores = np.array([item_vecs @ vec for _, vec, _ in users])
    for n, (_, _, seen) in enumerate(users):
        scores[n, seen] = -np.inf
    gains = np.array([[1.0 if item in relevant[user] else 0.0 for item in item_ids]
                      for user, _, _ in users])
    idcg = np.array([DISCOUNT[:min(K, len(relevant[user]))].sum() for user, _, _ in users])
    rows = np.arange(len(users))[:, None]

    def lists(boost, member):
        boosted = scores + boost * member
        top = np.argpartition(-boosted, K, axis=1)[:, :K]
        order = np.argsort(-boosted[rows, top], axis=1, kind='stable')
        top = top[rows, order]
        ndcg = ((gains[rows, top] * DISCOUNT).sum(axis=1) / idcg).mean()
        share = (member[top] * DISCOUNT).sum() / (DISCOUNT.sum() * len(users))
        return ndcg, share

    first = (groups == names[0]).astype(float)
    plain_ndcg, first_share = lists(0.0, first)
    member = first if first_share < 0.5 else 1.0 - first
    boosted_group = names[0] if first_share < 0.5 else names[1]
    share0 = min(first_share, 1.0 - first_share)
    cells = [f'{label}', f'{plain_ndcg:.4f}', f'{0.5 - share0:.4f}']
    high = float(np.nanmax(np.where(np.isfinite(scores), scores, np.nan)) -
                 np.nanmin(np.where(np.isfinite(scores), scores, np.nan)))
    for disparity in (0.05, 0.025, 0.0):
        low, up = 0.0, high
        for _ in range(40):
            mid = (low + up) / 2
            if lists(mid, member)[1] < 0.5 - disparity:
                low = mid
            else:
                up = mid
        ndcg, share = lists(up, member)
        cells.append(f'{ndcg:.4f} ({100 * (ndcg / plain_ndcg - 1):+.1f}%)')
    print(' | '.join(cells) + f' | {boosted_group}')


if __name__ == '__main__':
    main()
