#!/usr/bin/env python3
"""Reference numbers for Tests/ArenaRankingTests (ArenaRanking).

Run:  python3 scripts/ranking-reference.py
Needs numpy and scipy only. Every fit here is written independently of the Swift code:
per-battle likelihoods (not pooled counts), the gauge fixed by pinning model 0 (not a centring
term), Davidson in its original pi-form, and scipy's BFGS instead of Newton. The printed values
are pasted into ReferenceValues.swift; the tests require agreement to 1e-6 rating points.
"""
import math

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit, log_expit
from scipy.stats import norm

SCALE = 400 / math.log(10)

# Case A: three models, every pair met, with ties and both-bad; (seat A, seat B, outcome).
CASE_A = [
    (0, 1, "winA"), (0, 1, "winA"), (1, 0, "winB"), (1, 0, "winA"), (0, 1, "tie"),
    (1, 2, "winA"), (2, 1, "winB"), (2, 1, "winA"), (1, 2, "bothBad"),
    (0, 2, "winA"), (2, 0, "winB"), (0, 2, "winB"), (2, 0, "tie"),
]
# Case B: model 0 never lost (the unpenalised MLE does not exist).
CASE_B = [
    (0, 1, "winA"), (1, 0, "winB"), (2, 0, "winB"),
    (1, 2, "winA"), (2, 1, "winB"), (1, 2, "winB"), (2, 1, "tie"),
]


def score_a(outcome):
    return {"winA": 1.0, "winB": 0.0, "tie": 0.5, "bothBad": 0.5}[outcome]


def central_gradient(fun, x, h=1e-5):
    g = np.zeros_like(x)
    for i in range(len(x)):
        e = np.zeros_like(x)
        e[i] = h
        g[i] = (fun(x + e) - fun(x - e)) / (2 * h)
    return g


def minimise(fun, size):
    """BFGS from zero, then Newton polish on central differences (BFGS's forward-difference
    gradient alone leaves ~1e-8 logit errors, too coarse for a 1e-6-point test)."""
    x = minimize(fun, np.zeros(size), method="BFGS", options={"gtol": 1e-10, "maxiter": 10000}).x
    for _ in range(6):
        g = central_gradient(fun, x)
        H = np.array([central_gradient(fun, x + e, 1e-5) - central_gradient(fun, x - e, 1e-5)
                      for e in np.eye(size) * 1e-4]) / 2e-4
        x = x - np.linalg.solve((H + H.T) / 2, g)
    residual = np.max(np.abs(central_gradient(fun, x)))
    assert residual < 1e-8, f"not converged: gradient {residual}"
    return x


def bt_loglik(theta, battles):
    total = 0.0
    for a, b, outcome in battles:
        d = theta[a] - theta[b]
        y = score_a(outcome)
        total += y * log_expit(d) + (1 - y) * log_expit(-d)
    return total


def virtual_ties_bt(theta, count):
    # One virtual battle per model against a reference at 0: half a win, half a loss.
    return sum(0.5 * count * log_expit(t) + 0.5 * count * log_expit(-t) for t in theta)


def bt_fit(battles, n, prior):
    if prior == "none":
        def fun(free):
            theta = np.concatenate([[0.0], free])
            return -bt_loglik(theta, battles)
        theta = np.concatenate([[0.0], minimise(fun, n - 1)])
    else:
        def fun(theta):
            return -(bt_loglik(theta, battles) + virtual_ties_bt(theta, prior))
        theta = minimise(fun, n)
    return theta


def fastchat_0236(battles, n, C=1.0):
    """fschat 0.2.36 compute_elo_mle_with_tie, objective rebuilt without sklearn: rows duplicated,
    X = +ln10 for model_a, -ln10 for model_b, Y = 1 for an A win (both copies) and for a tie in the
    first copy only; sklearn's default L2 penalty 0.5*||beta||^2 with C; no intercept."""
    rows = battles + battles
    half = len(battles)
    X = np.zeros((len(rows), n))
    Y = np.zeros(len(rows))
    for r, (a, b, outcome) in enumerate(rows):
        X[r, a] += math.log(10)
        X[r, b] -= math.log(10)
        if outcome == "winA" or (outcome in ("tie", "bothBad") and r < half):
            Y[r] = 1.0

    def fun(beta):
        z = X @ beta
        return 0.5 * beta @ beta - C * np.sum(Y * log_expit(z) + (1 - Y) * log_expit(-z))
    beta = minimise(fun, n)
    return 400 * beta + 1000


