#!/usr/bin/env python3
"""Reference numbers for the Plackett–Luce tests (ArenaRanking).

Run:  python3 scripts/plackett-luce-reference.py > Tests/ArenaRankingTests/PlackettLuceReferenceValues.swift
Needs numpy and scipy (choix optional: `pip install choix`, used to cross-check tie-free data).
Independent of the Swift code: per-battle likelihoods (no aggregation, no subset formula).
Half-win ties are the average of the Plackett–Luce log-likelihoods over every ordering
consistent with the tie groups, enumerated with itertools.permutations; Davidson–Luce sums
f(S) = delta_|S| * prod(alpha_S)^(1/|S|) over every subset of the remaining models by brute
force. Gauge: the prior fixes it; without a prior model 0 is pinned. scipy BFGS, then Newton
polish on central differences. The tests require agreement to 1e-6 rating points.
"""
import itertools
import math
import sys

import numpy as np
from scipy.optimize import minimize

SCALE = 400 / math.log(10)


def central_gradient(fun, x, h=1e-5):
    g = np.zeros_like(x)
    for i in range(len(x)):
        e = np.zeros_like(x)
        e[i] = h
        g[i] = (fun(x + e) - fun(x - e)) / (2 * h)
    return g


def minimise(fun, size):
    x = minimize(fun, np.zeros(size), method="BFGS", options={"gtol": 1e-10, "maxiter": 10000}).x
    for _ in range(6):
        g = central_gradient(fun, x)
        H = np.array([central_gradient(fun, x + e, 1e-5) - central_gradient(fun, x - e, 1e-5)
                      for e in np.eye(size) * 1e-4]) / 2e-4
        x = x - np.linalg.solve((H + H.T) / 2, g)
    residual = np.max(np.abs(central_gradient(fun, x)))
    assert residual < 1e-7, f"not converged: gradient {residual}"
    return x


def logsumexp(values):
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def pl_order_loglik(theta, order, unranked):
    """Plain PL log-likelihood of a strict order of some models, all of `unranked` below."""
    total = 0.0
    for t in range(len(order)):
        rest = list(order[t:]) + list(unranked)
        if len(rest) == 1:
            break
        total += theta[order[t]] - logsumexp([theta[i] for i in rest])
    return total


def half_ties_loglik(theta, battle):
    groups, unranked = battle
    orders = [sum(combo, ()) for combo in itertools.product(*[itertools.permutations(g) for g in groups])]
    return sum(pl_order_loglik(theta, o, unranked) for o in orders) / len(orders)


def davidson_luce_loglik(theta, log_delta, battle):
    groups, unranked = battle
    remaining = [i for g in groups for i in g] + list(unranked)
    total = 0.0
    for g in groups:
        if len(remaining) == 1:
            break
        def log_f(s):
            return (log_delta[len(s)] if len(s) > 1 else 0.0) + sum(theta[i] for i in s) / len(s)
        subsets = [s for k in range(1, len(remaining) + 1) if k == 1 or k in log_delta
                   for s in itertools.combinations(remaining, k)]
        total += log_f(g) - logsumexp([log_f(s) for s in subsets])
        remaining = [i for i in remaining if i not in g]
    return total


def log_two_cosh(x):
    return abs(x) + math.log1p(math.exp(-2 * abs(x)))


def fit(battles, n, ties, prior):
    sizes = sorted({len(g) for groups, _ in battles for g in groups if len(g) > 1}) if ties == "davidson" else []
    played = sorted({i for groups, u in battles for i in [*sum(map(list, groups), []), *u]})
    assert played == list(range(n))

    def unpack(x):
        if prior:
            theta = x[:n]
        else:
            theta = np.concatenate([[0.0], x[:n - 1]])
        offset = n if prior else n - 1
        return theta, {s: x[offset + k] for k, s in enumerate(sizes)}

    def negative(x):
        theta, log_delta = unpack(x)
        if ties == "davidson":
            f = sum(davidson_luce_loglik(theta, log_delta, b) for b in battles)
        else:
            f = sum(half_ties_loglik(theta, b) for b in battles)
        if prior:
            for t in theta:
                if 2 in log_delta:
                    f -= math.log(2 * math.cosh(t / 2) + math.exp(log_delta[2]))
                else:
                    f -= log_two_cosh(t / 2)
            for s in sizes:
                if s >= 3:
                    f -= log_two_cosh(log_delta[s] / 2)
        return -f

    x = minimise(negative, (n if prior else n - 1) + len(sizes))
    theta, log_delta = unpack(x)
    r = SCALE * np.asarray(theta)
    return r - r.mean() + 1000, {s: math.exp(v) for s, v in log_delta.items()}