def davidson_fit(battles, n, prior):
    def loglik(theta, nu):
        pi = np.exp(theta)
        total = 0.0
        for a, b, outcome in battles:
            denom = pi[a] + pi[b] + nu * math.sqrt(pi[a] * pi[b])
            if outcome == "winA":
                total += math.log(pi[a] / denom)
            elif outcome == "winB":
                total += math.log(pi[b] / denom)
            else:
                total += math.log(nu * math.sqrt(pi[a] * pi[b]) / denom)
        if prior != "none":
            for t in theta:  # half a win and half a loss against a reference with pi = 1
                p = math.exp(t)
                denom = p + 1 + nu * math.sqrt(p)
                total += 0.5 * prior * (math.log(p / denom) + math.log(1 / denom))
        return total

    if prior == "none":
        def fun(x):
            return -loglik(np.concatenate([[0.0], x[:-1]]), math.exp(x[-1]))
        x = minimise(fun, n)
        theta = np.concatenate([[0.0], x[:-1]])
    else:
        def fun(x):
            return -loglik(x[:-1], math.exp(x[-1]))
        x = minimise(fun, n + 1)
        theta = x[:-1]
    return theta, math.exp(x[-1])


# Case S: style control, three models; (a, b, outcome, styleA, styleB), style = tokens, headers, lists, bold.
CASE_S = [
    (0, 1, "winA", (420, 3, 6, 4), (150, 0, 0, 0)),
    (1, 0, "winB", (200, 0, 2, 0), (380, 2, 5, 3)),
    (0, 2, "winA", (500, 4, 8, 6), (260, 1, 2, 1)),
    (2, 0, "winA", (300, 1, 3, 2), (310, 1, 3, 2)),
    (1, 2, "winB", (120, 0, 0, 0), (280, 2, 4, 1)),
    (2, 1, "tie", (250, 1, 1, 0), (240, 0, 1, 0)),
    (0, 1, "winB", (100, 0, 0, 0), (90, 0, 0, 0)),
    (2, 1, "winA", (600, 5, 9, 7), (200, 0, 1, 0)),
    (1, 0, "bothBad", (180, 0, 0, 1), (420, 2, 3, 2)),
    (0, 2, "winB", (260, 0, 1, 0), (520, 3, 7, 5)),
]


def style_fit(battles, n, prior=1.0, ridge=0.5):
    diffs = np.array([[(sa[k] - sb[k]) / (sa[k] + sb[k] + 1) for k in range(4)] for _, _, _, sa, sb in battles])
    rms = np.sqrt(np.mean(diffs ** 2, axis=0))
    z = diffs / rms

    def fun(x):
        theta, gamma = x[:n], x[n:]
        total = 0.0
        for t, (a, b, outcome, _, _) in enumerate(battles):
            eta = theta[a] - theta[b] + gamma @ z[t]
            y = score_a(outcome)
            total += y * log_expit(eta) + (1 - y) * log_expit(-eta)
        total += virtual_ties_bt(theta, prior)
        total -= 0.5 * ridge * gamma @ gamma
        return -total
    x = minimise(fun, n + 4)
    return x[:n], x[n:], rms


def ratings(theta, anchor=None):
    r = SCALE * np.asarray(theta)
    if anchor is None:
        return r - r.mean() + 1000
    model, value = anchor
    return r - r[model] + value


def show(name, values):
    print(f"    static let {name}: [Double] = [{', '.join(repr(float(v)) for v in values)}]")


def main():
    print("// Generated by scripts/ranking-reference.py — do not edit by hand.")
    print("enum ReferenceValues {")
    show("caseABradleyTerryNoPrior", ratings(bt_fit(CASE_A, 3, "none")))
    show("caseABradleyTerryVirtualTie", ratings(bt_fit(CASE_A, 3, 1.0)))
    show("caseABradleyTerryAnchored", ratings(bt_fit(CASE_A, 3, 1.0), anchor=(2, 1114.0)))
    show("caseAFastChat0236", fastchat_0236(CASE_A, 3))
    show("caseBBradleyTerryVirtualTie", ratings(bt_fit(CASE_B, 3, 1.0)))
    theta, nu = davidson_fit(CASE_A, 3, "none")
    show("caseADavidsonNoPrior", ratings(theta))
    print(f"    static let caseADavidsonNoPriorNu = {nu!r}")
    theta, nu = davidson_fit(CASE_A, 3, 1.0)
    show("caseADavidsonVirtualTie", ratings(theta))
    print(f"    static let caseADavidsonVirtualTieNu = {nu!r}")
    theta, gamma, rms = style_fit(CASE_S, 3)
    show("caseSStyleRatings", ratings(theta))
    show("caseSStyleCoefficients", gamma)
    show("caseSStyleScales", rms)
    wilson = []
    for k, n, conf in [(8, 10, 0.95), (0, 10, 0.95), (50, 100, 0.95), (3, 7, 0.90), (999, 1000, 0.99)]:
        z = norm.ppf(0.5 + conf / 2)
        p = k / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
        wilson += [centre - half, centre + half]
    show("wilsonBounds", wilson)
    show("normalQuantiles", [norm.ppf(p) for p in (0.975, 0.95, 0.5, 0.01, 1e-10, 0.999999)])
    print("}")


if __name__ == "__main__":
    main()