def make_battles(rng, n, seats, count, tie_rate, partial_rate):
    strengths = rng.normal(0, 0.8, n)
    battles = []
    while len(battles) < count:
        models = list(rng.choice(n, seats, replace=False))
        keys = strengths[models] + rng.gumbel(size=seats)
        order = [int(models[i]) for i in np.argsort(-keys)]
        groups = [[order[0]]]
        for m in order[1:]:
            if rng.random() < tie_rate and len(groups[-1]) < 3:
                groups[-1].append(m)
            else:
                groups.append([m])
        unranked = []
        if rng.random() < partial_rate and len(groups) > 1:
            keep = int(rng.integers(1, len(groups)))
            unranked = [m for g in groups[keep:] for m in g]
            groups = groups[:keep]
            if len(unranked) == 1:
                groups.append(unranked)
                unranked = []
        battles.append((tuple(tuple(sorted(g)) for g in groups), tuple(sorted(unranked))))
    return battles


def swift_battles(name, battles):
    rows = ",\n        ".join(
        f"b({[list(g) for g in groups]}, {list(unranked)})" for groups, unranked in battles)
    print(f"    static let {name}: [RankedBattle] = [\n        {rows},\n    ]")


def show(name, values):
    print(f"    static let {name}: [Double] = [{', '.join(repr(float(v)) for v in values)}]")


def show_deltas(name, deltas):
    body = ", ".join(f"{s}: {d!r}" for s, d in sorted(deltas.items())) or ":"
    print(f"    static let {name}: [Int: Double] = [{body}]")


def choix_check(battles, n, ours):
    try:
        import choix
    except ImportError:
        print("choix not installed: skipped the choix cross-check", file=sys.stderr)
        return None
    data = [list(sum(map(list, groups), [])) for groups, _ in battles]
    params = choix.opt_rankings(n, data, alpha=0, method="BFGS", tol=1e-12)
    r = SCALE * np.asarray(params)
    r = r - r.mean() + 1000
    gap = float(np.max(np.abs(r - ours)))
    print(f"choix.opt_rankings vs brute force (no ties, no prior): {gap:.2e} points", file=sys.stderr)
    assert gap < 1e-3, gap
    return gap


def main():
    rng = np.random.default_rng(20261202)
    sets = {
        "threeSeat": make_battles(rng, 5, 3, 40, 0.2, 0.3),
        "fourSeat": make_battles(rng, 6, 4, 40, 0.2, 0.3),
        "eightSeat": make_battles(rng, 8, 8, 12, 0.15, 0.3),
    }
    full = make_battles(rng, 5, 4, 60, 0.0, 0.0)
    print("// Generated by scripts/plackett-luce-reference.py — do not edit by hand.")
    print("@testable import ArenaRanking\n")
    print("/// Seeded ranked-battle data sets and their ratings from an independent brute-force fit.")
    print("enum PlackettLuceReferenceValues {")
    print("    static func b(_ groups: [[Int]], _ unranked: [Int]) -> RankedBattle {")
    print("        try! RankedBattle(groups: groups, unranked: unranked)")
    print("    }\n")
    sizes = {"threeSeat": 5, "fourSeat": 6, "eightSeat": 8}
    for name, battles in sets.items():
        n = sizes[name]
        swift_battles(name, battles)
        half, _ = fit(battles, n, "half", prior=True)
        show(name + "HalfWins", half)
        dl, deltas = fit(battles, n, "davidson", prior=True)
        show(name + "Davidson", dl)
        show_deltas(name + "Deltas", deltas)
        print()
    swift_battles("fullRankings", full)
    plain, _ = fit(full, 5, "half", prior=False)
    show("fullRankingsNoPrior", plain)
    gap = choix_check(full, 5, plain)
    if gap is not None:
        print(f"    /// choix.opt_rankings agreed with fullRankingsNoPrior to {gap:.1e} points.")
        print(f"    static let choixGap = {gap!r}")
    print("}")


if __name__ == "__main__":
    main()
